package org.hqd.app;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hqd.store.DataDirectory;

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

    /** Every row of a query, its values joined by {@code |}; SQL NULL is written {@code NULL}. */
    public static List<String> rows(DataDirectory d, String sql) {
        try (var s = d.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData m = r.getMetaData();
            List<String> out = new ArrayList<>();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    String v = r.getString(i);
                    b.append(i > 1 ? "|" : "").append(v == null ? "NULL" : v);
                }
                out.add(b.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number a query answers, on a directory the test holds open. */
    public static long number(DataDirectory d, String sql) {
        return count(DataAccess.of(d), sql);
    }
}
