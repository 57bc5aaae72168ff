package org.hqd.store.costing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.hqd.budget.CostFigures;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.costing.AllocationResult;
import org.hqd.costing.AllocationStep;
import org.hqd.costing.CaseCosting;
import org.hqd.costing.CostClass;
import org.hqd.costing.CostRatio;
import org.hqd.costing.CostingRun;
import org.hqd.costing.CostingSummary;
import org.hqd.costing.DepartmentCost;
import org.hqd.costing.DriverExpression;
import org.hqd.costing.Setting;
import org.hqd.costing.Transfer;
import org.hqd.costing.UnitCost;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * The results of the latest costing of each hospital and year: a run replaces everything of its hospital-year in one
 * transaction (units, their items, levels, transfers, ratios and case costs) and reads them back.
 */
public final class CostingResults {
    private static final List<String> TABLES = List.of("costing_units", "costing_unit_items", "costing_steps",
            "costing_transfers", "costing_ratios", "costing_runs");

    private final DataDirectory dir;

    public CostingResults(DataDirectory dir) {
        this.dir = dir;
    }

    /** Stores a run, replacing the hospital-year's previous one (in the caller's transaction, or one of its own). */
    public void save(CostingRun run, String user, Instant at) {
        save(List.of(run), user, at);
    }

    /**
     * Stores runs of several hospital-years at once, replacing their previous ones: one delete per table for all of
     * them and one appender per table (in the caller's transaction, or one of its own).
     */
    public void save(List<CostingRun> runs, String user, Instant at) {
        Joined.run(dir, "保存成本核算结果", c -> {
            Query.of("准备成本核算的医院年度表", "CREATE TEMP TABLE IF NOT EXISTS costing_keys (hospital_id VARCHAR, "
                    + "year INTEGER)").update(c);
            Query.of("清空成本核算的医院年度表", "DELETE FROM costing_keys").update(c);
            try (DuckDBAppender k = appender(c, "costing_keys")) {
                for (CostingRun r : runs) {
                    k.beginRow().append(r.hospitalId()).append(r.year()).endRow();
                }
            }
            for (String t : TABLES) {
                Query.of("删除医院年度原有的成本核算结果（" + t + "）", "DELETE FROM " + t + " t USING costing_keys k "
                        + "WHERE t.hospital_id = k.hospital_id AND t.year = k.year").update(c);
            }
            try (DuckDBAppender u = appender(c, "costing_units"); DuckDBAppender i = appender(c, "costing_unit_items");
                 DuckDBAppender s = appender(c, "costing_steps"); DuckDBAppender t = appender(c, "costing_transfers");
                 DuckDBAppender q = appender(c, "costing_ratios"); DuckDBAppender n = appender(c, "costing_runs")) {
                for (CostingRun r : runs) {
                    allocation(r.allocation(), u, i, s, t);
                    ratios(r, q);
                    n.beginRow().append(r.hospitalId()).append(r.year()).append(r.allocation().rulesId())
                            .append(r.months()).append(r.allocation().totalDirect()).append(r.notCost()).append(r.cases())
                            .append(r.costedCases()).append(r.unplaced()).append(Timestamp.from(at).toLocalDateTime())
                            .append(user).endRow();
                }
            }
            caseCosts(c, runs);
            return null;
        });
    }

    private static void allocation(AllocationResult a, DuckDBAppender u, DuckDBAppender i, DuckDBAppender s,
                                   DuckDBAppender t) throws SQLException {
        String h = a.hospitalId();
        int y = a.year();
        for (UnitCost x : a.units()) {
            u.beginRow().append(h).append(y).append(x.department()).append(x.costClass().name())
                    .append(x.setting().name()).append(x.direct()).append(x.allocatedIn())
                    .append(x.allocatedOut()).append(x.full()).endRow();
            for (Map.Entry<String, Long> e : x.fullByItem().entrySet()) {
                i.beginRow().append(h).append(y).append(x.department()).append(x.setting().name())
                        .append(e.getKey()).append(e.getValue()).endRow();
            }
        }
        for (AllocationStep x : a.steps()) {
            s.beginRow().append(h).append(y).append(x.level()).append(x.sender().name()).append(x.allocated())
                    .append(x.totalAfter()).endRow();
        }
        for (Transfer x : a.transfers()) {
            t.beginRow().append(h).append(y).append(x.level()).append(x.from()).append(x.item()).append(x.to())
                    .append(x.toSetting().name()).append(x.amount()).append(x.driver())
                    .append(x.weight().setScale(6, java.math.RoundingMode.HALF_UP))
                    .append(x.totalWeight().setScale(6, java.math.RoundingMode.HALF_UP)).endRow();
        }
    }

