package org.hqd.store.budget;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.store.Query;

/**
 * The versions of the budgets, their lines, the actual amounts and the history (tables {@code budget_versions},
 * {@code budget_lines}, {@code budget_actuals}, {@code budget_events}): what the steps of a budget read and write on
 * the connection they are given, so that a step inside a transaction reads what it is about to change. A write names
 * the work it belongs to ({@code what}) in its error.
 */
final class BudgetBook {
    private static final String VERSION_COLUMNS = "hospital_id, year, version, adjustment, state, reason";

    private BudgetBook() {
    }

    static List<BudgetVersion> versions(Connection c, String hospital, int year) {
        return Query.of("读取预算版本", "SELECT " + VERSION_COLUMNS + " FROM budget_versions WHERE hospital_id = ? "
                + "AND year = ? ORDER BY version").bind(hospital, year).list(c, BudgetBook::version);
    }

    /** Every hospital and year with a budget: its latest version. */
    static List<BudgetVersion> budgets(Connection c) {
        return Query.of("读取预算", "SELECT " + VERSION_COLUMNS + " FROM budget_versions QUALIFY row_number() OVER "
                + "(PARTITION BY hospital_id, year ORDER BY version DESC) = 1 ORDER BY year DESC, hospital_id")
                .list(c, BudgetBook::version);
    }

    private static BudgetVersion version(java.sql.ResultSet r) throws SQLException {
        return new BudgetVersion(r.getString(1), r.getInt(2), r.getInt(3), r.getBoolean(4),
                BudgetState.valueOf(r.getString(5)), r.getString(6));
    }

    static Optional<BudgetVersion> latest(Connection c, String hospital, int year) {
        List<BudgetVersion> all = versions(c, hospital, year);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The version in force: the latest approved or closed one. */
    static Optional<BudgetVersion> inForce(Connection c, String hospital, int year) {
        List<BudgetVersion> all = versions(c, hospital, year);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).state() == BudgetState.APPROVED || all.get(i).state() == BudgetState.CLOSED) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    static List<BudgetLine> lines(Connection c, String hospital, int year, int version) {
        return Query.of("读取预算明细", "SELECT department, item, month, amount FROM budget_lines WHERE hospital_id = ? "
                        + "AND year = ? AND version = ? ORDER BY department, item, month").bind(hospital, year, version)
                .list(c, r -> new BudgetLine(hospital, year, r.getString(1), r.getString(2), r.getInt(3), r.getLong(4)));
    }

    static List<BudgetLine> actuals(Connection c, String hospital, int year) {
        return Query.of("读取预算明细", "SELECT department, item, month, amount FROM budget_actuals WHERE hospital_id = ? "
                        + "AND year = ? ORDER BY department, item, month").bind(hospital, year)
                .list(c, r -> new BudgetLine(hospital, year, r.getString(1), r.getString(2), r.getInt(3), r.getLong(4)));
    }

    static List<BudgetEvent> events(Connection c, String hospital, int year) {
        return Query.of("读取预算记录", "SELECT version, action, from_state, to_state, comment, user_name, happened_at "
                        + "FROM budget_events WHERE hospital_id = ? AND year = ? ORDER BY happened_at, rowid")
                .bind(hospital, year).list(c, r -> new BudgetEvent(r.getInt(1), BudgetAction.valueOf(r.getString(2)),
                        Optional.ofNullable(r.getString(3)).map(BudgetState::valueOf), BudgetState.valueOf(r.getString(4)),
                        r.getString(5), r.getString(6), r.getTimestamp(7).toInstant()));
    }

    /** Creates a version, or sets the state and reason of the one of the same number. */
    static void saveVersion(Connection c, String what, BudgetVersion v, String user, Instant at) {
        Query.of(what, "INSERT INTO budget_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hospital_id, year, "
                        + "version) DO UPDATE SET state = excluded.state, reason = excluded.reason")
                .bind(v.hospitalId(), v.year(), v.version(), v.adjustment(), v.state().name(), v.reason(),
                        Timestamp.from(at), user).update(c);
    }

    static void setState(Connection c, String what, BudgetVersion v) {
        Query.of(what, "UPDATE budget_versions SET state = ? WHERE hospital_id = ? AND year = ? AND version = ?")
                .bind(v.state().name(), v.hospitalId(), v.year(), v.version()).update(c);
    }

    /** The lines of a version, in place of those it had. */
    static void replaceLines(Connection c, String what, BudgetVersion v, List<BudgetLine> lines) throws SQLException {
        Query.of(what, "DELETE FROM budget_lines WHERE hospital_id = ? AND year = ? AND version = ?")
                .bind(v.hospitalId(), v.year(), v.version()).update(c);
        try (DuckDBAppender a = appender(c, "budget_lines")) {
            for (BudgetLine l : lines) {
                a.beginRow().append(v.hospitalId()).append(v.year()).append(v.version()).append(l.department())
                        .append(l.item()).append(l.month()).append(l.fen()).endRow();
            }
        }
    }

    /** The actual amounts of one hospital's month, in place of those it had; {@code batch} is the import's. */
    static void replaceActualMonth(Connection c, String what, List<BudgetLine> month, String batch) throws SQLException {
        BudgetLine f = month.get(0);
        Query.of(what, "DELETE FROM budget_actuals WHERE hospital_id = ? AND year = ? AND month = ?")
                .bind(f.hospitalId(), f.year(), f.month()).update(c);
        try (DuckDBAppender a = appender(c, "budget_actuals")) {
            for (BudgetLine l : month) {
                a.beginRow().append(l.hospitalId()).append(l.year()).append(l.department()).append(l.item())
                        .append(l.month()).append(l.fen()).append(batch).endRow();
            }
        }
    }

    /** Rows in bulk (a budget's lines, a month's actuals): DuckDB's appender, not one statement per row. */
    private static DuckDBAppender appender(Connection c, String table) throws SQLException {
        return c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    /** One step of a budget's history. */
    static void event(Connection c, String what, BudgetVersion v, BudgetAction action, Optional<BudgetState> from,
                      BudgetState to, String comment, String user, Instant at) {
        Query.of(what, "INSERT INTO budget_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(v.hospitalId(), v.year(), v.version(), action.name(), from.map(Enum::name).orElse(null), to.name(),
                        comment, user, Timestamp.from(at)).update(c);
    }
}
