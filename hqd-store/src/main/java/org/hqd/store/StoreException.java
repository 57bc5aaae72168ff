package org.hqd.store;

import java.sql.SQLException;
import org.hqd.DataStoreException;

/** A database operation of the store failed: says which, and the database's own first line of explanation. */
public final class StoreException extends DataStoreException {
    private static final long serialVersionUID = 1L;

    public StoreException(String what, SQLException cause) {
        super("数据库操作失败（" + what + "）：" + firstLine(String.valueOf(cause.getMessage())), cause);
    }

    /**
     * The line of the database's message that says what went wrong: the first non-empty one, unless it is the
     * JDBC driver's generic "unsuccessful or closed pending query result", whose cause follows on the next lines.
     */
    static String firstLine(String s) {
        for (String line : s.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.contains("Attempting to execute an unsuccessful or closed pending query result")) {
                return l;
            }
        }
        return s.strip();
    }
}
