package org.hqd.store.budget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
    /** A year's lines of budgets ({@code {which}}: of a hospital's version, or {@code true}), as a budget reads them. */
    private static final String LINES = "SELECT hospital_id, version, department, item, month, amount FROM budget_lines "
            + "WHERE year = ? AND {which} ORDER BY hospital_id, version, department, item, month";
    /** A year's actual amounts ({@code {which}}: of a hospital, or {@code true}). */
    private static final String ACTUALS = "SELECT hospital_id, year, department, item, month, amount FROM budget_actuals "
            + "WHERE year = ? AND {which} ORDER BY hospital_id, department, item, month";
    /** A year's history ({@code {which}}: of a hospital, or {@code true}), in the order it happened. */
    private static final String EVENTS = "SELECT version, action, from_state, to_state, comment, user_name, happened_at, "
            + "hospital_id FROM budget_events WHERE year = ? AND {which} ORDER BY hospital_id, happened_at, rowid";

    private BudgetBook() {
    }

    static List<BudgetVersion> versions(Connection c, String hospital, int year) {
        return Query.of("读取预算版本", "SELECT " + VERSION_COLUMNS + " FROM budget_versions WHERE hospital_id = ? "
                + "AND year = ? ORDER BY version").bind(hospital, year).list(c, BudgetBook::version);
    }

    /** Every version of the year's budgets, by hospital, in version order. */
    static Map<String, List<BudgetVersion>> versions(Connection c, int year) {
        return byHospital(Query.of("读取预算版本", "SELECT " + VERSION_COLUMNS + " FROM budget_versions WHERE year = ? "
                + "ORDER BY hospital_id, version").bind(year).list(c, BudgetBook::version), BudgetVersion::hospitalId);
    }

    /** Every hospital and year with a budget: its latest version. */
    static List<BudgetVersion> budgets(Connection c) {
        return Query.of("读取预算", "SELECT " + VERSION_COLUMNS + " FROM budget_versions QUALIFY row_number() OVER "
                + "(PARTITION BY hospital_id, year ORDER BY version DESC) = 1 ORDER BY year DESC, hospital_id")
                .list(c, BudgetBook::version);
    }

    private static BudgetVersion version(ResultSet r) throws SQLException {
        return new BudgetVersion(r.getString(1), r.getInt(2), r.getInt(3), r.getBoolean(4),
                BudgetState.valueOf(r.getString(5)), r.getString(6));
    }

    static Optional<BudgetVersion> latest(Connection c, String hospital, int year) {
        return latest(versions(c, hospital, year));
    }

    /** The latest of a budget's versions (in version order). */
    static Optional<BudgetVersion> latest(List<BudgetVersion> all) {
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The version in force among a budget's versions (in version order): the latest approved or closed one. */
    static Optional<BudgetVersion> inForce(List<BudgetVersion> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).state() == BudgetState.APPROVED || all.get(i).state() == BudgetState.CLOSED) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    static List<BudgetLine> lines(Connection c, String hospital, int year, int version) {
        return Query.of("读取预算明细", LINES.replace("{which}", "hospital_id = ? AND version = ?"))
                .bind(year, hospital, version).list(c, r -> line(r, year, s -> s));
    }

    /** The lines of every version of the year's budgets, by hospital and version; equal texts shared. */
    static Map<String, Map<Integer, List<BudgetLine>>> lines(Connection c, int year) {
        Map<String, Map<Integer, List<BudgetLine>>> out = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        Query.of("读取预算明细", LINES.replace("{which}", "true")).bind(year).forEach(c, r -> out
                .computeIfAbsent(r.getString(1), h -> new LinkedHashMap<>())
                .computeIfAbsent(r.getInt(2), v -> new ArrayList<>()).add(line(r, year, x -> texts.computeIfAbsent(x,
                        k -> k))));
        return out;
    }

    static List<BudgetLine> actuals(Connection c, String hospital, int year) {
        return Query.of("读取预算明细", ACTUALS.replace("{which}", "hospital_id = ?")).bind(year, hospital)
                .list(c, r -> line(r, year, s -> s));
    }

    /** The actual amounts of the year, by hospital; equal texts shared. */
    static Map<String, List<BudgetLine>> actuals(Connection c, int year) {
        Map<String, String> texts = new HashMap<>();
        return byHospital(Query.of("读取预算明细", ACTUALS.replace("{which}", "true")).bind(year)
                .list(c, r -> line(r, year, x -> texts.computeIfAbsent(x, k -> k))), BudgetLine::hospitalId);
    }

    /** A line of {@link #LINES} or {@link #ACTUALS}, its texts through {@code text}. */
    private static BudgetLine line(ResultSet r, int year, UnaryOperator<String> text) throws SQLException {
        return new BudgetLine(text.apply(r.getString(1)), year, text.apply(r.getString(3)), text.apply(r.getString(4)),
                r.getInt(5), r.getLong(6));
    }

    static List<BudgetEvent> events(Connection c, String hospital, int year) {
        return Query.of("读取预算记录", EVENTS.replace("{which}", "hospital_id = ?")).bind(year, hospital)
                .list(c, BudgetBook::event);
    }

    /** The history of the year's budgets, by hospital. */
    static Map<String, List<BudgetEvent>> events(Connection c, int year) {
        Map<String, List<BudgetEvent>> out = new LinkedHashMap<>();
        Query.of("读取预算记录", EVENTS.replace("{which}", "true")).bind(year).forEach(c, r -> out
                .computeIfAbsent(r.getString(8), h -> new ArrayList<>()).add(event(r)));
        return out;
    }

    private static BudgetEvent event(ResultSet r) throws SQLException {
        return new BudgetEvent(r.getInt(1), BudgetAction.valueOf(r.getString(2)),
                Optional.ofNullable(r.getString(3)).map(BudgetState::valueOf), BudgetState.valueOf(r.getString(4)),
                r.getString(5), r.getString(6), r.getTimestamp(7).toInstant());
    }

    /** Items in their order, grouped by hospital (in the order of their first item). */
    static <T> Map<String, List<T>> byHospital(List<T> items, Function<T, String> hospital) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        items.forEach(x -> out.computeIfAbsent(hospital.apply(x), h -> new ArrayList<>()).add(x));
        return out;
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
