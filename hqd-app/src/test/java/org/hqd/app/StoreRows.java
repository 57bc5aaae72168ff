package org.hqd.app;

import java.sql.SQLException;

/** What the store holds, asked in SQL by the tests (never by the services). */
public final class StoreRows {
    private StoreRows() {
    }

    /** The single number a query answers, e.g. {@code SELECT count(*) FROM budget_lines}. */
    public static long count(DataAccess data, String sql) {
        return data.with(d -> {
            try (var s = d.connection().createStatement(); var r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }
}
