package org.hqd.store.costing;

import java.sql.Connection;
import java.sql.SQLException;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.Transaction;

/**
 * Runs a write in the caller's transaction when one is open on the connection (auto-commit off), so that a use case
 * can store its changes and its audit entry together; otherwise in a transaction of its own.
 */
final class Joined {
    private Joined() {
    }

    static <T> T run(DataDirectory dir, String what, Transaction.Work<T> work) {
        Connection c = dir.connection();
        try {
            if (!c.getAutoCommit()) {
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
        return Transaction.run(c, what, work);
    }
}
