package org.hqd.casemix.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** A {@link ResourceTree} in a folder of the file system, e.g. a region's own rule pack. */
public final class DirectoryResourceTree implements ResourceTree {
    private final Path root;

    public DirectoryResourceTree(Path root) {
        this.root = root;
    }

    @Override
    public Optional<InputStream> open(String path) throws IOException {
        Path plain = root.resolve(path);
        if (Files.isRegularFile(plain)) {
            return Optional.of(Files.newInputStream(plain));
        }
        Path gz = root.resolve(path + ".gz");
        if (Files.isRegularFile(gz)) {
            return Optional.of(new GZIPInputStream(Files.newInputStream(gz), 1 << 16));
        }
        return Optional.empty();
    }

    @Override
    public ResourceTree subtree(String folder) {
        return new DirectoryResourceTree(root.resolve(folder));
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
