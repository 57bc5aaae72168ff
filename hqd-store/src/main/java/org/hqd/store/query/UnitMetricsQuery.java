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
        MDC("coalesce(c.mdc, '')");

        private final String expression;

        Level(String expression) {
            this.expression = expression;
        }
    }

    private static final String SQL = """
            WITH period AS (
                SELECT * FROM case_records WHERE %s),
            latest AS (SELECT * FROM drg_standards WHERE version = (SELECT max(version) FROM weight_versions)),
            bench AS (
                SELECT drg, avg(total_cost) AS cost, avg(los_days) AS los,
                       avg(coalesce(cost_western_drug, 0) + coalesce(cost_herbal, 0) + coalesce(cost_patent_drug, 0)) AS drug,
                       avg(coalesce(cost_material, 0)) AS material
                FROM period WHERE status = 'GROUPED' GROUP BY drg),
            unit_cases AS (
                SELECT %s AS unit, c.*, c.status = 'GROUPED' AS grouped, coalesce(l.rw, 0) AS rw,
                       coalesce(l.risk_level, 0) AS risk_level, c.discharge_method = '5' AS died,
                       coalesce(c.cost_western_drug, 0) + coalesce(c.cost_herbal, 0) + coalesce(c.cost_patent_drug, 0) AS drug,
                       coalesce(c.cost_material, 0) AS material
                FROM period c LEFT JOIN latest l ON c.status = 'GROUPED' AND l.drg = c.drg
                WHERE %s),
            unit_drg AS (
                SELECT u.unit, u.drg, count(*) AS n, avg(u.total_cost) AS cost, avg(u.los_days) AS los,
                       avg(u.drug) AS drug, avg(u.material) AS material
                FROM unit_cases u WHERE u.grouped GROUP BY u.unit, u.drg),
            indices AS (
                SELECT d.unit,
                       sum(d.n * d.cost / b.cost) FILTER (WHERE b.cost <> 0) / sum(d.n) FILTER (WHERE b.cost <> 0) AS cost_index,
                       sum(d.n * d.los / b.los) FILTER (WHERE b.los <> 0) / sum(d.n) FILTER (WHERE b.los <> 0) AS time_index,
                       sum(d.n * d.drug / b.drug) FILTER (WHERE b.drug <> 0) / sum(d.n) FILTER (WHERE b.drug <> 0) AS drug_index,
                       sum(d.n * d.material / b.material) FILTER (WHERE b.material <> 0)
                           / sum(d.n) FILTER (WHERE b.material <> 0) AS consumable_index
                FROM unit_drg d JOIN bench b USING (drg) GROUP BY d.unit)
            SELECT u.unit, count(*) AS cases, count(*) FILTER (WHERE u.grouped) AS grouped,
                   count(DISTINCT u.drg) FILTER (WHERE u.grouped) AS drg_count,
                   coalesce(sum(u.rw) FILTER (WHERE u.grouped), 0) AS total_weight,
                   sum(u.rw) FILTER (WHERE u.grouped) / count(*) FILTER (WHERE u.grouped) AS cmi,
                   i.cost_index, i.time_index, i.drug_index, i.consumable_index,
                   avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) FILTER (WHERE u.grouped AND u.risk_level = 1) AS low_risk_mortality,
                   avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) FILTER (WHERE u.grouped AND u.risk_level = 2) AS mid_low_risk_mortality,
                   avg(u.los_days) AS alos, avg(CASE WHEN u.died THEN 1.0 ELSE 0.0 END) AS mortality,
                   avg(u.total_cost) AS mean_cost
            FROM unit_cases u LEFT JOIN indices i USING (unit)
            GROUP BY u.unit, i.cost_index, i.time_index, i.drug_index, i.consumable_index
            ORDER BY u.unit
            """;

    private final DataDirectory dir;

    public UnitMetricsQuery(DataDirectory dir) {
        this.dir = dir;
    }

    /** Every unit of the level among the filter's cases; the benchmark is all hospitals in the filter's period. */
    public List<UnitPerformance> run(Level level, CaseFilter filter) {
        List<UnitPerformance> out = new ArrayList<>();
        String sql = String.format(SQL, CaseFilter.PERIOD_SQL, level.expression,
                CaseFilter.HOSPITAL_SQL.replace("hospital_id", "c.hospital_id"));
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            filter.bindHospital(s, filter.bindPeriod(s, 1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new UnitPerformance(r.getString(1), r.getLong(2), r.getLong(3), r.getInt(4), r.getDouble(5),
                            optional(r, 6), optional(r, 7), optional(r, 8), optional(r, 9), optional(r, 10),
                            optional(r, 11), optional(r, 12), optional(r, 13), optional(r, 14), optional(r, 15)));
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
