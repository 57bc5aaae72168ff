package org.hqd.store.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.Measure;
import org.hqd.evaluation.codes.CodeList;
import org.hqd.evaluation.codes.OperationLists;
import org.hqd.store.Query;

/*
 * The operation measures of the national assessment's manual (国家三级公立医院绩效考核操作手册, indicators 3–6, 8, 9),
 * from the abstracts' procedures counted by the operation code lists (OperationLists: bundled, or replaced by files
 * code-lists/<id>.tsv in the data directory):
 *  a procedure is an operation when its code is on the operation list (手术目录); diagnostic and therapeutic
 *    procedures (e.g. 99.25 chemotherapy) are not;
 *  a session (台次) is the operations of one stay on one date (手术操作日期): operations done together are one 台次;
 *    a stay with a single operation is one session whatever its date;
 *  a session is minimally invasive when one of its operations is on the minimally-invasive list, grade 4 when one
 *    is on the grade-4 list (without a list: 手术级别 4), grade 3 when its highest grade is 3;
 *  day surgery: the stay's 日间手术 flag; elective: the stay's 入院途径 is not 1 (急诊);
 *  clean-wound session: one of its operations has 切口等级 1 (Ⅰ类); infected: such an operation healed 丙 (3);
 *  complication stay: an operated stay with a diagnosis on the complication list whose 入院病情 is not 1 (有).
 * An input the count depends on that is unknown (a stay with several operations without dates; an operation
 * without level, wound class or healing; a stay without 入院途径 or 日间手术; a listed complication without its 入院病情)
 * makes that measure absent for the hospital, so its indicators say which input is missing instead of counting on a
 * guess. Hospitals with cases but no operation have 0 of every count.
 */
/** The operation measures of each hospital (and month) from the abstracts and the operation code lists. */
final class OperationMeasures {
    static final Measure[] MEASURES = {Measure.OPERATED_STAYS, Measure.OPERATION_SESSIONS,
        Measure.MINIMALLY_INVASIVE_SESSIONS, Measure.GRADE4_SESSIONS, Measure.GRADE3_SESSIONS,
        Measure.DAY_SURGERY_SESSIONS, Measure.ELECTIVE_SESSIONS, Measure.CLEAN_WOUND_SESSIONS,
        Measure.CLEAN_WOUND_INFECTIONS, Measure.COMPLICATION_STAYS, Measure.REFERRALS_DOWN_INPATIENT};

