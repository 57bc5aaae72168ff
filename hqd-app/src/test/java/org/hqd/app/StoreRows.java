package org.hqd.app;

import java.util.List;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/** What the store holds, asked in SQL by the tests (never by the services), read as the store's tests read it. */
public final class StoreRows {
    private StoreRows() {
    }

    /** The single number a query answers, e.g. {@code SELECT count(*) FROM budget_lines}. */
    public static long count(DataAccess data, String sql) {
        return data.with(d -> number(d, sql));
    }

    /** Every row of a query, its values joined by {@code |}; SQL NULL is written {@code NULL}. */
    public static List<String> rows(DataDirectory d, String sql) {
        return Query.of(sql, sql).read(d.connection(), Query.TEXT_ROWS);
    }

    /** The single number a query answers, on a directory the test holds open. */
    public static long number(DataDirectory d, String sql) {
        return Query.of(sql, sql).number(d.connection());
    }
}
