package org.hqd.spark;

import org.hqd.casemix.abstracts.ChargeGroup;

/**
 * The SQL of the job: the embedded store's SQL (StandardsStore, UnitMetricsQuery at hospital level against every
 * hospital, MeasureQuery over a whole period) written in Spark SQL over the same column names, so the definitions
 * are the same by construction and the equivalence test checks they stay so. Differences of dialect only:
 * {@code FILTER (WHERE …)} as {@code CASE WHEN … END}, {@code quantile_cont} as {@link #quantile} over a sorted
 * array, doubles written {@code 1D}.
 */
final class JobSql {
    /** Spark's zero of the amounts (a double). */
    private static final String ZERO = "0D";

    private JobSql() {
    }

    /** The SQL with the charge sums of {@link ChargeGroup} ({@code {material}}, {@code {c.exam_lab}} …) written out. */
    private static String expand(String sql) {
        return ChargeGroup.expand(sql, ZERO);
    }

    /** The drug sum of {@link ChargeGroup} in Spark's dialect. */
    static final String DRUG = ChargeGroup.DRUG.sql("", ZERO);

    /** DRG standards (DESIGN §3.3); parameters {min} (cases before trimming) and {sigmas}. */
    static final String STANDARDS = expand("""
            WITH base AS (
                SELECT drg, total_cost, los_days, %s AS drug, {material} AS material,
                       {exam_lab} AS exam_lab, discharge_method = '5' AS died
                FROM case_records WHERE status = 'GROUPED'),
            mortality AS (SELECT drg, avg(CASE WHEN died THEN 1D ELSE 0D END) AS m FROM base GROUP BY drg),
            risk AS (SELECT avg(ln(m)) AS mu, coalesce(stddev_samp(ln(m)), 0D) AS sigma FROM mortality WHERE m > 0),
            positive AS (SELECT *, ln(total_cost) AS x FROM base WHERE total_cost > 0),
            spread AS (SELECT drg, count(*) AS n, avg(x) AS mx, stddev_samp(x) AS sx FROM positive GROUP BY drg),
            kept AS (
                SELECT p.* FROM positive p JOIN spread s ON p.drg = s.drg
                WHERE s.n < {min} OR s.sx = 0 OR abs(p.x - s.mx) <= {sigmas} * s.sx),
            overall AS (SELECT avg(total_cost) AS mean FROM kept),
            sorted AS (SELECT drg, array_sort(collect_list(total_cost)) AS v FROM kept GROUP BY drg),
            quantiles AS (SELECT drg, %s AS median_cost, %s AS p25_cost, %s AS p75_cost, %s AS p90_cost FROM sorted)
            SELECT k.drg, s.n AS cases, count(*) AS trimmed_cases, avg(k.total_cost) / o.mean AS rw,
                   avg(k.total_cost) AS mean_cost, first(q.median_cost) AS median_cost, first(q.p25_cost) AS p25_cost,
                   first(q.p75_cost) AS p75_cost, first(q.p90_cost) AS p90_cost, avg(k.los_days) AS mean_los,
                   avg(k.drug) AS mean_drug_cost,
                   avg(k.material) AS mean_consumable_cost, avg(k.exam_lab) AS mean_exam_lab_cost, m.m AS mortality,
                   CASE WHEN m.m <= 0 THEN 0
                        WHEN ln(m.m) < r.mu - r.sigma THEN 1
                        WHEN ln(m.m) < r.mu THEN 2
                        WHEN ln(m.m) < r.mu + r.sigma THEN 3 ELSE 4 END AS risk_level
            FROM kept k JOIN spread s ON k.drg = s.drg JOIN mortality m ON k.drg = m.drg JOIN quantiles q ON k.drg = q.drg
                 CROSS JOIN risk r CROSS JOIN overall o
            GROUP BY k.drg, s.n, m.m, r.mu, r.sigma, o.mean
            ORDER BY k.drg
            """).formatted(DRUG, quantile(0.5), quantile(0.25), quantile(0.75), quantile(0.9));

