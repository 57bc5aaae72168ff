package org.hqd.casemix.rulepack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** A {@link ResourceTree} of files held in memory: a compiled pack before it is written, a pack read from a zip. */
final class MemoryResourceTree implements ResourceTree {
    private final Map<String, byte[]> files;
    private final String prefix;
    private final String description;

    MemoryResourceTree(Map<String, byte[]> files, String description) {
        this(files, "", description);
    }

    private MemoryResourceTree(Map<String, byte[]> files, String prefix, String description) {
        this.files = files;
        this.prefix = prefix;
        this.description = description;
    }

    static MemoryResourceTree ofText(Map<String, String> files, String description) {
        Map<String, byte[]> bytes = new java.util.HashMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new MemoryResourceTree(bytes, description);
    }

    @Override
    public Optional<InputStream> open(String path) {
        byte[] b = files.get(prefix + path);
        return b == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(b));
    }

    @Override
    public ResourceTree subtree(String folder) {
        return new MemoryResourceTree(files, prefix + (folder.endsWith("/") ? folder : folder + "/"),
                description + "/" + folder);
    }

    @Override
    public String describe() {
        return description;
    }
}
