package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.Measure;
import org.hqd.hospital.Hospital;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.query.UnitMetricsQuery;
import org.hqd.store.standards.StandardsStore;
import org.hqd.synth.GeneratorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation measures a server sums from the per-hospital-month summaries equal those of the cases, measure by
 * measure, for every hospital, for a month, a quarter, the whole span and a period without cases, whole and per month.
 * The generated province is given what the generator leaves out: case costs of the cost accounting for two hospitals'
 * first months, cases without a total cost or length of stay (the means' denominators), a hospital whose cases lost
 * their patient ids and cases referred down (转下级).
 */
final class SummedMeasuresTest {
    @TempDir
    static Path tmp;

    static Path data;
    static YearMonth first;

    @BeforeAll
    static void generateCostAndSum() throws Exception {
        data = Stores.generated(tmp, GeneratorSettings.of(5, 6_000, 5, 11), dir -> {
            new StandardsStore(dir).ensureComputed("chs-drg-1.1");
            first = YearMonth.parse(Stores.rows(dir.connection(),
                    "SELECT strftime(min(discharge_date), '%Y-%m') FROM case_records").get(0));
            try (java.sql.Statement s = dir.connection().createStatement()) {
                s.execute("INSERT INTO case_costs SELECT hospital_id, record_id, year(discharge_date), "
                        + "coalesce(department, ''), (total_cost * 73)::BIGINT, (total_cost * 29)::BIGINT "
                        + "FROM case_records WHERE hospital_id IN ('H0001', 'H0003') AND discharge_date < DATE '"
                        + first.plusMonths(2).atDay(1) + "' AND total_cost IS NOT NULL");
                s.execute("UPDATE case_records SET total_cost = NULL WHERE hash(record_id) % 41 = 0");
                s.execute("UPDATE case_records SET los_days = NULL WHERE hash(record_id) % 37 = 1");
                s.execute("UPDATE case_records SET patient_id = NULL WHERE hospital_id = 'H0002'");
                s.execute("UPDATE case_records SET discharge_method = '3' WHERE hash(record_id) % 29 = 2");
            }
            UnitMetricsQuery.prepareMonthlyBenchmark(dir);
        });
    }

    @Test
    void summedMeasures_equalTheMeasuresOfTheCases_everyHospitalMeasureAndPeriod() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery cases = new MeasureQuery(dir);
            MeasureQuery summed = new MeasureQuery(dir).withSummaries();
            List<Hospital> hospitals = cases.hospitals(Optional.empty());
            assertThat(hospitals).hasSize(5);
            List<EvaluationPeriod> periods = List.of(new EvaluationPeriod(first, first),
                    new EvaluationPeriod(first.plusMonths(1), first.plusMonths(3)),
                    new EvaluationPeriod(first.minusMonths(2), first.plusMonths(6)),
                    new EvaluationPeriod(first.plusYears(3), first.plusYears(3).plusMonths(2)));
            int compared = 0;
            for (EvaluationPeriod p : periods) {
                compared += same(p.toString(), cases.whole(p, hospitals), summed.whole(p, hospitals));
                Map<String, List<HospitalMeasures>> byMonth = cases.monthly(p, hospitals);
                Map<String, List<HospitalMeasures>> summedByMonth = summed.monthly(p, hospitals);
                assertThat(summedByMonth.keySet()).containsExactlyElementsOf(byMonth.keySet());
                for (String m : byMonth.keySet()) {
                    compared += same(p + " " + m, byMonth.get(m), summedByMonth.get(m));
                }
            }
            assertThat(compared).isGreaterThan(1_000);
        }
    }

    @Test
    void theCasesGivenWhatTheGeneratorLeavesOut_showInTheMeasures() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery summed = new MeasureQuery(dir).withSummaries();
            List<Hospital> hospitals = summed.hospitals(Optional.empty());
            List<HospitalMeasures> m = summed.whole(new EvaluationPeriod(first, first.plusMonths(6)), hospitals);
            Map<Measure, Double> h1 = m.get(0).measures();
            assertThat(h1.get(Measure.COSTED_CASES)).isPositive().isLessThan(h1.get(Measure.CASES));
            assertThat(h1.get(Measure.CASE_COST)).isPositive();
            assertThat(h1.get(Measure.REFERRALS_DOWN_INPATIENT)).isPositive();
            assertThat(m.get(1).measures()).as("H0002: no case costs").doesNotContainKey(Measure.COSTED_CASES)
                    .doesNotContainKey(Measure.CASE_COST);
        }
    }

    /** Asserts the same hospitals with the same measures, equal to 1e-9 relative; how many values were compared. */
    private static int same(String what, List<HospitalMeasures> expected, List<HospitalMeasures> actual) {
        assertThat(actual).as(what).hasSize(expected.size());
        int compared = 0;
        for (int i = 0; i < expected.size(); i++) {
            HospitalMeasures e = expected.get(i);
            HospitalMeasures a = actual.get(i);
            String row = what + " " + e.hospitalId();
            assertThat(a.hospitalId()).as(row).isEqualTo(e.hospitalId());
            assertThat(a.measures().keySet()).as(row).isEqualTo(e.measures().keySet());
            List<Measure> differ = new ArrayList<>();
            for (Map.Entry<Measure, Double> x : e.measures().entrySet()) {
                double v = a.measures().get(x.getKey());
                if (Math.abs(v - x.getValue()) > 1e-9 * Math.max(1, Math.abs(x.getValue()))) {
                    differ.add(x.getKey());
                }
                compared++;
            }
            assertThat(differ).as(row + " " + e.measures() + " vs " + a.measures()).isEmpty();
        }
        return compared;
    }
}
