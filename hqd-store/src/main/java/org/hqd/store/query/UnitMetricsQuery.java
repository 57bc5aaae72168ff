package org.hqd.store.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * The performance of every unit of one kind over a period (DESIGN §3.4), computed in SQL with the definitions of
 * {@link org.hqd.casemix.performance.UnitPerformanceCalculator}: weights and risk levels of the latest standards
 * version; the benchmark is every hospital in the store over the same period.
 */
public final class UnitMetricsQuery {
    /** What a unit is. */
    public enum Level {
        HOSPITAL("c.hospital_id"),
        DEPARTMENT("c.hospital_id || '/' || coalesce(c.department, '')"),
        PHYSICIAN("c.hospital_id || '/' || coalesce(c.attending_physician, '')"),
        MDC("coalesce(c.mdc, '')"),
        DRG("coalesce(c.drg, '')");

        private final String expression;

        Level(String expression) {
            this.expression = expression;
        }
    }

    private static final String SQL = """
            WITH period AS (
                SELECT c.*, {peer} AS peer FROM case_records c LEFT JOIN hospital_register h USING (hospital_id)
                WHERE {period_filter}),
            latest AS (SELECT * FROM drg_standards WHERE version = (SELECT max(version) FROM weight_versions)),
            bench AS (
                SELECT {month} AS period, peer, drg, avg(total_cost) AS cost, avg(los_days) AS los,
                       avg(coalesce(cost_western_drug, 0) + coalesce(cost_herbal, 0) + coalesce(cost_patent_drug, 0)) AS drug,
                       avg(coalesce(cost_material, 0)) AS material
                FROM period WHERE status = 'GROUPED' GROUP BY ALL),
            unit_cases AS (
                SELECT {unit} AS unit, {month} AS period, c.*, c.status = 'GROUPED' AS grouped, coalesce(l.rw, 0) AS rw,
                       coalesce(l.risk_level, 0) AS risk_level, c.discharge_method = '5' AS died,
                       coalesce(c.cost_western_drug, 0) + coalesce(c.cost_herbal, 0) + coalesce(c.cost_patent_drug, 0) AS drug,
                       coalesce(c.cost_material, 0) AS material
                FROM period c LEFT JOIN latest l ON c.status = 'GROUPED' AND l.drg = c.drg
                WHERE {hospital_filter}),
            unit_drg AS (
                SELECT u.unit, u.period, u.peer, u.drg, count(*) AS n, avg(u.total_cost) AS cost, avg(u.los_days) AS los,
                       avg(u.drug) AS drug, avg(u.material) AS material
                FROM unit_cases u WHERE u.grouped GROUP BY u.unit, u.period, u.peer, u.drg),
            indices AS (
                SELECT d.unit, d.period,
                       sum(d.n * d.cost / b.cost) FILTER (WHERE b.cost <> 0) / sum(d.n) FILTER (WHERE b.cost <> 0) AS cost_index,
                       sum(d.n * d.los / b.los) FILTER (WHERE b.los <> 0) / sum(d.n) FILTER (WHERE b.los <> 0) AS time_index,
                       sum(d.n * d.drug / b.drug) FILTER (WHERE b.drug <> 0) / sum(d.n) FILTER (WHERE b.drug <> 0) AS drug_index,
                       sum(d.n * d.material / b.material) FILTER (WHERE b.material <> 0)
                           / sum(d.n) FILTER (WHERE b.material <> 0) AS consumable_index
                FROM unit_drg d JOIN bench b USING (period, peer, drg) GROUP BY d.unit, d.period)
            SELECT u.period, u.unit, count(*) AS cases, count(*) FILTER (WHERE u.grouped) AS grouped,
                   count(DISTINCT u.drg) FILTER (WHERE u.grouped) AS drg_count,
                   coalesce(sum(u.rw) FILTER (WHERE u.grouped), 0) AS total_weight,
                   sum(u.rw) FILTER (WHERE u.grouped) / count(*) FILTER (WHERE u.grouped) AS cmi,
                   i.cost_index, i.time_index, i.drug_index, i.consumable_index,
                   avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) FILTER (WHERE u.grouped AND u.risk_level = 1) AS low_risk_mortality,
                   avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) FILTER (WHERE u.grouped AND u.risk_level = 2) AS mid_low_risk_mortality,
                   avg(u.los_days) AS alos, avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) AS mortality,
                   avg(u.total_cost) AS mean_cost
            FROM unit_cases u LEFT JOIN indices i USING (unit, period)
            GROUP BY u.unit, u.period, i.cost_index, i.time_index, i.drug_index, i.consumable_index
            ORDER BY u.unit, u.period
            """;
    private static final String MONTH = "strftime(discharge_date, '%Y-%m')";
    private static final String WHOLE = "''";

    /** A unit's performance in one period: a month {@code YYYY-MM}, or empty for the whole filter. */
    public record PeriodPerformance(String period, UnitPerformance performance) { }

    private final DataDirectory dir;

    public UnitMetricsQuery(DataDirectory dir) {
        this.dir = dir;
    }

    /** Every unit of the level among the filter's cases; the benchmark is all hospitals in the filter's period. */
    public List<UnitPerformance> run(Level level, CaseFilter filter) {
        return run(level, filter, false).stream().map(PeriodPerformance::performance).toList();
    }

    /**
     * Every unit of the level among the filter's cases, per discharge month when {@code byMonth} (the benchmark is
     * then the same month), in unit and month order.
     */
    public List<PeriodPerformance> run(Level level, CaseFilter filter, boolean byMonth) {
        return run(level, filter, byMonth, Benchmark.ALL);
    }

    /** Which hospitals a unit is compared with. */
    public enum Benchmark {
        /** Every hospital in the store (the default of DESIGN §3.4). */
        ALL("''"),
        /** The hospitals of the unit's own tier (peer group), from the register. */
        TIER("coalesce(h.tier, '')");

        private final String expression;

        Benchmark(String expression) {
            this.expression = expression;
        }
    }

    /** As {@link #run(Level, CaseFilter, boolean)}, against the chosen benchmark. */
    public List<PeriodPerformance> run(Level level, CaseFilter filter, boolean byMonth, Benchmark benchmark) {
        List<PeriodPerformance> out = new ArrayList<>();
        String sql = SQL.replace("{period_filter}", CaseFilter.PERIOD_SQL.replace("discharge_date", "c.discharge_date"))
                .replace("{peer}", benchmark.expression).replace("{month}", byMonth ? MONTH : WHOLE)
                .replace("{unit}", level.expression)
                .replace("{hospital_filter}", CaseFilter.HOSPITAL_SQL.replace("hospital_id", "c.hospital_id"));
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            filter.bindHospital(s, filter.bindPeriod(s, 1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new PeriodPerformance(r.getString(1), new UnitPerformance(r.getString(2), r.getLong(3),
                            r.getLong(4), r.getInt(5), r.getDouble(6), optional(r, 7), optional(r, 8), optional(r, 9),
                            optional(r, 10), optional(r, 11), optional(r, 12), optional(r, 13), optional(r, 14),
                            optional(r, 15), optional(r, 16))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("计算单元绩效指标", e);
        }
    }

    private static OptionalDouble optional(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
