package org.hqd.store.evaluation;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.Measure;
import org.hqd.evaluation.codes.OperationLists;
import org.hqd.hospital.Hospital;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;
import org.hqd.quality.PlausibilityRanges;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * Computes the {@link Measure}s of every hospital over a period — for the whole period, or per month — from the
 * cases (by discharge date), the facility reports (monthly rows of the period's months; a yearly row {@code YYYY}
 * when the period covers that whole year), the case costs of the cost accounting and the register. A measure without
 * input is absent (so the indicators
 * using it are NO_DATA); the weights are those of the latest standards version.
 */
public final class MeasureQuery {
    /*
     * Stays that are readmissions (ReadmissionFacts, kept by the imports), counted by discharge date. The case query
     * gives 0 to every hospital with stays of known patients in the period; this count replaces it where there are
     * readmissions (a hospital whose stays carry no patient id has no readmission measure).
     */
    private static final String READMISSIONS = """
            SELECT hospital_id, {month} AS period, count(*) FROM readmission_facts
            WHERE discharge_date BETWEEN ?::DATE AND ?::DATE GROUP BY ALL
            """;

    /*
     * The facility reports' monthly rows with the finance system's actual amounts in place of their revenue and
     * spending for the months that have them (finance_months, from hqd budget actuals), plus the yearly rows.
     */
    private static final String REPORTS = """
            WITH rows AS (
                SELECT coalesce(r.hospital_id, f.hospital_id) AS hospital_id, coalesce(r.period, f.period) AS period,
                       r.hospital_id IS NOT NULL AS reported, r.beds, r.physicians, r.nurses, r.pharmacists,
                       coalesce(f.staff_spending, r.staff_spending) AS staff_spending,
                       coalesce(f.operating_spending, r.operating_spending) AS operating_spending,
                       coalesce(f.energy_spending, r.energy_spending) AS energy_spending,
                       coalesce(f.total_revenue, r.total_revenue) AS total_revenue,
                       coalesce(f.medical_revenue, r.medical_revenue) AS medical_revenue,
                       r.emr_level, r.outpatient_visits, r.appointments,
                       r.patient_satisfaction, r.staff_satisfaction, r.drg_dip_paid_spending, r.eligible_insurance_spending
                FROM (SELECT * FROM facility_report_rows WHERE length(period) = 7) r
                FULL OUTER JOIN finance_months f ON f.hospital_id = r.hospital_id AND f.period = r.period
                UNION ALL BY NAME
                SELECT hospital_id, period, true AS reported, beds, physicians, nurses, pharmacists, staff_spending, operating_spending,
                       energy_spending, total_revenue, medical_revenue, emr_level,
                       outpatient_visits, appointments, patient_satisfaction, staff_satisfaction, drg_dip_paid_spending,
                       eligible_insurance_spending
                FROM facility_report_rows WHERE length(period) = 4)
            SELECT hospital_id, {month} AS month, count(*) FILTER (WHERE reported), sum(beds), sum(physicians),
                   sum(nurses), sum(pharmacists),
                   sum(staff_spending), sum(operating_spending), sum(energy_spending), sum(total_revenue),
                   sum(medical_revenue), arg_max(emr_level, period) FILTER (WHERE emr_level IS NOT NULL),
                   sum(outpatient_visits), sum(appointments), avg(patient_satisfaction), avg(staff_satisfaction),
                   sum(drg_dip_paid_spending), sum(eligible_insurance_spending)
            FROM rows
            WHERE (length(period) = 7 AND period BETWEEN ? AND ?) OR (? AND length(period) = 4 AND period BETWEEN ? AND ?)
            GROUP BY ALL
            """;
    private static final Measure[] REPORT_MEASURES = {Measure.REPORT_MONTHS, Measure.BEDS, Measure.PHYSICIANS,
        Measure.NURSES, Measure.PHARMACISTS,
        Measure.STAFF_SPENDING, Measure.OPERATING_SPENDING, Measure.ENERGY_SPENDING, Measure.TOTAL_REVENUE,
        Measure.MEDICAL_REVENUE, Measure.EMR_LEVEL, Measure.OUTPATIENT_VISITS, Measure.APPOINTMENTS,
        Measure.PATIENT_SATISFACTION, Measure.STAFF_SATISFACTION, Measure.DRG_DIP_PAID_SPENDING,
        Measure.ELIGIBLE_INSURANCE_SPENDING};

    /** What the measures' queries do, in the words of an error. */
    static final String WHAT = "计算评价指标的统计量";

    private final DataDirectory dir;
    /** Whether the case measures are sums of the per-hospital-month summaries ({@link #withSummaries}). */
    private final boolean summed;

    public MeasureQuery(DataDirectory dir) {
        this(dir, false);
    }

