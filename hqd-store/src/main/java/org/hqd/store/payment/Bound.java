package org.hqd.store.payment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text with its parameters in order, built piece by piece. */
final class Bound {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** Appends text and the values of its {@code ?} placeholders. */
    Bound add(String sql, Object... values) {
        text.append(sql);
        params.addAll(java.util.Arrays.asList(values));
        return this;
    }

    Bound add(Bound other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    String text() {
        return text.toString();
    }

    /**
     * The text with each parameter written as a literal (text quoted, numbers in their exact decimal form), for a
     * statement that cannot take parameters (COPY). The text itself must hold no {@code ?} but the placeholders.
     */
    String inline() {
        StringBuilder out = new StringBuilder();
        int k = 0;
        String t = text.toString();
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch != '?') {
                out.append(ch);
                continue;
            }
            Object p = params.get(k++);
            out.append(p == null ? "NULL" : "'" + p.toString().replace("'", "''") + "'");
        }
        if (k != params.size()) {
            throw new IllegalStateException("placeholders " + k + " != parameters " + params.size());
        }
        return out.toString();
    }

    /** Binds the parameters from index {@code first}; returns the next index. */
    int bind(PreparedStatement s, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            s.setObject(i++, p);
        }
        return i;
    }
}
