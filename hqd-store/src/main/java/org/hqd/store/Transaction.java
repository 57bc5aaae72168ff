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
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c);
            throw new StoreException(what, e);
        } catch (RuntimeException e) {
            rollback(c);
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                throw new StoreException("恢复自动提交", e);
            }
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