    private MeasureQuery(DataDirectory dir, boolean summed) {
        this.dir = dir;
        this.summed = summed;
    }

    /**
     * For a server whose per-hospital-month summaries are built
     * ({@link org.hqd.store.query.UnitMetricsQuery#prepareMonthlyBenchmark}, at start; the cases do not change while
     * it runs): the case measures are sums of them instead of a pass over the period's cases — the same measures up to
     * the order of floating-point sums.
     */
    public MeasureQuery withSummaries() {
        return new MeasureQuery(dir, true);
    }

    /**
     * The hospitals to evaluate: those of the register in the region (its province, city or county code; every
     * hospital without a region), plus, without a region, hospitals that have cases but are not in the register.
     */
    public List<Hospital> hospitals(Optional<String> region) {
        String sql = "SELECT hospital_id, name, tier, type FROM hospital_register WHERE ?::VARCHAR IS NULL "
                + "OR ? IN (province_code, city_code, county_code) "
                + "UNION ALL SELECT DISTINCT hospital_id, NULL, NULL, NULL FROM case_records WHERE ?::VARCHAR IS NULL "
                + "AND hospital_id NOT IN (SELECT hospital_id FROM hospital_register) ORDER BY 1";
        String r0 = region.orElse(null);
        return Query.of("读取医院名册", sql).bind(r0, r0, r0).list(dir.connection(), r -> {
            String tier = r.getString(3);
            String type = r.getString(4);
            return new Hospital(r.getString(1), r.getString(2) == null ? r.getString(1) : r.getString(2),
                    tier == null ? Optional.empty() : HospitalTier.byName(tier),
                    type == null ? Optional.empty() : HospitalType.byName(type));
        });
    }

    /**
     * The months from the first to the last discharge in the store that lie within the plausible discharge dates
     * (the standard {@link PlausibilityRanges}, as of today): what default periods are drawn from, so a stray
     * 9999-12-31 stored before those ranges existed cannot become one. Empty without such cases.
     */
    public Optional<EvaluationPeriod> dischargeMonths() {
        PlausibilityRanges.DateWindow w = PlausibilityRanges.standard()
                .dischargeWindow(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        return Query.of("读取出院日期范围", "SELECT strftime(min(discharge_date), '%Y-%m'), "
                + "strftime(max(discharge_date), '%Y-%m') FROM case_records WHERE discharge_date BETWEEN ? AND ?")
                .bind(w.first(), w.last()).read(dir.connection(), r -> r.next() && r.getString(1) != null
                        ? Optional.of(EvaluationPeriod.parse(r.getString(1) + ".." + r.getString(2)))
                        : Optional.<EvaluationPeriod>empty());
    }

    /** The measures of these hospitals over the whole period (no year before). */
    public List<HospitalMeasures> whole(EvaluationPeriod period, List<Hospital> hospitals) {
        return whole(period, hospitals, false);
    }

    /**
     * The measures of these hospitals over the whole period; with {@code withPrior} each with those of the same
     * months a year earlier (for the growth indicators: a second pass over the store, so only when a set needs it).
     */
    public List<HospitalMeasures> whole(EvaluationPeriod period, List<Hospital> hospitals, boolean withPrior) {
        List<HospitalMeasures> now = run(period, hospitals, false).getOrDefault("", List.of());
        if (!withPrior) {
            return now;
        }
        EvaluationPeriod before = new EvaluationPeriod(period.first().minusYears(1), period.last().minusYears(1));
        List<HospitalMeasures> prior = run(before, hospitals, false).getOrDefault("", List.of());
        List<HospitalMeasures> out = new ArrayList<>(now.size());
        for (int i = 0; i < now.size(); i++) {
            HospitalMeasures h = now.get(i);
            out.add(new HospitalMeasures(h.hospitalId(), h.name(), h.tier(), h.type(), h.measures(),
                    prior.get(i).measures()));
        }
        return out;
    }

    /** The measures of these hospitals per month of the period, by month {@code YYYY-MM} in order. */
    public Map<String, List<HospitalMeasures>> monthly(EvaluationPeriod period, List<Hospital> hospitals) {
        Map<String, List<HospitalMeasures>> out = new LinkedHashMap<>();
        Map<String, List<HospitalMeasures>> found = run(period, hospitals, true);
        for (YearMonth m : period.months()) {
            out.put(m.toString(), found.getOrDefault(m.toString(), empty(hospitals, m.lengthOfMonth())));
        }
        return out;
    }

    private static List<HospitalMeasures> empty(List<Hospital> hospitals, double days) {
        return hospitals.stream().map(h -> measures(h, new EnumMap<>(Measure.class), days)).toList();
    }

    private Map<String, List<HospitalMeasures>> run(EvaluationPeriod period, List<Hospital> hospitals,
                                                    boolean byMonth) {
        // period key → hospital → measures
        Map<String, Map<String, Map<Measure, Double>>> values = new TreeMap<>();
        caseMeasures(period, byMonth, values);
        reportMeasures(period, byMonth, values);
        FinanceMeasures.read(dir.connection(), period, byMonth, values);
        if (!byMonth) {
            AnnualMeasures.read(dir.connection(), period, values);
        }
        Map<String, List<HospitalMeasures>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Map<Measure, Double>>> e : values.entrySet()) {
            List<HospitalMeasures> list = new ArrayList<>();
            for (Hospital h : hospitals) {
                Map<Measure, Double> m = new EnumMap<>(Measure.class);
                m.putAll(e.getValue().getOrDefault(h.id(), Map.of()));
                list.add(measures(h, m, days(period, e.getKey())));
            }
            out.put(e.getKey(), list);
        }
        if (!byMonth) {
            out.putIfAbsent("", empty(hospitals, days(period, "")));
        }
        return out;
    }

