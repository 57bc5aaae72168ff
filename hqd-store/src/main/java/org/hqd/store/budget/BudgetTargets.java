package org.hqd.store.budget;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.TargetValue;
import org.hqd.evaluation.Comparison;
import org.hqd.store.Query;
import org.hqd.store.Transaction;

/** The performance targets of the budgets and the values reported for them ({@code budget_targets}, {@code budget_target_values}). */
final class BudgetTargets {
    private BudgetTargets() {
    }

    /** A year's targets ({@code {which}}: of a hospital, or {@code true}), in the order a budget reads them. */
    private static final String TARGETS = "SELECT name, department, item, dimension, comparison, target, unit, weight, "
            + "source, hospital_id FROM budget_targets WHERE year = ? AND {which} ORDER BY hospital_id, dimension, name";

    /** Stores performance targets (replacing those of the same hospital, year and name); returns how many. */
    static int saveTargets(Connection c, List<PerformanceTarget> targets) {
        return save(c, "保存绩效目标", "INSERT OR REPLACE INTO budget_targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                targets, (s, t) -> {
                    s.setString(1, t.hospitalId());
                    s.setInt(2, t.year());
                    s.setString(3, t.name());
                    s.setString(4, t.department());
                    s.setString(5, t.item());
                    s.setString(6, t.dimension().name());
                    s.setString(7, t.comparison().name());
                    s.setDouble(8, t.target());
                    s.setString(9, t.unit());
                    s.setDouble(10, t.weight());
                    s.setString(11, t.source());
                });
    }

    /** The items written by one statement each, in one transaction; returns how many. */
    private static <T> int save(Connection c, String what, String sql, List<T> items, Query.ItemBinder<T> item) {
        return Transaction.run(c, what, x -> {
            Query.of(what, sql).batch(x, items, item);
            return items.size();
        });
    }

    static List<PerformanceTarget> targets(Connection c, String hospital, int year) {
        return Query.of("读取绩效目标", TARGETS.replace("{which}", "hospital_id = ?")).bind(year, hospital)
                .list(c, r -> target(r, year));
    }

    /** The performance targets of the year's budgets, by hospital. */
    static Map<String, List<PerformanceTarget>> targets(Connection c, int year) {
        return BudgetBook.byHospital(Query.of("读取绩效目标", TARGETS.replace("{which}", "true")).bind(year)
                .list(c, r -> target(r, year)), PerformanceTarget::hospitalId);
    }

    private static PerformanceTarget target(ResultSet r, int year) throws SQLException {
        return new PerformanceTarget(r.getString(10), year, r.getString(2), r.getString(3),
                PerformanceDimension.valueOf(r.getString(4)), r.getString(1), Comparison.valueOf(r.getString(5)),
                r.getDouble(6), r.getString(7), r.getDouble(8), r.getString(9));
    }

    /** Stores reported values of targets (replacing those of the same target and month); returns how many. */
    static int saveValues(Connection c, List<TargetValue> values) {
        return save(c, "保存绩效监控值", "INSERT OR REPLACE INTO budget_target_values VALUES (?, ?, ?, ?, ?)", values,
                (s, v) -> {
                    s.setString(1, v.hospitalId());
                    s.setInt(2, v.year());
                    s.setString(3, v.target());
                    s.setInt(4, v.month());
                    s.setDouble(5, v.value());
                });
    }

    /** The latest reported value of a target up to a month. */
    static OptionalDouble value(Connection c, String hospital, int year, String name, int month) {
        return Query.of("读取绩效监控值", "SELECT value FROM budget_target_values WHERE hospital_id = ? AND year = ? "
                        + "AND name = ? AND month <= ? ORDER BY month DESC LIMIT 1").bind(hospital, year, name, month)
                .first(c, r -> r.getDouble(1)).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    /** The reported values of the year's targets, by hospital and target, by month. */
    static Map<String, Map<String, TreeMap<Integer, Double>>> values(Connection c, int year) {
        Map<String, Map<String, TreeMap<Integer, Double>>> out = new HashMap<>();
        Query.of("读取绩效监控值", "SELECT hospital_id, name, month, value FROM budget_target_values WHERE year = ?")
                .bind(year).forEach(c, r -> out.computeIfAbsent(r.getString(1), h -> new HashMap<>())
                        .computeIfAbsent(r.getString(2), n -> new TreeMap<>()).put(r.getInt(3), r.getDouble(4)));
        return out;
    }
}