    /**
     * The continuous quantile of the sorted array {@code v}, as DuckDB's {@code quantile_cont} computes it: at
     * position (n − 1)·p, the value below plus the fraction of the step to the value above. (Spark's own
     * {@code percentile} gives the same number by another formula, and is slow on many distinct values.)
     */
    static String quantile(double p) {
        String pos = "(size(v) - 1) * " + p;
        String lo = "element_at(v, CAST(floor(" + pos + ") AS INT) + 1)";
        String hi = "element_at(v, CAST(ceil(" + pos + ") AS INT) + 1)";
        return lo + " + (" + hi + " - " + lo + ") * (" + pos + " - floor(" + pos + "))";
    }

    /** Unit metrics (DESIGN §3.4) of every hospital over all cases, against every hospital, on {@code standards}. */
    static final String METRICS_HOSPITAL = expand("""
            WITH pc AS (
                SELECT hospital_id, drg, status, total_cost, los_days, discharge_method, %s AS drug,
                       {material} AS material, drg AS grp, status = 'GROUPED' AS is_grouped
                FROM case_records),
            bench AS (SELECT grp, avg(total_cost) AS cost, avg(los_days) AS los, avg(drug) AS drug, avg(material) AS material
                      FROM pc WHERE is_grouped GROUP BY grp),
            unit_cases AS (
                SELECT c.hospital_id AS unit, c.*, c.is_grouped AS grouped, coalesce(l.rw, 0D) AS rw,
                       coalesce(l.risk_level, 0) AS risk_level, c.discharge_method = '5' AS died
                FROM pc c LEFT JOIN standards l ON l.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END),
            unit_drg AS (
                SELECT unit, grp, count(*) AS n, avg(total_cost) AS cost, avg(los_days) AS los, avg(drug) AS drug,
                       avg(material) AS material
                FROM unit_cases WHERE grouped GROUP BY unit, grp),
            indices AS (
                SELECT d.unit,
                       sum(CASE WHEN b.cost <> 0 THEN d.n * d.cost / b.cost END) / sum(CASE WHEN b.cost <> 0 THEN d.n END) AS cost_index,
                       sum(CASE WHEN b.los <> 0 THEN d.n * d.los / b.los END) / sum(CASE WHEN b.los <> 0 THEN d.n END) AS time_index,
                       sum(CASE WHEN b.drug <> 0 THEN d.n * d.drug / b.drug END) / sum(CASE WHEN b.drug <> 0 THEN d.n END) AS drug_index,
                       sum(CASE WHEN b.material <> 0 THEN d.n * d.material / b.material END)
                           / sum(CASE WHEN b.material <> 0 THEN d.n END) AS consumable_index
                FROM unit_drg d JOIN bench b ON d.grp = b.grp GROUP BY d.unit)
            SELECT u.unit, count(*) AS cases, count_if(u.grouped) AS grouped,
                   count(DISTINCT CASE WHEN u.grouped THEN u.grp END) AS drg_count,
                   coalesce(sum(CASE WHEN u.grouped THEN u.rw END), 0D) AS total_weight,
                   sum(CASE WHEN u.grouped THEN u.rw END) / count_if(u.grouped) AS cmi,
                   i.cost_index, i.time_index, i.drug_index, i.consumable_index,
                   avg(CASE WHEN u.grouped AND u.risk_level = 1 THEN CASE WHEN u.died THEN 1D ELSE 0D END END) AS low_risk_mortality,
                   avg(CASE WHEN u.grouped AND u.risk_level = 2 THEN CASE WHEN u.died THEN 1D ELSE 0D END END) AS mid_low_risk_mortality,
                   avg(u.los_days) AS alos, avg(CASE WHEN u.died THEN 1D ELSE 0D END) AS mortality,
                   avg(u.total_cost) AS mean_cost
            FROM unit_cases u LEFT JOIN indices i ON u.unit = i.unit
            GROUP BY u.unit, i.cost_index, i.time_index, i.drug_index, i.consumable_index
            ORDER BY u.unit
            """).formatted(DRUG);

