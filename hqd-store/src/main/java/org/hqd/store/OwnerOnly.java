package org.hqd.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders of a data directory that hold patients' data outside the database (staging files of imports,
 * rejected rows): created readable and writable by their owner only ({@code rw-------}, folders {@code rwx------}),
 * on file systems that have POSIX permissions; elsewhere the data directory's own protection applies.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates a folder that only its owner can enter. */
    public static Path createDirectory(Path dir) throws IOException {
        return POSIX ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER)) : Files.createDirectory(dir);
    }

    /** Takes away group's and others' access to an existing folder or file. */
    public static void restrict(Path p) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER : FILE);
        }
    }

    /** Opens a new file (replacing one of that name) for writing, readable by its owner only. */
    public static OutputStream newFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.newOutputStream(Files.createFile(file, fileAttributes()));
    }

    /** The attributes of a new owner-only file (none where the file system has no POSIX permissions). */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Options for {@link java.nio.channels.FileChannel#open} of a new file. */
    public static Set<StandardOpenOption> newFileOptions() {
        return Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * Removes the work folders under {@code scratch} that processes left when they were killed: named
     * {@code <kind>-<process id>-…} by {@link DataDirectory#scratch}, of a process that no longer runs (or of an older
     * version, without a process id). Work of this process and of running ones is left alone.
     */
    static void removeStaleScratch(Path scratch) {
        long self = ProcessHandle.current().pid();
        try (Stream<Path> s = Files.list(scratch)) {
            s.filter(Files::isDirectory).filter(p -> {
                String[] parts = p.getFileName().toString().split("-", 3);
                if (!parts[0].equals("import")) {
                    return false;
                }
                try {
                    long pid = Long.parseLong(parts.length > 1 ? parts[1] : "");
                    return pid != self && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                } catch (NumberFormatException e) {
                    return true; // an older version's work folder: no import of it can still run beside this one
                }
            }).forEach(OwnerOnly::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file or a folder with everything in it. */
    public static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