    /** A hospital's measures, with the days of its period (every hospital has those). */
    private static HospitalMeasures measures(Hospital h, Map<Measure, Double> m, double days) {
        m.put(Measure.PERIOD_DAYS, days);
        return new HospitalMeasures(h.id(), h.name(), h.tier(), h.type(), m, Map.of());
    }

    /** The days of the period key: the whole period's for '', else those of the month. */
    private static double days(EvaluationPeriod period, String key) {
        return key.isEmpty() ? period.to().toEpochDay() - period.from().toEpochDay() + 1
                : YearMonth.parse(key).lengthOfMonth();
    }

    /** The period key of a case: its discharge month, or '' for the whole period. */
    private static String month(boolean byMonth) {
        return byMonth ? "strftime(discharge_date, '%Y-%m')" : "''";
    }

    private void caseMeasures(EvaluationPeriod period, boolean byMonth,
                              Map<String, Map<String, Map<Measure, Double>>> values) {
        Date from = Date.valueOf(period.from());
        Date to = Date.valueOf(period.to());
        Query.of(WHAT, CaseMeasures.sql(summed, byMonth)).bind(from, to, from, to)
                .forEach(dir.connection(), into(CaseMeasures.MEASURES, values));
        Query.of(WHAT, READMISSIONS.replace("{month}", month(byMonth))).bind(from, to)
                .forEach(dir.connection(), into(new Measure[] {Measure.READMISSIONS_31D}, values));
        OperationLists lists = OperationMeasures.lists(dir.path());
        if (!OperationFacts.current(dir, lists)) {
            OperationMeasures.onTheFly(lists, period, month(byMonth))
                    .forEach(dir.connection(), into(OperationMeasures.MEASURES, values));
            return;
        }
        OperationMeasures.fromFacts(period, month(byMonth))
                .forEach(dir.connection(), into(OperationMeasures.FACT_MEASURES, values));
        // a hospital with cases in the period but no operated stay: 0 of every count
        for (Map<String, Map<Measure, Double>> hospitals : values.values()) {
            for (Map<Measure, Double> m : hospitals.values()) {
                if (m.containsKey(Measure.CASES) && !m.containsKey(Measure.OPERATED_STAYS)) {
                    for (Measure x : OperationMeasures.FACT_MEASURES) {
                        m.put(x, 0.0);
                    }
                }
            }
        }
    }

    private void reportMeasures(EvaluationPeriod period, boolean byMonth,
                                Map<String, Map<String, Map<Measure, Double>>> values) {
        boolean wholeYears = AnnualMeasures.wholeYears(period) && !byMonth;
        Query.of(WHAT, REPORTS.replace("{month}", byMonth ? "period" : "''"))
                .bind(period.first().toString(), period.last().toString(), wholeYears,
                        String.valueOf(period.first().getYear()), String.valueOf(period.last().getYear()))
                .forEach(dir.connection(), into(REPORT_MEASURES, values));
    }

    /**
     * Takes rows {@code hospital, period, the measures' values in order} into the values by period and hospital (a
     * NULL value is no measure).
     */
    static Query.RowConsumer into(Measure[] measures, Map<String, Map<String, Map<Measure, Double>>> values) {
        return into(List.of(measures), values);
    }

    /** As {@link #into(Measure[], Map)}, with the measures as a list. */
    static Query.RowConsumer into(List<Measure> measures, Map<String, Map<String, Map<Measure, Double>>> values) {
        return r -> {
            Map<Measure, Double> m = FinanceMeasures.at(values, r.getString(2), r.getString(1));
            for (int i = 0; i < measures.size(); i++) {
                double v = r.getDouble(3 + i);
                if (!r.wasNull()) {
                    m.put(measures.get(i), v);
                }
            }
        };
    }
}
