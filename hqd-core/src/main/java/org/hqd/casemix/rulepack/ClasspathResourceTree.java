package org.hqd.casemix.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** A {@link ResourceTree} on the class path, under a resource prefix such as {@code casemix/}. */
public final class ClasspathResourceTree implements ResourceTree {
    private final ClassLoader loader;
    private final String prefix;

    public ClasspathResourceTree(ClassLoader loader, String prefix) {
        this.loader = loader;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public Optional<InputStream> open(String path) throws IOException {
        InputStream plain = loader.getResourceAsStream(prefix + path);
        if (plain != null) {
            return Optional.of(plain);
        }
        InputStream gz = loader.getResourceAsStream(prefix + path + ".gz");
        return gz == null ? Optional.empty() : Optional.of(new GZIPInputStream(gz, 1 << 16));
    }

    @Override
    public ResourceTree subtree(String folder) {
        return new ClasspathResourceTree(loader, prefix + folder);
    }

    @Override
    public String describe() {
        return "classpath:" + prefix;
    }
}
