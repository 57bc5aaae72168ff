package org.hqd.store.query;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which cases a query looks at: discharged in [from, to] (either end open), optionally of one hospital. Queries
 * write {@link #PERIOD_SQL} and {@link #HOSPITAL_SQL} and bind the values with {@link #bindPeriod} and
 * {@link #bindHospital}.
 */
public record CaseFilter(Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> hospital) {
    /** The period condition over {@code discharge_date}: four parameters. */
    public static final String PERIOD_SQL = "(?::DATE IS NULL OR discharge_date >= ?::DATE) "
            + "AND (?::DATE IS NULL OR discharge_date <= ?::DATE)";
    /** The hospital condition over {@code hospital_id}: two parameters. */
    public static final String HOSPITAL_SQL = "(?::VARCHAR IS NULL OR hospital_id = ?::VARCHAR)";

    /** Every case. */
    public static final CaseFilter ALL = new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty());

    /** Binds the four period parameters from {@code index}; returns the next index. */
    public int bindPeriod(PreparedStatement s, int index) throws SQLException {
        Object f = from.map(Date::valueOf).orElse(null);
        Object t = to.map(Date::valueOf).orElse(null);
        s.setObject(index, f);
        s.setObject(index + 1, f);
        s.setObject(index + 2, t);
        s.setObject(index + 3, t);
        return index + 4;
    }

    /** Binds the two hospital parameters from {@code index}; returns the next index. */
    public int bindHospital(PreparedStatement s, int index) throws SQLException {
        s.setObject(index, hospital.orElse(null));
        s.setObject(index + 1, hospital.orElse(null));
        return index + 2;
    }
}
