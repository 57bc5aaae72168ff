package org.hqd.store.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.UnitLevel;

/*
 * unit_months holds, per hospital, discharge month, tier, department, MDC, DRG and grouped-or-not, the counts and
 * sums the unit metrics are made of: cases, deaths, and for each averaged amount its sum and how many cases have it
 * (avg ignores NULLs, so Σ amount / Σ count-with-amount is the same mean), and the further sums the evaluation
 * measures read (examinations, service revenue, patients known, referrals, the cost accounting's case costs). A unit's rows are few (one hospital over two
 * years: ≈ 3 % of its cases on the 10M store), so a whole-month query reads them instead of the cases. Cases without a
 * discharge date keep a NULL month, matched as the case filter matches them (only by a period open at both ends).
 */
/**
 * The per-hospital-month summaries of the case measures (DESIGN §3.4): a derived table rebuilt by {@link #prepare}
 * and the unit-metrics SQL over it, the same metrics as {@link UnitMetricsQuery}'s over the cases up to the order of
 * floating-point sums.
 */
final class UnitMonths {
    /** The derived table: counts and sums of the cases by hospital, month, tier, department, MDC, DRG and status. */
    static final String PREPARE = CaseSql.expand("""
            CREATE OR REPLACE TABLE unit_months AS
            SELECT c.hospital_id, strftime(c.discharge_date, '%Y-%m') AS month, coalesce(h.tier, '') AS tier,
                   c.department, c.mdc, c.drg, c.status = 'GROUPED' AS is_grouped, count(*) AS n,
                   count(*) FILTER (WHERE c.discharge_method = '5') AS deaths,
                   count(c.total_cost) AS n_cost, sum(c.total_cost) AS sum_cost,
                   count(c.los_days) AS n_los, sum(c.los_days) AS sum_los,
                   count({c.drug}) AS n_drug, sum({c.drug}) AS sum_drug,
                   count({c.material}) AS n_material, sum({c.material}) AS sum_material,
                   sum({c.exam_lab}) AS sum_exam_lab,
                   sum(c.total_cost - ({c.drug}) - ({c.material}) - ({c.exam_lab})) AS sum_service,
                   count(c.patient_id) AS n_patient, count(*) FILTER (WHERE c.discharge_method = '3') AS referrals,
                   count(k.cost) AS n_case_cost, sum(k.cost / 100.0) AS sum_case_cost,
                   sum(k.supplies_cost / 100.0) AS sum_supplies_cost
            FROM case_records c LEFT JOIN hospital_register h USING (hospital_id)
            LEFT JOIN case_costs k ON k.hospital_id = c.hospital_id AND k.record_id = c.record_id
            GROUP BY ALL ORDER BY c.hospital_id, month""");

