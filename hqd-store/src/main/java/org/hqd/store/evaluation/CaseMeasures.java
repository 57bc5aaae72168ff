package org.hqd.store.evaluation;

import org.hqd.evaluation.Measure;
import org.hqd.store.query.CaseSql;

/**
 * The case measures of every hospital over a period (or per month: {@code {month}} is the period key), as two SQL
 * texts giving the same rows: {@link #FROM_CASES} reads the period's cases, {@link #FROM_SUMMARIES} the server's
 * per-hospital-month summaries {@code unit_months} (built at start with the monthly benchmark; DESIGN §3.4), whose
 * rows are a few per cent of the cases. Both bind the period's first and last day as {@code DATE}s, twice.
 */
final class CaseMeasures {
    /** The measures of the rows, in the order of their columns after {@code hospital_id, period}. */
    static final Measure[] MEASURES = {Measure.CASES, Measure.GROUPED_CASES, Measure.TOTAL_WEIGHT,
        Measure.DRG_COUNT, Measure.DEATHS, Measure.LOS_DAYS, Measure.TOTAL_COST, Measure.DRUG_COST,
        Measure.MATERIAL_COST, Measure.EXAM_LAB_COST, Measure.SERVICE_REVENUE, Measure.LOW_RISK_CASES,
        Measure.LOW_RISK_DEATHS, Measure.COST_INDEX, Measure.TIME_INDEX, Measure.CASE_COST, Measure.SUPPLIES_COST,
        Measure.COSTED_CASES, Measure.READMISSIONS_31D, Measure.REFERRALS_DOWN_INPATIENT};

    /** Over the cases (the benchmark of the indices: every hospital's grouped cases of the period, by DRG). */
    static final String FROM_CASES = CaseSql.expand("""
            WITH latest AS (SELECT drg, rw, risk_level FROM ({latest_standards})),
            bench AS (
                SELECT {month} AS period, drg, avg(total_cost) AS cost, avg(los_days) AS los
                FROM case_records WHERE status = 'GROUPED' AND discharge_date BETWEEN ?::DATE AND ?::DATE GROUP BY ALL),
            base AS (
                SELECT c.hospital_id, {month} AS period, c.status = 'GROUPED' AS grouped, l.rw, l.risk_level, c.drg,
                       CASE WHEN c.status = 'GROUPED' AND b.cost <> 0 THEN c.total_cost / b.cost END AS cost_ratio,
                       CASE WHEN c.status = 'GROUPED' AND b.los <> 0 THEN c.los_days / b.los END AS los_ratio,
                       c.discharge_method = '5' AS died, c.discharge_method = '3' AS referred, c.los_days,
                       c.total_cost, c.patient_id,
                       {c.drug} AS drug,
                       {c.material} AS material, {c.exam_lab} AS exam_lab,
                       k.cost / 100.0 AS case_cost, k.supplies_cost / 100.0 AS supplies_cost
                FROM case_records c
                LEFT JOIN case_costs k ON k.hospital_id = c.hospital_id AND k.record_id = c.record_id
                LEFT JOIN latest l ON l.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END
                LEFT JOIN bench b ON b.period = {month} AND b.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END
                WHERE c.discharge_date BETWEEN ?::DATE AND ?::DATE)
            SELECT hospital_id, period, count(*), count(*) FILTER (WHERE grouped),
                   sum(rw) FILTER (WHERE grouped), count(DISTINCT drg) FILTER (WHERE grouped),
                   count(*) FILTER (WHERE died), sum(los_days), sum(total_cost), sum(drug), sum(material), sum(exam_lab),
                   sum(total_cost - drug - material - exam_lab),
                   count(*) FILTER (WHERE grouped AND risk_level = 1),
                   count(*) FILTER (WHERE grouped AND risk_level = 1 AND died), avg(cost_ratio), avg(los_ratio),
                   sum(case_cost), sum(supplies_cost), nullif(count(case_cost), 0),
                   CASE WHEN count(patient_id) > 0 THEN 0 END, count(*) FILTER (WHERE referred)
            FROM base GROUP BY hospital_id, period
            """);

    /**
     * The same over the summaries: a row of {@code unit_months} is the cases of a hospital, month, department and DRG
     * (grouped or not); each ratio's mean is Σ (amount sum / benchmark mean) / Σ cases having the amount. Equal to
     * {@link #FROM_CASES} up to the order of floating-point sums.
     */
    static final String FROM_SUMMARIES = CaseSql.expand("""
            WITH latest AS (SELECT drg, rw, risk_level FROM ({latest_standards})),
            months AS (
                SELECT * FROM unit_months
                WHERE month BETWEEN strftime(?::DATE, '%Y-%m') AND strftime(?::DATE, '%Y-%m')),
            bench AS (
                SELECT {month} AS period, drg, sum(sum_cost) / sum(n_cost) AS cost, sum(sum_los) / sum(n_los) AS los
                FROM months WHERE is_grouped GROUP BY ALL),
            base AS (
                SELECT u.*, {u.month} AS period, u.is_grouped AS grouped, l.rw, l.risk_level, b.cost AS bench_cost,
                       b.los AS bench_los
                FROM months u
                LEFT JOIN latest l ON l.drg = CASE WHEN u.is_grouped THEN u.drg END
                LEFT JOIN bench b ON b.period = {u.month} AND b.drg = CASE WHEN u.is_grouped THEN u.drg END
                WHERE u.month BETWEEN strftime(?::DATE, '%Y-%m') AND strftime(?::DATE, '%Y-%m'))
            SELECT hospital_id, period, sum(n), coalesce(sum(n) FILTER (WHERE grouped), 0),
                   sum(n * rw) FILTER (WHERE grouped), count(DISTINCT drg) FILTER (WHERE grouped),
                   sum(deaths), sum(sum_los), sum(sum_cost), sum(sum_drug), sum(sum_material), sum(sum_exam_lab),
                   sum(sum_service),
                   coalesce(sum(n) FILTER (WHERE grouped AND risk_level = 1), 0),
                   coalesce(sum(deaths) FILTER (WHERE grouped AND risk_level = 1), 0),
                   sum(sum_cost / bench_cost) FILTER (WHERE grouped AND bench_cost <> 0)
                       / sum(n_cost) FILTER (WHERE grouped AND bench_cost <> 0),
                   sum(sum_los / bench_los) FILTER (WHERE grouped AND bench_los <> 0)
                       / sum(n_los) FILTER (WHERE grouped AND bench_los <> 0),
                   sum(sum_case_cost), sum(sum_supplies_cost), nullif(sum(n_case_cost), 0),
                   CASE WHEN sum(n_patient) > 0 THEN 0 END, sum(referrals)
            FROM base GROUP BY hospital_id, period
            """);

    private CaseMeasures() {
    }

    /** The SQL with its period key: each row's month ({@code YYYY-MM}) or {@code ''} for the whole period. */
    static String sql(boolean summed, boolean byMonth) {
        return summed ? FROM_SUMMARIES.replace("{month}", byMonth ? "month" : "''")
                .replace("{u.month}", byMonth ? "u.month" : "''")
                : FROM_CASES.replace("{month}", byMonth ? "strftime(discharge_date, '%Y-%m')" : "''");
    }
}
