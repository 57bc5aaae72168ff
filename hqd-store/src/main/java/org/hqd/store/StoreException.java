package org.hqd.store;

import java.sql.SQLException;
import org.hqd.HqdException;

/** A database operation of the store failed: says which, and the database's own first line of explanation. */
public final class StoreException extends HqdException {
    private static final long serialVersionUID = 1L;

    public StoreException(String what, SQLException cause) {
        super("数据库操作失败（" + what + "）：" + firstLine(String.valueOf(cause.getMessage())), cause);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
