package org.hqd.casemix.rulepack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A rule pack as files on disk: a folder, or a single {@code .zip} file holding the folder's files (a "pack file"
 * a region passes around). {@code --scheme} accepts either, or the path of a folder's {@code pack.json}.
 */
public final class PackFiles {
    private PackFiles() {
    }

    /** Whether the path is a zip file (by its name). */
    public static boolean isZip(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    /** Writes the files as a folder, or as a zip when the path ends in {@code .zip}; an existing target is replaced. */
    public static void write(Map<String, String> files, Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (isZip(target)) {
                Path tmp = Files.createTempFile(parent, ".pack", ".zip");
                try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                    for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
                        zip.putNextEntry(new ZipEntry(f.getKey()));
                        zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                        zip.closeEntry();
                    }
                }
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Path file = target.resolve(f.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("写入规则包 " + target + " 失败：" + e.getMessage(), e);
        }
    }

    /** The files of a pack zip, as a tree rooted where its {@code pack.json} is. */
    public static ResourceTree readZip(Path zip) {
        Map<String, byte[]> files = new HashMap<>();
        String root = null;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                files.put(e.getName(), z.getInputStream(e).readAllBytes());
                if (e.getName().endsWith("pack.json") && (root == null || e.getName().length() < root.length() + 9)) {
                    root = e.getName().substring(0, e.getName().length() - "pack.json".length());
                }
            }
        } catch (IOException e) {
            throw new RulePackException("无法读取规则包文件 " + zip + "：" + e.getMessage());
        }
        if (root == null) {
            throw new RulePackException("规则包文件 " + zip + " 中没有 pack.json");
        }
        ResourceTree tree = new MemoryResourceTree(files, zip.toString());
        return root.isEmpty() ? tree : tree.subtree(root.substring(0, root.length() - 1));
    }
}
