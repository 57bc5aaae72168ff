package org.hqd.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.payment.CostLevel;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.Settlement;
import org.hqd.payment.UnitCostOutput;
import org.hqd.store.DataDirectory;
import org.hqd.store.dip.DipStore;
import org.hqd.store.dip.DipUnitScores;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.payment.CostBasis;
import org.hqd.store.payment.PaymentStore;
import org.hqd.store.payment.SettlementQuery;
import org.hqd.store.payment.WeightBasis;
import org.hqd.store.standards.StandardsStore;
import org.hqd.synth.GeneratorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a server answers from derived tables and from the province's answers equals what is computed from the cases:
 * the unit metrics from the monthly tables (the per-hospital-month summaries and the monthly benchmark sums), field by
 * field, for every level, per month and for the whole period, against both benchmarks, on DRGs and on DIP groups; and
 * a hospital's rows of the province's answer of a period (unit metrics, DRG cost-output, worst-settled cases)
 * equal its own answer: the same rows in the same order, numbers equal to 1e-9.
 */
final class UnitMonthsTest {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void generateImportAndSum() throws Exception {
        data = Stores.generated(tmp, GeneratorSettings.of(6, 8_000, 4, 5), dir -> {
            new StandardsStore(dir).ensureComputed("chs-drg-1.1");
            new DipStore(dir).build(CaseFilter.ALL, DipParameters.DEFAULTS,
                    RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK).orProcedures()::containsKey);
            UnitMetricsQuery.prepareMonthlyBenchmark(dir);
        });
    }

    @Test
    void summedMetrics_equalTheMetricsOfTheCases_forEveryLevelPeriodKindAndBenchmark() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            String first = Stores.rows(dir.connection(),
                    "SELECT strftime(min(discharge_date), '%Y-%m-01') FROM case_records").get(0);
            LocalDate from = LocalDate.parse(first);
            List<CaseFilter> filters = List.of(CaseFilter.ALL,
                    new CaseFilter(Optional.of(from.plusMonths(1)), Optional.of(from.plusMonths(3).minusDays(1)),
                            Optional.empty()),
                    new CaseFilter(Optional.of(from.plusMonths(1)), Optional.empty(), Optional.of("H0002")),
                    new CaseFilter(Optional.empty(), Optional.of(from.plusMonths(2).minusDays(1)),
                            Optional.of("H0003")));
            int compared = 0;
            for (UnitMetricsQuery.CaseMix mix : UnitMetricsQuery.CaseMix.values()) {
                for (CaseFilter f : filters) {
                    // DIP metrics are asked of hospitals and departments against every hospital (the DIP page)
                    List<UnitLevel> levels = mix == UnitMetricsQuery.CaseMix.DRG ? List.of(UnitLevel.HOSPITAL,
                            UnitLevel.DEPARTMENT, UnitLevel.PHYSICIAN, UnitLevel.MDC, UnitLevel.DRG,
                            UnitLevel.HOSPITAL_DRG)
                            : List.of(UnitLevel.HOSPITAL, UnitLevel.DEPARTMENT);
                    List<PeerGroup> benchmarks = mix == UnitMetricsQuery.CaseMix.DRG ? List.of(PeerGroup.values())
                            : List.of(PeerGroup.ALL);
                    for (UnitLevel level : levels) {
                        for (boolean byMonth : new boolean[] {false, true}) {
                            for (PeerGroup b : benchmarks) {
                                List<PeriodPerformance> expected = new UnitMetricsQuery(dir)
                                        .run(mix, level, f, byMonth, b);
                                List<PeriodPerformance> actual = new UnitMetricsQuery(dir).withMonthlyBenchmark()
                                        .run(mix, level, f, byMonth, b);
                                String what = mix + " " + f + " " + level + " " + byMonth + " " + b;
                                assertThat(actual).as(what).hasSize(expected.size());
                                for (int i = 0; i < expected.size(); i++) {
                                    assertSame(what, expected.get(i), actual.get(i));
                                    compared++;
                                }
                            }
                        }
                    }
                }
            }
            assertThat(compared).isGreaterThan(500);
        }
    }

    /** A server takes a hospital's rows from the province's answer when it has it (the pages' default periods). */
    @Test
    void aHospitalsRows_areThoseOfTheProvincesAnswer() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            LocalDate from = LocalDate.parse(Stores.rows(dir.connection(),
                    "SELECT strftime(min(discharge_date), '%Y-%m-01') FROM case_records").get(0));
            int compared = 0;
            for (CaseFilter province : List.of(CaseFilter.ALL, new CaseFilter(Optional.of(from.plusMonths(1)),
                    Optional.of(from.plusMonths(4).minusDays(1)), Optional.empty()))) {
                for (UnitLevel level : List.of(UnitLevel.HOSPITAL, UnitLevel.DEPARTMENT, UnitLevel.PHYSICIAN)) {
                    compared += compareWithProvince(dir, UnitMetricsQuery.CaseMix.DRG, level, province, false);
                    compared += compareWithProvince(dir, UnitMetricsQuery.CaseMix.DRG, level, province, true);
                }
                // a hospital's DRGs: its lines H/DRG of every hospital's DRGs, named by the DRG
                compared += compareWithProvince(dir, UnitMetricsQuery.CaseMix.DRG, UnitLevel.DRG, province, false);
                compared += compareWithProvince(dir, UnitMetricsQuery.CaseMix.DRG, UnitLevel.DRG, province, true);
                // the DIP page asks for hospitals and departments over the period
                compared += compareWithProvince(dir, UnitMetricsQuery.CaseMix.DIP, UnitLevel.HOSPITAL, province, false);
                compared += compareWithProvince(dir, UnitMetricsQuery.CaseMix.DIP, UnitLevel.DEPARTMENT, province,
                        false);
            }
            assertThat(compared).isGreaterThan(100);
        }
    }

    /** Compares two hospitals' own rows with those taken from the province's; how many rows were compared. */
    private static int compareWithProvince(DataDirectory dir, UnitMetricsQuery.CaseMix mix, UnitLevel level,
                                           CaseFilter province, boolean byMonth) {
        UnitMetricsQuery q = new UnitMetricsQuery(dir).withMonthlyBenchmark();
        boolean drgs = level == UnitLevel.DRG;
        List<PeriodPerformance> all = q.run(mix, drgs ? UnitLevel.HOSPITAL_DRG : level, province, byMonth,
                PeerGroup.ALL);
        int compared = 0;
        for (String h : List.of("H0001", "H0004")) {
            List<PeriodPerformance> own = q.run(mix, level, new CaseFilter(province.from(), province.to(),
                    Optional.of(h)), byMonth, PeerGroup.ALL);
            List<PeriodPerformance> taken = all.stream().filter(r -> r.performance().unit().equals(h)
                    || r.performance().unit().startsWith(h + "/")).map(r -> !drgs ? r : new PeriodPerformance(
                            r.period(), r.performance().withUnit(r.performance().unit().substring(h.length() + 1)),
                            r.groupedCost())).toList();
            String what = mix + " " + province + " " + level + " " + byMonth + " " + h;
            assertThat(taken).as(what).hasSize(own.size()).isNotEmpty();
            for (int i = 0; i < own.size(); i++) {
                assertSame(what, own.get(i), taken.get(i));
                compared++;
            }
        }
        return compared;
    }

    @Test
    void pointValueOfWholeMonths_fromTheMonthlySums_equalsThatOfTheCases() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            LocalDate from = LocalDate.parse(Stores.rows(dir.connection(),
                    "SELECT strftime(min(discharge_date), '%Y-%m-01') FROM case_records").get(0));
            for (CaseFilter f : List.of(new CaseFilter(Optional.of(from), Optional.of(from.plusMonths(1).minusDays(1)),
                            Optional.empty()),
                    new CaseFilter(Optional.of(from.plusMonths(1)), Optional.of(from.plusMonths(3).minusDays(1)),
                            Optional.of("H0002")),
                    new CaseFilter(Optional.of(from.plusMonths(2)), Optional.empty(), Optional.empty()),
                    new CaseFilter(Optional.of(from.plusDays(3)), Optional.of(from.plusMonths(2).minusDays(1)),
                            Optional.empty()))) {
                double cases = new DipUnitScores(dir).neutralPointValue(f);
                double summed = new DipUnitScores(dir).withMonthlyBenchmark().neutralPointValue(f);
                assertThat(cases).as(f.toString()).isPositive();
                assertThat(summed).as(f.toString()).isCloseTo(cases, within(1e-9 * cases));
            }
        }
    }

    @Test
    void theSummaries_holdEveryCaseOnce() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            assertThat(Stores.number(dir.connection(), "SELECT sum(n) FROM unit_months"))
                    .isEqualTo(Stores.number(dir.connection(), "SELECT count(*) FROM case_records"))
                    .isGreaterThan(5_000);
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM unit_months"))
                    .isLessThan(Stores.number(dir.connection(), "SELECT count(*) FROM case_records"));
        }
    }

    private static void assertSame(String what, PeriodPerformance expected, PeriodPerformance actual) {
        UnitPerformance e = expected.performance();
        UnitPerformance a = actual.performance();
        String row = what + " " + e.unit() + " " + expected.period();
        assertThat(actual.period()).as(row).isEqualTo(expected.period());
        assertThat(a.unit()).as(row).isEqualTo(e.unit());
        assertThat(a.cases()).as(row).isEqualTo(e.cases());
        assertThat(a.grouped()).as(row).isEqualTo(e.grouped());
        assertThat(a.drgCount()).as(row).isEqualTo(e.drgCount());
        assertThat(a.totalWeight()).as(row).isCloseTo(e.totalWeight(), within(1e-9 * Math.max(1, e.totalWeight())));
        assertThat(actual.groupedCost()).as(row).isCloseTo(expected.groupedCost(),
                within(1e-9 * Math.max(1, expected.groupedCost())));
        List<OptionalDouble> es = List.of(e.cmi(), e.costIndex(), e.timeIndex(), e.drugIndex(), e.consumableIndex(),
                e.lowRiskMortality(), e.midLowRiskMortality(), e.alos(), e.mortality(), e.meanCost());
        List<OptionalDouble> as = List.of(a.cmi(), a.costIndex(), a.timeIndex(), a.drugIndex(), a.consumableIndex(),
                a.lowRiskMortality(), a.midLowRiskMortality(), a.alos(), a.mortality(), a.meanCost());
        for (int k = 0; k < es.size(); k++) {
            assertThat(as.get(k).isPresent()).as(row + " measure " + k).isEqualTo(es.get(k).isPresent());
            if (es.get(k).isPresent()) {
                double x = es.get(k).getAsDouble();
                assertThat(as.get(k).getAsDouble()).as(row + " measure " + k)
                        .isCloseTo(x, within(1e-9 * Math.max(1, Math.abs(x))));
            }
        }
    }

    /** The whole period and a quarter inside it, for the province (no hospital). */
    private static List<CaseFilter> periods(DataDirectory dir) {
        LocalDate from = LocalDate.parse(Stores.rows(dir.connection(),
                "SELECT strftime(min(discharge_date), '%Y-%m-01') FROM case_records").get(0));
        return List.of(CaseFilter.ALL, new CaseFilter(Optional.of(from.plusMonths(1)),
                Optional.of(from.plusMonths(4).minusDays(1)), Optional.empty()));
    }

    private static CaseFilter of(CaseFilter period, String hospital) {
        return new CaseFilter(period.from(), period.to(), Optional.of(hospital));
    }

    @Test
    void aHospitalsDrgs_areTheProvincesHospitalDrgLinesOfTheHospital_inTheirOrder() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            CostOutputQuery q = new CostOutputQuery(dir);
            double rate = q.neutralBaseRate();
            int compared = 0;
            for (CaseFilter period : periods(dir)) {
                List<UnitCostOutput> all = q.run(CostLevel.HOSPITAL_DRG, rate, period);
                for (String h : List.of("H0001", "H0004")) {
                    List<UnitCostOutput> own = q.run(CostLevel.DRG, rate, of(period, h));
                    List<UnitCostOutput> taken = all.stream().filter(l -> l.unit().startsWith(h + "/"))
                            .map(l -> l.withUnit(l.unit().substring(h.length() + 1))).toList();
                    assertThat(taken).as(h + " " + period).hasSize(own.size()).hasSizeGreaterThan(20);
                    for (int i = 0; i < own.size(); i++) {
                        assertSameCosts(own.get(i), taken.get(i));
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(100);
        }
    }

    @Test
    void eachHospitalsWorstCases_areTheFirstInsuredOfItsOwnWorstCases() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            PaymentRules rules = new PaymentStore(dir).rules(PaymentMethod.DRG);
            SettlementQuery q = new SettlementQuery(dir, rules, WeightBasis.standards("HQD", new CostOutputQuery(dir)
                    .neutralBaseRate(), true, rules.pointsPerWeight()), CostBasis.CHARGES);
            for (CaseFilter period : periods(dir)) {
                List<Settlement> all = q.worstOfEachHospital(period, 50);
                for (String h : List.of("H0001", "H0004")) {
                    List<Settlement> own = q.rows(of(period, h), 10_000).stream().filter(Settlement::insured).limit(50)
                            .toList();
                    assertThat(own).as(h + " " + period).hasSize(50);
                    assertThat(all.stream().filter(s -> s.hospitalId().equals(h)).toList()).as(h + " " + period)
                            .isEqualTo(own);
                    assertThat(q.worstOfEachHospital(of(period, h), 50)).isEqualTo(own);
                }
                assertThat(all).extracting(Settlement::hospitalId).as("50 of each hospital")
                        .hasSize(50 * (int) all.stream().map(Settlement::hospitalId).distinct().count());
            }
        }
    }

    private static void assertSameCosts(UnitCostOutput e, UnitCostOutput a) {
        assertThat(a.unit()).isEqualTo(e.unit());
        String row = e.unit();
        assertThat(new long[] {a.cases(), a.costedCases()}).as(row).containsExactly(e.cases(), e.costedCases());
        assertThat(a.excessCategory()).as(row).isEqualTo(e.excessCategory());
        double[] es = {e.payment(), e.cost(), e.balance(), e.excessAmount(), e.costedPayment(), e.costedCharges(),
            e.caseCost(), e.balanceOnCost(), e.excessDrug(), e.excessMaterial(), e.excessExam()};
        double[] as = {a.payment(), a.cost(), a.balance(), a.excessAmount(), a.costedPayment(), a.costedCharges(),
            a.caseCost(), a.balanceOnCost(), a.excessDrug(), a.excessMaterial(), a.excessExam()};
        for (int k = 0; k < es.length; k++) {
            assertThat(as[k]).as(row + " field " + k).isCloseTo(es[k], within(1e-9 * Math.max(1, Math.abs(es[k]))));
        }
    }
}