    private static void ratios(CostingRun r, DuckDBAppender q) throws SQLException {
        for (CostingRun.Department d : r.departments()) {
            for (CaseCosting.CategoryCost x : d.costs().categories()) {
                q.beginRow().append(r.hospitalId()).append(r.year()).append(d.costs().department())
                        .append(x.category().name()).append(x.pool()).append(d.costs().method().name())
                        .append(x.cost()).append(x.charges()).endRow();
            }
        }
    }

    /** Replaces the hospital-years' case costs, and any earlier cost of the same records (a case moved year). */
    private static void caseCosts(Connection c, List<CostingRun> runs) throws SQLException {
        Query.of("准备病例成本暂存表", "CREATE TEMP TABLE IF NOT EXISTS case_cost_staging (hospital_id VARCHAR, "
                + "record_id VARCHAR, year INTEGER, department VARCHAR, cost BIGINT, supplies_cost BIGINT)").update(c);
        Query.of("清空病例成本暂存表", "DELETE FROM case_cost_staging").update(c);
        try (DuckDBAppender a = appender(c, "case_cost_staging")) {
            for (CostingRun run : runs) {
                for (CostingRun.Department d : run.departments()) {
                    if (d.costs().unplaced() != 0) {
                        continue;
                    }
                    for (int i = 0; i < d.recordIds().size(); i++) {
                        a.beginRow().append(run.hospitalId()).append(d.recordIds().get(i)).append(run.year())
                                .append(d.costs().department()).append(d.costs().caseCost(i))
                                .append(d.costs().suppliesCost(i)).endRow();
                    }
                }
            }
        }
        Query.of("删除医院年度原有的病例成本", "DELETE FROM case_costs t USING costing_keys k "
                + "WHERE t.hospital_id = k.hospital_id AND t.year = k.year").update(c);
        Query.of("删除病例在其他年度的成本", "DELETE FROM case_costs t USING case_cost_staging n "
                + "WHERE t.hospital_id = n.hospital_id AND t.record_id = n.record_id").update(c);
        Query.of("保存病例成本", "INSERT INTO case_costs SELECT * FROM case_cost_staging").update(c);
        Query.of("清空病例成本暂存表", "DELETE FROM case_cost_staging").update(c);
    }