    /*
     * The facts of each stay with an operation (one row of operation_facts), from the stays of case_records matching
     * {where}, over the code lists of hqd_code_lists: the stays with procedures are read once, their operations grouped
     * into sessions and the sessions into the stay (whether the stay is undated follows from its sessions' operation
     * counts); the diagnoses of the stays with procedures give whether a listed complication arose (or its 入院病情
     * is unknown). Written once: OperationFacts stores these rows at import, the on-the-fly path (a read-only store
     * whose facts were derived with other lists) computes them within its query.
     */
    static final String STAY_FACTS = """
            procs AS (
                SELECT stay, hospital_id, record_id, discharge_date, admission_route, day_surgery,
                       trim(unnest(codes)) AS code, nullif(nullif(trim(unnest(levels)), ''), '-1') AS lvl,
                       nullif(trim(unnest(dates)), '') AS dt, nullif(trim(unnest(wounds)), '') AS wound,
                       nullif(trim(unnest(heals)), '') AS heal
                FROM (SELECT rowid AS stay, hospital_id, record_id, discharge_date, admission_route, day_surgery,
                             list_concat(CASE WHEN coalesce(principal_proc, '') = '' THEN [] ELSE [principal_proc] END,
                                         CASE WHEN coalesce(other_procs, '') = '' THEN [] ELSE string_split(other_procs, '|') END) AS codes,
                             string_split(coalesce(proc_levels, ''), '|') AS levels,
                             string_split(coalesce(proc_dates, ''), '|') AS dates,
                             string_split(coalesce(proc_wound_classes, ''), '|') AS wounds,
                             string_split(coalesce(proc_healing, ''), '|') AS heals
                      FROM case_records
                      WHERE {where} AND (coalesce(principal_proc, '') <> '' OR coalesce(other_procs, '') <> ''))),
            ops AS (
                SELECT p.*, mi.code IS NOT NULL AS mi, CASE WHEN {grade4_by_list} THEN g4.code IS NOT NULL ELSE p.lvl = '4' END AS g4
                FROM procs p
                JOIN hqd_code_lists o ON o.list = 'operations' AND o.code = p.code
                LEFT JOIN hqd_code_lists mi ON mi.list = 'minimally-invasive' AND mi.code = p.code
                LEFT JOIN hqd_code_lists g4 ON g4.list = 'grade4' AND g4.code = p.code
                WHERE p.code IS NOT NULL AND p.code <> ''),
            sessions AS (
                SELECT stay, any_value(hospital_id) AS hospital_id, any_value(record_id) AS record_id,
                       any_value(discharge_date) AS discharge_date, count(*) AS n_ops, count(dt) AS n_dated,
                       any_value(admission_route) AS route, any_value(day_surgery) AS day,
                       bool_or(mi) AS mi, bool_or(g4) AS g4, bool_or(g4 IS NULL) AS g4_unknown,
                       max(lvl) AS top_level, bool_or(lvl IS NULL) AS level_unknown,
                       bool_or(wound = '1') AS clean, bool_or(wound IS NULL) AS wound_unknown,
                       bool_or(wound = '1' AND heal = '3') AS infected,
                       bool_or(wound = '1' AND heal IS NULL) AS heal_unknown
                FROM ops GROUP BY stay, coalesce(dt, '')),
            op_stays AS (
                SELECT stay, any_value(hospital_id) AS hospital_id, any_value(record_id) AS record_id,
                       any_value(discharge_date) AS discharge_date,
                       sum(n_ops) > 1 AND sum(n_dated) < sum(n_ops) AS undated,
                       count(*) AS sessions, count(*) FILTER (WHERE mi) AS mi, count(*) FILTER (WHERE g4) AS g4,
                       bool_or(g4_unknown) AS g4_unknown,
                       count(*) FILTER (WHERE top_level = '3' AND NOT coalesce(g4, false)) AS g3,
                       bool_or(level_unknown) AS level_unknown,
                       count(*) FILTER (WHERE day) AS day, bool_or(day IS NULL) AS day_unknown,
                       count(*) FILTER (WHERE route <> '1') AS elective, bool_or(route IS NULL) AS route_unknown,
                       count(*) FILTER (WHERE clean) AS clean, bool_or(wound_unknown) AS wound_unknown,
                       count(*) FILTER (WHERE infected) AS infected, bool_or(heal_unknown) AS heal_unknown
                FROM sessions GROUP BY stay),
            dx AS (
                SELECT stay, trim(unnest(dxs)) AS code, nullif(trim(unnest(conds)), '') AS cond
                FROM (SELECT rowid AS stay,
                             list_concat([coalesce(principal_dx, '')],
                                         CASE WHEN coalesce(secondary_dx, '') = '' THEN [] ELSE string_split(secondary_dx, '|') END) AS dxs,
                             string_split(coalesce(admission_conditions, ''), '|') AS conds
                      FROM case_records
                      WHERE {where} AND (coalesce(principal_proc, '') <> '' OR coalesce(other_procs, '') <> ''))),
            stay_complications AS (
                SELECT dx.stay, bool_or(dx.cond IN ('2', '3', '4')) AS complication, bool_or(dx.cond IS NULL) AS unknown
                FROM dx JOIN hqd_code_lists c ON c.list = 'complications' AND c.code = dx.code
                GROUP BY dx.stay),
            stay_facts AS (
                SELECT s.hospital_id, s.record_id, s.discharge_date, s.undated, s.sessions, s.mi, s.g4, s.g4_unknown,
                       s.g3, s.level_unknown, s.day, s.day_unknown, s.elective, s.route_unknown, s.clean,
                       s.wound_unknown, s.infected, s.heal_unknown, coalesce(c.complication, false) AS complication,
                       coalesce(c.unknown, false) AS complication_unknown
                FROM op_stays s LEFT JOIN stay_complications c ON c.stay = s.stay)
            """;

    /** The code lists as a relation (list, code) from one text parameter of lines {@code list TAB code}. */
    static final String CODE_LISTS = """
            hqd_code_lists AS (
                SELECT split_part(x, chr(9), 1) AS list, split_part(x, chr(9), 2) AS code
                FROM (SELECT unnest(string_split(?, chr(10))) AS x))
            """;

    /** The measures counted from the facts: all but the referrals, which are counted over every stay. */
    static final Measure[] FACT_MEASURES = java.util.Arrays.copyOf(MEASURES, MEASURES.length - 1);

    /* From the facts of the operated stays discharged in the period (stay_facts) to each hospital's counts. */
    private static final String PER_HOSPITAL = """
            per_hospital AS (
                SELECT hospital_id, {month} AS period, count(*) AS operated, bool_or(undated) AS undated,
                       sum(sessions) AS sessions, sum(mi) AS mi, sum(g4) AS g4, bool_or(g4_unknown) AS g4_unknown,
                       sum(g3) AS g3, bool_or(level_unknown) AS level_unknown,
                       sum(day) AS day, bool_or(day_unknown) AS day_unknown,
                       sum(elective) AS elective, bool_or(route_unknown) AS route_unknown,
                       sum(clean) AS clean, bool_or(wound_unknown) AS wound_unknown,
                       sum(infected) AS infected, bool_or(heal_unknown) AS heal_unknown,
                       count(*) FILTER (WHERE complication) AS complications,
                       bool_or(complication_unknown) AS complication_unknown
                FROM stay_facts GROUP BY ALL)
            """;

