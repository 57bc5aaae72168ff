package org.hqd.store.query;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.hqd.casemix.CaseFilter;

/**
 * A {@link CaseFilter} in SQL: queries write {@link #PERIOD_SQL} and {@link #HOSPITAL_SQL} (or their forms over a
 * table alias) and bind the values with {@link #bindPeriod} and {@link #bindHospital}.
 */
public final class CaseFilterSql {
    /** The period condition over {@code discharge_date}: four parameters. */
    public static final String PERIOD_SQL = "(?::DATE IS NULL OR discharge_date >= ?::DATE) "
            + "AND (?::DATE IS NULL OR discharge_date <= ?::DATE)";
    /** The hospital condition over {@code hospital_id}: two parameters. */
    public static final String HOSPITAL_SQL = "(?::VARCHAR IS NULL OR hospital_id = ?::VARCHAR)";

    private CaseFilterSql() {
    }

    /** The period condition over {@code alias.discharge_date}. */
    public static String period(String alias) {
        return PERIOD_SQL.replace("discharge_date", alias + ".discharge_date");
    }

    /** The hospital condition over {@code alias.hospital_id}. */
    public static String hospital(String alias) {
        return HOSPITAL_SQL.replace("hospital_id", alias + ".hospital_id");
    }

    /** Binds the four period parameters from {@code index}; returns the next index. */
    public static int bindPeriod(CaseFilter filter, PreparedStatement s, int index) throws SQLException {
        Object f = filter.from().map(Date::valueOf).orElse(null);
        Object t = filter.to().map(Date::valueOf).orElse(null);
        s.setObject(index, f);
        s.setObject(index + 1, f);
        s.setObject(index + 2, t);
        s.setObject(index + 3, t);
        return index + 4;
    }

    /** Binds the two hospital parameters from {@code index}; returns the next index. */
    public static int bindHospital(CaseFilter filter, PreparedStatement s, int index) throws SQLException {
        s.setObject(index, filter.hospital().orElse(null));
        s.setObject(index + 1, filter.hospital().orElse(null));
        return index + 2;
    }
}