    private static DuckDBAppender appender(Connection c, String table) throws SQLException {
        return c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    /** Every stored run, by hospital and year. */
    public List<CostingSummary> runs() {
        return runs("SELECT * FROM costing_runs ORDER BY hospital_id, year");
    }

    public Optional<CostingSummary> run(String hospital, int year) {
        return runs("SELECT * FROM costing_runs WHERE hospital_id = ? AND year = ?", hospital, year).stream().findFirst();
    }

    private List<CostingSummary> runs(String sql, Object... args) {
        List<CostingSummary> out = new ArrayList<>();
        read(sql, r -> out.add(new CostingSummary(r.getString(1), r.getInt(2), r.getString(3), r.getInt(4), r.getLong(5),
                r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getTimestamp(10).toInstant(),
                r.getString(11))), args);
        return out;
    }

    /** The department lines of a stored run, in allocation order. */
    public List<DepartmentCost> departments(String hospital, int year) {
        return allocation(hospital, year, null).map(AllocationResult::departments).orElse(List.of());
    }

    /** A stored run's allocation, rebuilt from its units, levels and transfers ({@code split} names the split basis). */
    public Optional<AllocationResult> allocation(String hospital, int year, DriverExpression split) {
        Optional<CostingSummary> run = run(hospital, year);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Long>> items = new LinkedHashMap<>();
        read("SELECT department, setting, item, full_cost FROM costing_unit_items WHERE hospital_id = ? AND year = ? "
                + "ORDER BY item", r -> items.computeIfAbsent(r.getString(1) + "\u0001" + r.getString(2),
                k -> new LinkedHashMap<>()).put(r.getString(3), r.getLong(4)), hospital, year);
        List<UnitCost> units = new ArrayList<>();
        read("SELECT department, cost_class, setting, direct, allocated_in, allocated_out FROM costing_units "
                + "WHERE hospital_id = ? AND year = ?", r -> units.add(new UnitCost(r.getString(1),
                CostClass.valueOf(r.getString(2)), Setting.valueOf(r.getString(3)), r.getLong(4), r.getLong(5),
                r.getLong(6), items.getOrDefault(r.getString(1) + "\u0001" + r.getString(3), Map.of()))), hospital, year);
        units.sort(java.util.Comparator.comparing(UnitCost::costClass).thenComparing(UnitCost::department)
                .thenComparing(UnitCost::setting));
        List<AllocationStep> steps = new ArrayList<>();
        read("SELECT level, sender_class, allocated, total_after FROM costing_steps WHERE hospital_id = ? AND year = ? "
                + "ORDER BY level", r -> steps.add(new AllocationStep(r.getInt(1), CostClass.valueOf(r.getString(2)),
                r.getLong(3), r.getLong(4))), hospital, year);
        List<Transfer> transfers = new ArrayList<>();
        read("SELECT level, from_department, item, to_department, to_setting, amount, driver, weight, total_weight "
                + "FROM costing_transfers WHERE hospital_id = ? AND year = ? ORDER BY rowid", r -> transfers.add(
                new Transfer(r.getInt(1), r.getString(2), r.getString(3), r.getString(4), Setting.valueOf(r.getString(5)),
                r.getLong(6), r.getString(7), plain(r.getBigDecimal(8)), plain(r.getBigDecimal(9)))), hospital, year);
        return Optional.of(new AllocationResult(hospital, year, run.get().rulesId(), units, transfers, steps,
                run.get().totalDirect(), split));
    }

    private static BigDecimal plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The figures of a costed year for the budget report; empty when the year was not costed. */
    public Optional<CostFigures> figures(String hospital, int year) {
        return run(hospital, year).map(run -> {
            List<CostFigures.Department> clinical = new ArrayList<>();
            long out = 0;
            long in = 0;
            for (DepartmentCost d : departments(hospital, year)) {
                if (d.costClass() == CostClass.CLINICAL) {
                    clinical.add(new CostFigures.Department(d.department(), d.direct(), d.allocatedIn(), d.full(),
                            d.outpatient(), d.inpatient()));
                    out += d.outpatient();
                    in += d.inpatient();
                }
            }
            clinical.sort(java.util.Comparator.comparingLong(CostFigures.Department::full).reversed()
                    .thenComparing(CostFigures.Department::department));
            long[] cases = new long[2];
            read("SELECT count(*), coalesce(sum(cost), 0) FROM case_costs WHERE hospital_id = ? AND year = ?", r -> {
                cases[0] = r.getLong(1);
                cases[1] = r.getLong(2);
            }, hospital, year);
            return new CostFigures(year, run.totalDirect(), out, in, cases[0], cases[1], clinical);
        });
    }

    /** The cost-to-charge lines of a stored run, by department and category. */
    public List<CostRatio> ratios(String hospital, int year) {
        List<CostRatio> out = new ArrayList<>();
        read("SELECT department, category, pool, method, cost, charges FROM costing_ratios WHERE hospital_id = ? "
                + "AND year = ? ORDER BY department, category", r -> out.add(new CostRatio(r.getString(1),
                ChargeCategory.valueOf(r.getString(2)), r.getString(3), CaseCosting.Method.valueOf(r.getString(4)),
                r.getLong(5), r.getLong(6))), hospital, year);
        out.sort(java.util.Comparator.comparing(CostRatio::department).thenComparing(CostRatio::category));
        return out;
    }

    private void read(String sql, Query.RowConsumer reader, Object... args) {
        Query.of("读取成本核算结果", sql).bind(args).forEach(dir.connection(), reader);
    }
}