    /** The evaluation measures of the cases of a period ({from}, {to} dates) per hospital, on {@code standards}. */
    static final String CASE_MEASURES = expand("""
            WITH bench AS (
                SELECT drg, avg(total_cost) AS cost, avg(los_days) AS los
                FROM case_records WHERE status = 'GROUPED' AND discharge_date BETWEEN DATE'{from}' AND DATE'{to}' GROUP BY drg),
            base AS (
                SELECT c.hospital_id, c.status = 'GROUPED' AS grouped, l.rw, l.risk_level, c.drg,
                       CASE WHEN c.status = 'GROUPED' AND b.cost <> 0 THEN c.total_cost / b.cost END AS cost_ratio,
                       CASE WHEN c.status = 'GROUPED' AND b.los <> 0 THEN c.los_days / b.los END AS los_ratio,
                       c.discharge_method = '5' AS died, c.los_days, c.total_cost, %s AS drug,
                       {c.material} AS material, {c.exam_lab} AS exam_lab
                FROM case_records c
                LEFT JOIN standards l ON l.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END
                LEFT JOIN bench b ON b.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END
                WHERE c.discharge_date BETWEEN DATE'{from}' AND DATE'{to}')
            SELECT hospital_id, CAST(count(*) AS DOUBLE) AS cases, CAST(count_if(grouped) AS DOUBLE) AS grouped_cases,
                   sum(CASE WHEN grouped THEN rw END) AS total_weight,
                   CAST(count(DISTINCT CASE WHEN grouped THEN drg END) AS DOUBLE) AS drg_count,
                   CAST(count_if(died) AS DOUBLE) AS deaths, CAST(sum(los_days) AS DOUBLE) AS los_days, sum(total_cost) AS total_cost,
                   sum(drug) AS drug_cost, sum(material) AS material_cost, sum(exam_lab) AS exam_lab_cost,
                   sum(total_cost - drug - material - exam_lab) AS service_revenue,
                   CAST(count_if(grouped AND risk_level = 1) AS DOUBLE) AS low_risk_cases,
                   CAST(count_if(grouped AND risk_level = 1 AND died) AS DOUBLE) AS low_risk_deaths,
                   avg(cost_ratio) AS cost_index, avg(los_ratio) AS time_index
            FROM base GROUP BY hospital_id
            """).formatted(DRUG);