    /** The metrics of the units over {@code unit_months}: {@code {bench}} is the monthly benchmark's SQL. */
    private static final String SQL = CaseSql.expand("""
            WITH latest AS ({latest_standards}),
            bench AS ({bench}),
            unit_rows AS (
                SELECT {unit} AS unit, {month} AS period, {peer} AS peer, c.drg AS grp, c.is_grouped AS grouped, c.n,
                       c.deaths, c.n_cost, c.sum_cost, c.n_los, c.sum_los, c.n_drug, c.sum_drug, c.n_material,
                       c.sum_material, coalesce(l.rw, 0) AS rw, coalesce(l.risk_level, 0) AS risk_level
                FROM unit_months c LEFT JOIN latest l ON l.drg = CASE WHEN c.is_grouped THEN c.drg END
                WHERE (?::VARCHAR IS NULL OR c.month >= ?::VARCHAR) AND (?::VARCHAR IS NULL OR c.month <= ?::VARCHAR)
                  AND {hospital_filter}),
            unit_drg AS (
                SELECT unit, period, peer, grp, sum(n) AS n, sum(sum_cost) / sum(n_cost) AS cost,
                       sum(sum_los) / sum(n_los) AS los, sum(sum_drug) / sum(n_drug) AS drug,
                       sum(sum_material) / sum(n_material) AS material
                FROM unit_rows WHERE grouped GROUP BY unit, period, peer, grp),
            indices AS (
                SELECT d.unit, d.period,
                       sum(d.n * d.cost / b.cost) FILTER (WHERE b.cost <> 0)
                           / sum(d.n) FILTER (WHERE b.cost <> 0) AS cost_index,
                       sum(d.n * d.los / b.los) FILTER (WHERE b.los <> 0)
                           / sum(d.n) FILTER (WHERE b.los <> 0) AS time_index,
                       sum(d.n * d.drug / b.drug) FILTER (WHERE b.drug <> 0)
                           / sum(d.n) FILTER (WHERE b.drug <> 0) AS drug_index,
                       sum(d.n * d.material / b.material) FILTER (WHERE b.material <> 0)
                           / sum(d.n) FILTER (WHERE b.material <> 0) AS consumable_index
                FROM unit_drg d JOIN bench b USING (period, peer, grp) GROUP BY d.unit, d.period)
            SELECT u.period, u.unit, sum(u.n)::BIGINT AS cases,
                   coalesce(sum(u.n) FILTER (WHERE u.grouped), 0)::BIGINT AS grouped,
                   count(DISTINCT u.grp) FILTER (WHERE u.grouped) AS drg_count,
                   coalesce(sum(u.n * u.rw) FILTER (WHERE u.grouped), 0) AS total_weight,
                   sum(u.n * u.rw) FILTER (WHERE u.grouped) / sum(u.n) FILTER (WHERE u.grouped) AS cmi,
                   i.cost_index, i.time_index, i.drug_index, i.consumable_index,
                   sum(u.deaths) FILTER (WHERE u.grouped AND u.risk_level = 1)
                       / sum(u.n) FILTER (WHERE u.grouped AND u.risk_level = 1) AS low_risk_mortality,
                   sum(u.deaths) FILTER (WHERE u.grouped AND u.risk_level = 2)
                       / sum(u.n) FILTER (WHERE u.grouped AND u.risk_level = 2) AS mid_low_risk_mortality,
                   sum(u.sum_los) / sum(u.n_los) AS alos, sum(u.deaths) / sum(u.n) AS mortality,
                   sum(u.sum_cost) / sum(u.n_cost) AS mean_cost,
                   coalesce(sum(u.sum_cost) FILTER (WHERE u.grouped), 0) AS grouped_cost
            FROM unit_rows u LEFT JOIN indices i USING (unit, period)
            GROUP BY u.unit, u.period, i.cost_index, i.time_index, i.drug_index, i.consumable_index
            ORDER BY u.unit, u.period
            """);

    private UnitMonths() {
    }

    /** Whether the summaries hold the level's unit (a physician is not summed). */
    static boolean covers(UnitLevel level) {
        return level == UnitLevel.HOSPITAL || level == UnitLevel.DEPARTMENT || level == UnitLevel.MDC
                || level == UnitLevel.DRG || level == UnitLevel.HOSPITAL_DRG;
    }

    /**
     * The SQL of the level's metrics over the summaries; parameters: {@code bench}'s, then {@link #bind}'s.
     *
     * @param month the period key over the rows {@code c} ({@code c.month} or {@code ''})
     * @param peer  the peer group over the rows {@code c} ({@code c.tier} or {@code ''})
     */
    static String sql(UnitLevel level, String bench, boolean byMonth, boolean byTier) {
        return SQL.replace("{bench}", bench).replace("{unit}", UnitMetricsQuery.unit(level))
                .replace("{month}", byMonth ? "c.month" : "''").replace("{peer}", byTier ? "c.tier" : "''")
                .replace("{hospital_filter}", CaseFilterSql.hospital("c"));
    }

    /** Binds the months of the filter (made of whole months) and its hospital from {@code index}; the next index. */
    static int bind(CaseFilter filter, PreparedStatement s, int index) throws SQLException {
        Optional<String> from = filter.from().map(d -> d.toString().substring(0, 7));
        Optional<String> to = filter.to().map(d -> d.toString().substring(0, 7));
        s.setObject(index, from.orElse(null));
        s.setObject(index + 1, from.orElse(null));
        s.setObject(index + 2, to.orElse(null));
        s.setObject(index + 3, to.orElse(null));
        return CaseFilterSql.bindHospital(filter, s, index + 4);
    }
}