    /* The counts of FACT_MEASURES from a per_hospital row h (0 when h is missing: a hospital without operations). */
    private static final String COUNTS = """
                   coalesce(h.operated, 0),
                   CASE WHEN h.undated THEN NULL ELSE coalesce(h.sessions, 0) END,
                   CASE WHEN h.undated THEN NULL ELSE coalesce(h.mi, 0) END,
                   CASE WHEN h.undated OR h.g4_unknown THEN NULL ELSE coalesce(h.g4, 0) END,
                   CASE WHEN h.undated OR h.level_unknown OR h.g4_unknown THEN NULL ELSE coalesce(h.g3, 0) END,
                   CASE WHEN h.undated OR h.day_unknown THEN NULL ELSE coalesce(h.day, 0) END,
                   CASE WHEN h.undated OR h.route_unknown THEN NULL ELSE coalesce(h.elective, 0) END,
                   CASE WHEN h.undated OR h.wound_unknown THEN NULL ELSE coalesce(h.clean, 0) END,
                   CASE WHEN h.undated OR h.wound_unknown OR h.heal_unknown THEN NULL ELSE coalesce(h.infected, 0) END,
                   CASE WHEN h.complication_unknown THEN NULL ELSE coalesce(h.complications, 0) END
            """;

    /*
     * Over the stored facts (OperationFacts keeps them current for the lists in force): the FACT_MEASURES of the
     * hospitals with operations; MeasureQuery gives 0 of each to the other hospitals with cases, and the referrals.
     */
    private static final String FROM_FACTS = "WITH stay_facts AS (SELECT * FROM operation_facts "
            + "WHERE discharge_date BETWEEN ?::DATE AND ?::DATE),\n" + PER_HOSPITAL
            + "SELECT h.hospital_id, h.period,\n" + COUNTS + "FROM per_hospital h\n";

    /*
     * Deriving the facts within the query from the procedure strings (when the stored facts cannot be used): every
     * MEASURES of every hospital with cases in the period.
     */
    private static final String ON_THE_FLY = "WITH " + CODE_LISTS + ",\n" + STAY_FACTS + ",\n" + PER_HOSPITAL + """
            , all_hospitals AS (
                SELECT hospital_id, {month} AS period, count(*) FILTER (WHERE discharge_method = '3') AS referrals
                FROM case_records WHERE discharge_date BETWEEN ?::DATE AND ?::DATE GROUP BY ALL)
            SELECT a.hospital_id, a.period,
            """ + COUNTS + """
                   , a.referrals
            FROM all_hospitals a
            LEFT JOIN per_hospital h ON h.hospital_id = a.hospital_id AND h.period = a.period
            """;

    private OperationMeasures() {
    }

    /** The lists in force for a data directory: the bundled ones, replaced by files under {@code code-lists/}. */
    static OperationLists lists(Path dataDirectory) {
        Map<String, Map.Entry<String, String>> replacements = new LinkedHashMap<>();
        for (String id : OperationLists.IDS) {
            Path f = dataDirectory.resolve("code-lists").resolve(id + ".tsv");
            if (Files.isRegularFile(f)) {
                try {
                    replacements.put(id, new AbstractMap.SimpleEntry<>(f.toString(), Files.readString(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return OperationLists.bundled().with(replacements);
    }

    /** The lists as the text parameter of {@link #CODE_LISTS}. */
    static String codes(OperationLists lists) {
        StringBuilder codes = new StringBuilder();
        for (CodeList l : lists.all()) {
            for (String code : l.codes().keySet()) {
                codes.append(l.id()).append('\t').append(code).append('\n');
            }
        }
        return codes.toString();
    }

    /** The query of the measures from the stored facts. */
    static Query fromFacts(EvaluationPeriod period, String month) {
        return Query.of(MeasureQuery.WHAT, FROM_FACTS.replace("{month}", month))
                .bind(Date.valueOf(period.from()), Date.valueOf(period.to()));
    }

    /** The query of the measures from the procedure strings with these lists. */
    static Query onTheFly(OperationLists lists, EvaluationPeriod period, String month) {
        String where = "discharge_date BETWEEN ?::DATE AND ?::DATE";
        Date from = Date.valueOf(period.from());
        Date to = Date.valueOf(period.to());
        return Query.of(MeasureQuery.WHAT, ON_THE_FLY.replace("{month}", month).replace("{where}", where)
                .replace("{grade4_by_list}", String.valueOf(lists.grade4ByList())))
                .bind(codes(lists), from, to, from, to, from, to);
    }
}