    /**
     * The operation measures of the stays discharged in {from}..{to} per hospital, as OperationMeasures defines them
     * for the embedded store (the same counting, in Spark SQL), over the view code_lists (list, code); {grade4_by_list}
     * is true when the grade-4 list decides grade 4.
     */
    static final String OPERATION_MEASURES = """
            WITH stays AS (
                SELECT hospital_id, record_id AS stay, admission_route, day_surgery, principal_dx, secondary_dx,
                       admission_conditions,
                       concat(CASE WHEN coalesce(principal_proc, '') = '' THEN CAST(array() AS ARRAY<STRING>) ELSE array(principal_proc) END,
                              CASE WHEN coalesce(other_procs, '') = '' THEN CAST(array() AS ARRAY<STRING>) ELSE split(other_procs, '[|]', -1) END) AS codes,
                       split(coalesce(proc_levels, ''), '[|]', -1) AS levels, split(coalesce(proc_dates, ''), '[|]', -1) AS dates,
                       split(coalesce(proc_wound_classes, ''), '[|]', -1) AS wounds,
                       split(coalesce(proc_healing, ''), '[|]', -1) AS heals
                FROM case_records WHERE discharge_date BETWEEN DATE'{from}' AND DATE'{to}'),
            procs AS (
                SELECT s.hospital_id, s.stay, s.admission_route, s.day_surgery, trim(p.code) AS code,
                       nullif(nullif(trim(try_element_at(s.levels, p.pos + 1)), ''), '-1') AS lvl,
                       nullif(trim(try_element_at(s.dates, p.pos + 1)), '') AS dt,
                       nullif(trim(try_element_at(s.wounds, p.pos + 1)), '') AS wound,
                       nullif(trim(try_element_at(s.heals, p.pos + 1)), '') AS heal
                FROM stays s LATERAL VIEW posexplode(s.codes) p AS pos, code),
            ops AS (
                SELECT p.*, mi.code IS NOT NULL AS mi,
                       CASE WHEN {grade4_by_list} THEN g4.code IS NOT NULL ELSE p.lvl = '4' END AS g4
                FROM procs p
                JOIN code_lists o ON o.list = 'operations' AND o.code = p.code
                LEFT JOIN code_lists mi ON mi.list = 'minimally-invasive' AND mi.code = p.code
                LEFT JOIN code_lists g4 ON g4.list = 'grade4' AND g4.code = p.code
                WHERE p.code <> ''),
            op_stays AS (
                SELECT hospital_id, stay, count(*) > 1 AND count(dt) < count(*) AS undated FROM ops GROUP BY hospital_id, stay),
            sessions AS (
                SELECT o.hospital_id, o.stay, bool_or(s.undated) AS undated, first(o.admission_route) AS route,
                       first(o.day_surgery) AS day, bool_or(o.mi) AS mi, bool_or(o.g4) AS g4,
                       bool_or(o.g4 IS NULL) AS g4_unknown, max(o.lvl) AS top_level,
                       bool_or(o.lvl IS NULL) AS level_unknown, bool_or(o.wound = '1') AS clean,
                       bool_or(o.wound IS NULL) AS wound_unknown, bool_or(o.wound = '1' AND o.heal = '3') AS infected,
                       bool_or(o.wound = '1' AND o.heal IS NULL) AS heal_unknown
                FROM ops o JOIN op_stays s ON s.hospital_id = o.hospital_id AND s.stay = o.stay
                GROUP BY o.hospital_id, o.stay, coalesce(o.dt, '')),
            dx AS (
                SELECT st.hospital_id, st.stay, trim(d.code) AS code,
                       nullif(trim(try_element_at(split(coalesce(st.admission_conditions, ''), '[|]', -1), d.pos + 1)), '') AS cond
                FROM stays st JOIN op_stays os ON os.hospital_id = st.hospital_id AND os.stay = st.stay
                LATERAL VIEW posexplode(concat(array(coalesce(st.principal_dx, '')),
                    CASE WHEN coalesce(st.secondary_dx, '') = '' THEN CAST(array() AS ARRAY<STRING>)
                         ELSE split(st.secondary_dx, '[|]', -1) END)) d AS pos, code),
            complications AS (
                SELECT dx.hospital_id, count(DISTINCT CASE WHEN dx.cond IN ('2', '3', '4') THEN dx.stay END) AS n,
                       bool_or(dx.cond IS NULL) AS unknown
                FROM dx JOIN code_lists c ON c.list = 'complications' AND c.code = dx.code
                GROUP BY dx.hospital_id),
            per_hospital AS (
                SELECT hospital_id, count(DISTINCT stay) AS operated, bool_or(undated) AS undated, count(*) AS sessions,
                       count_if(mi) AS mi, count_if(g4) AS g4, bool_or(g4_unknown) AS g4_unknown,
                       count_if(top_level = '3' AND NOT coalesce(g4, false)) AS g3, bool_or(level_unknown) AS level_unknown,
                       count_if(day) AS day, bool_or(day IS NULL) AS day_unknown,
                       count_if(route <> '1') AS elective, bool_or(route IS NULL) AS route_unknown,
                       count_if(clean) AS clean, bool_or(wound_unknown) AS wound_unknown,
                       count_if(infected) AS infected, bool_or(heal_unknown) AS heal_unknown
                FROM sessions GROUP BY hospital_id),
            all_hospitals AS (
                SELECT hospital_id, count_if(discharge_method = '3') AS referrals
                FROM case_records WHERE discharge_date BETWEEN DATE'{from}' AND DATE'{to}' GROUP BY hospital_id)
            SELECT a.hospital_id, CAST(coalesce(h.operated, 0) AS DOUBLE) AS operated_stays,
                   CAST(CASE WHEN h.undated THEN NULL ELSE coalesce(h.sessions, 0) END AS DOUBLE) AS operation_sessions,
                   CAST(CASE WHEN h.undated THEN NULL ELSE coalesce(h.mi, 0) END AS DOUBLE) AS minimally_invasive_sessions,
                   CAST(CASE WHEN h.undated OR h.g4_unknown THEN NULL ELSE coalesce(h.g4, 0) END AS DOUBLE) AS grade4_sessions,
                   CAST(CASE WHEN h.undated OR h.level_unknown OR h.g4_unknown THEN NULL ELSE coalesce(h.g3, 0) END AS DOUBLE)
                       AS grade3_sessions,
                   CAST(CASE WHEN h.undated OR h.day_unknown THEN NULL ELSE coalesce(h.day, 0) END AS DOUBLE) AS day_surgery_sessions,
                   CAST(CASE WHEN h.undated OR h.route_unknown THEN NULL ELSE coalesce(h.elective, 0) END AS DOUBLE) AS elective_sessions,
                   CAST(CASE WHEN h.undated OR h.wound_unknown THEN NULL ELSE coalesce(h.clean, 0) END AS DOUBLE) AS clean_wound_sessions,
                   CAST(CASE WHEN h.undated OR h.wound_unknown OR h.heal_unknown THEN NULL ELSE coalesce(h.infected, 0) END AS DOUBLE)
                       AS clean_wound_infections,
                   CAST(CASE WHEN c.unknown THEN NULL ELSE coalesce(c.n, 0) END AS DOUBLE) AS complication_stays,
                   CAST(a.referrals AS DOUBLE) AS referrals_down_inpatient
            FROM all_hospitals a
            LEFT JOIN per_hospital h ON h.hospital_id = a.hospital_id
            LEFT JOIN complications c ON c.hospital_id = a.hospital_id
            """;

