package org.hqd.app;

import java.nio.file.Path;
import java.util.function.Function;
import org.hqd.budget.BudgetCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.budget.BudgetStore;

/**
 * A data directory an adapter works on: a command opens it for the length of its run ({@code --data DIR}: created and
 * migrated when needed, one connection, closed at the end); the web server lends its services a {@link #pool} of
 * connections to it. This and {@link DataAccess} are how the adapters reach the store: they name no store class.
 */
public final class Workspace implements DataAccess, AutoCloseable {
    /** The data directory of a command without {@code --data}. */
    public static final String DEFAULT = DataDirectory.DEFAULT;

    private final DataDirectory dir;
    private final boolean owned;

    private Workspace(DataDirectory dir, boolean owned) {
        this.dir = dir;
        this.owned = owned;
    }

    /** Opens (and creates when missing) the data directory for reading and writing. */
    public static Workspace open(Path path) {
        return new Workspace(DataDirectory.openForWriting(path), true);
    }

    /** Opens an existing data directory for reading only (a query beside a running import or server). */
    public static Workspace openForReading(Path path) {
        return new Workspace(DataDirectory.openForReading(path), true);
    }

    /** A data directory opened by the caller, who closes it ({@link #close()} leaves it open). */
    public static Workspace of(DataDirectory dir) {
        return new Workspace(dir, false);
    }

    public Path path() {
        return dir.path();
    }

    @Override
    public <T> T with(Function<DataDirectory, T> work) {
        return work.apply(dir);
    }

    /**
     * A fixed pool of {@code size} further connections to this directory, for a server's concurrent requests. What a
     * store writes the first time it is used on a directory — the budget item catalogue — is written here first and
     * committed, so that two connections of the pool never both write it (their transactions would conflict on
     * commit, and the request that came second would fail).
     */
    public ConnectionPool pool(int size) {
        new BudgetStore(dir, BudgetCatalog.standard());
        return new ConnectionPool(dir, size);
    }

    @Override
    public void close() {
        if (owned) {
            dir.close();
        }
    }
}
