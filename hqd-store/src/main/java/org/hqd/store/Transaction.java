package org.hqd.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work on a connection as one transaction: committed when it returns, rolled back when it throws (a database
 * error becomes a {@link StoreException} saying what was being done), auto-commit restored either way. Work started
 * inside a transaction already open on the connection joins it: the outer one commits or rolls back everything, so
 * a use case can make several store calls and its audit entry one unit.
 */
public final class Transaction {
    /** Work inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Transaction() {
    }

    /** @param what what the work does, for the error message, e.g. "导入 abstracts.csv" */
    public static <T> T run(Connection c, String what, Work<T> work) {
        try {
            if (!c.getAutoCommit()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
        T result;
        try {
            result = work.run(c);
            c.commit();
        } catch (SQLException e) {
            throw restored(c, rolledBack(c, new StoreException(what, e)));
        } catch (RuntimeException e) {
            throw restored(c, rolledBack(c, e));
        } catch (Error e) {
            throw restored(c, rolledBack(c, e));
        }
        restoreAutoCommit(c);
        return result;
    }

    /** Auto-commit back on after a failure: a failure to do so is added to the failure, never put in its place. */
    private static <F extends Throwable> F restored(Connection c, F failure) {
        try {
            restoreAutoCommit(c);
        } catch (StoreException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("恢复自动提交", e);
        }
    }

    private static <F extends Throwable> F rolledBack(Connection c, F failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the original failure is what the user needs to see
            failure.addSuppressed(e);
        }
        return failure;
    }
}