    /**
     * Readmissions within 31 days (same patient, same hospital) of the stays discharged in {from}..{to}: the previous
     * stay is the one before in admission, discharge, record order among all the patient's stays at the hospital, as
     * ReadmissionFacts defines it for the embedded store.
     */
    static final String READMISSIONS = """
            WITH stays AS (
                SELECT hospital_id, discharge_date,
                       datediff(admission_date, lag(discharge_date) OVER (PARTITION BY hospital_id, patient_id
                           ORDER BY admission_date ASC NULLS LAST, discharge_date ASC NULLS LAST, record_id)) AS days
                FROM case_records
                WHERE patient_id IS NOT NULL)
            SELECT hospital_id, CAST(count_if(days BETWEEN 0 AND 31) AS DOUBLE) AS readmissions_31d
            FROM stays WHERE discharge_date BETWEEN DATE'{from}' AND DATE'{to}' GROUP BY hospital_id
            """;

    /** Facility-report measures: monthly rows of {first}..{last} (YYYY-MM), yearly rows when {years} covers whole years. */
    static final String REPORT_MEASURES = """
            SELECT hospital_id, CAST(count(*) AS DOUBLE) AS report_months, sum(physicians) AS physicians, sum(nurses) AS nurses,
                   sum(staff_spending) AS staff_spending, sum(operating_spending) AS operating_spending,
                   sum(energy_spending) AS energy_spending, sum(total_revenue) AS total_revenue,
                   sum(medical_revenue) AS medical_revenue, max_by(emr_level, CASE WHEN emr_level IS NOT NULL THEN period END) AS emr_level,
                   sum(outpatient_visits) AS outpatient_visits, sum(appointments) AS appointments,
                   avg(patient_satisfaction) AS patient_satisfaction, avg(staff_satisfaction) AS staff_satisfaction,
                   sum(drg_dip_paid_spending) AS drg_dip_paid_spending, sum(eligible_insurance_spending) AS eligible_insurance_spending
            FROM facility_report_rows
            WHERE (length(period) = 7 AND period BETWEEN '{first}' AND '{last}')
               OR ({years} AND length(period) = 4 AND period BETWEEN '{first_year}' AND '{last_year}')
            GROUP BY hospital_id
            """;
}
