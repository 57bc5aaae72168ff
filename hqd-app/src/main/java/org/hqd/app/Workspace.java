package org.hqd.app;

import java.nio.file.Path;
import java.util.function.Function;
import org.hqd.store.DataDirectory;

/**
 * A data directory a command opens for the length of its run ({@code --data DIR}): created and migrated when needed,
 * one connection, closed at the end.
 */
public final class Workspace implements DataAccess, AutoCloseable {
    private final DataDirectory dir;

    private Workspace(DataDirectory dir) {
        this.dir = dir;
    }

    /** Opens (and creates when missing) the data directory for reading and writing. */
    public static Workspace open(Path path) {
        return new Workspace(DataDirectory.openForWriting(path));
    }

    public Path path() {
        return dir.path();
    }

    @Override
    public <T> T with(Function<DataDirectory, T> work) {
        return work.apply(dir);
    }

    @Override
    public void close() {
        dir.close();
    }
}
