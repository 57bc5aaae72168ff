package org.hqd.store.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.Benchmark;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.UnitCase;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.casemix.performance.UnitPerformanceCalculator;
import org.hqd.casemix.standards.CaseValues;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.Outlier;
import org.hqd.casemix.standards.Standards;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.casemix.standards.WeightVersion;
import org.hqd.payment.CostLevel;
import org.hqd.payment.UnitCostOutput;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.query.CostOutputQuery;
import org.hqd.store.query.OutlierQuery;
import org.hqd.store.query.UnitMetricsQuery;
import org.hqd.synth.GeneratorSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL standards equal the core's {@link Standards} on a generated province (an independent computation). */
final class StandardsStoreTest {
    private static final StandardsParameters P = StandardsParameters.DEFAULTS;

    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void generateAndImport() throws Exception {
        data = Stores.generated(tmp, GeneratorSettings.of(12, 20_000, 6, 11));
    }

    private static List<CaseValues> groupedCases(DataDirectory dir, String where) throws Exception {
        List<CaseValues> out = new ArrayList<>();
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT drg, total_cost, los_days, coalesce(cost_western_drug,0)+coalesce(cost_herbal,0)"
                        + "+coalesce(cost_patent_drug,0), coalesce(cost_material,0), coalesce(cost_exam,0)"
                        + "+coalesce(cost_lab,0), discharge_method = '5' FROM cases WHERE status = 'GROUPED' " + where)) {
            while (r.next()) {
                out.add(new CaseValues(r.getString(1), r.getDouble(2), r.getInt(3), r.getDouble(4), r.getDouble(5),
                        r.getDouble(6), r.getBoolean(7)));
            }
        }
        return out;
    }

    @Test
    void compute_wholeStore_equalsTheCoreStandardsForEveryDrg() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            StandardsStore store = new StandardsStore(dir);
            WeightVersion v = store.compute(Optional.empty(), Optional.empty(), P, "chs-drg-1.1");
            Map<String, GroupStandard> expected = Standards.of(groupedCases(dir, ""), P).byDrg();
            List<GroupStandard> actual = store.current();

            assertThat(actual).hasSize(expected.size()).hasSizeGreaterThan(200);
            assertThat(v.cases()).isEqualTo(expected.values().stream().mapToLong(GroupStandard::cases).sum());
            for (GroupStandard a : actual) {
                GroupStandard e = expected.get(a.drg());
                assertThat(a.cases()).as(a.drg()).isEqualTo(e.cases());
                assertThat(a.trimmedCases()).as(a.drg()).isEqualTo(e.trimmedCases());
                assertThat(a.riskLevel()).as(a.drg()).isEqualTo(e.riskLevel());
                double[] av = values(a);
                double[] ev = values(e);
                for (int i = 0; i < av.length; i++) {
                    assertThat(av[i]).as(a.drg() + " field " + i).isCloseTo(ev[i], within(1e-9 * Math.max(1, Math.abs(ev[i]))));
                }
            }
        }
    }

    @Test
    void casesView_rwOfTheLatestVersion_givesCmiEqualToSumOfWeightsOverGroupedCases() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            StandardsStore store = new StandardsStore(dir);
            int v1 = store.compute(Optional.empty(), Optional.empty(), P, "chs-drg-1.1").version();
            int v2 = store.compute(Optional.of(LocalDate.of(2024, 1, 1)), Optional.of(LocalDate.of(2024, 3, 31)), P,
                    "chs-drg-1.1").version();
            assertThat(v2).isEqualTo(v1 + 1);
            assertThat(store.latest().orElseThrow().baselineTo()).contains(LocalDate.of(2024, 3, 31));
            Map<String, GroupStandard> baseline = Standards.of(groupedCases(dir,
                    "AND discharge_date BETWEEN DATE '2024-01-01' AND DATE '2024-03-31'"), P).byDrg();
            try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT drg, rw FROM cases WHERE status = 'GROUPED' LIMIT 2000")) {
                while (r.next()) {
                    GroupStandard g = baseline.get(r.getString(1));
                    if (g == null) {
                        assertThat(r.getObject(2)).isNull();
                    } else {
                        assertThat(r.getDouble(2)).isCloseTo(g.rw(), within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void unitMetrics_byHospital_equalTheCoreCalculatorForEveryHospital() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new StandardsStore(dir).compute(Optional.empty(), Optional.empty(), P, "chs-drg-1.1");
            StoredCases stored = storedCases(dir);
            Map<String, List<UnitCase>> byHospital = stored.byHospital();
            Benchmark benchmark = Benchmark.of(stored.all(), Standards.of(stored.grouped(), P));

            List<UnitPerformance> sql = new UnitMetricsQuery(dir).run(UnitLevel.HOSPITAL,
                    CaseFilter.ALL);

            assertThat(sql).extracting(UnitPerformance::unit).containsExactlyElementsOf(byHospital.keySet());
            for (UnitPerformance a : sql) {
                UnitPerformance e = UnitPerformanceCalculator.of(a.unit(), byHospital.get(a.unit()), benchmark);
                assertThat(List.of(a.cases(), a.grouped(), (long) a.drgCount()))
                        .isEqualTo(List.of(e.cases(), e.grouped(), (long) e.drgCount()));
                assertThat(a.totalWeight()).isCloseTo(e.totalWeight(), within(1e-9 * e.totalWeight()));
                OptionalDouble[][] pairs = {{a.cmi(), e.cmi()}, {a.costIndex(), e.costIndex()},
                    {a.timeIndex(), e.timeIndex()}, {a.drugIndex(), e.drugIndex()},
                    {a.consumableIndex(), e.consumableIndex()}, {a.lowRiskMortality(), e.lowRiskMortality()},
                    {a.midLowRiskMortality(), e.midLowRiskMortality()}, {a.alos(), e.alos()},
                    {a.mortality(), e.mortality()}, {a.meanCost(), e.meanCost()}};
                for (int i = 0; i < pairs.length; i++) {
                    assertThat(pairs[i][0].isPresent()).as(a.unit() + " metric " + i).isEqualTo(pairs[i][1].isPresent());
                    if (pairs[i][1].isPresent()) {
                        double x = pairs[i][1].getAsDouble();
                        assertThat(pairs[i][0].getAsDouble()).as(a.unit() + " metric " + i)
                                .isCloseTo(x, within(1e-9 * Math.max(1, Math.abs(x))));
                    }
                }
            }
        }
    }

    @Test
    void costOutput_byHospital_sumsTheCoreSettlementOfTheInsuredCasesAtTheNeutralRate() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new StandardsStore(dir).compute(Optional.empty(), Optional.empty(), P, "chs-drg-1.1");
            StoredCases stored = storedCases(dir);
            Standards standards = Standards.of(stored.grouped(), P);
            CostOutputQuery query = new CostOutputQuery(dir);
            double rate = query.neutralBaseRate();
            assertThat(rate).isCloseTo(standards.overallMeanCost(), within(1e-9 * rate));

            List<UnitCostOutput> lines = query.run(CostLevel.HOSPITAL, rate, CaseFilter.ALL);

            // the insurer's settlement by the core evaluator on the stored weights: only insured cases count
            java.util.Map<String, org.hqd.payment.GroupWeight> weights = new java.util.HashMap<>();
            try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT drg, rw, mean_cost FROM standards WHERE rw > 0 AND mean_cost > 0")) {
                while (r.next()) {
                    weights.put(r.getString(1), new org.hqd.payment.GroupWeight(r.getString(1), r.getDouble(2),
                            r.getDouble(3)));
                }
            }
            org.hqd.payment.PaymentEvaluator pay = org.hqd.payment.PaymentEvaluator.of(
                    org.hqd.payment.PaymentRules.standard(), new org.hqd.payment.PaymentWeights("w", weights,
                            OptionalDouble.of(rate), OptionalDouble.empty()), rate / 100,
                    org.hqd.payment.CaseCostSource.CHARGES);
            Map<String, long[]> expected = new java.util.TreeMap<>();
            try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT hospital_id, record_id, coalesce(payer, ''), status = 'GROUPED', coalesce(drg, ''), "
                            + "total_cost, coalesce(discharge_method, ''), coalesce(los_days, -1) FROM case_records")) {
                while (r.next()) {
                    org.hqd.payment.Settlement x = pay.settle(org.hqd.payment.PaymentCase.of(r.getString(1),
                            r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5), r.getDouble(6),
                            r.getString(7), r.getInt(8)));
                    if (x.insured()) {
                        long[] e = expected.computeIfAbsent(x.hospitalId(), k -> new long[3]);
                        e[0]++;
                        e[1] += x.paymentFen();
                        e[2] += x.costFen();
                    }
                }
            }
            assertThat(lines).hasSize(expected.size());
            for (UnitCostOutput l : lines) {
                long[] e = expected.get(l.unit());
                assertThat(new long[] {l.cases(), Math.round(l.payment() * 100), Math.round(l.cost() * 100)})
                        .as(l.unit()).containsExactly(e);
                assertThat(l.balance()).isCloseTo((e[1] - e[2]) / 100.0, within(1e-6));
            }
            // sorted by balance, the biggest loss first
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i).balance()).isGreaterThanOrEqualTo(lines.get(i - 1).balance());
            }
        }
    }

    @Test
    void outliers_equalTheCoreClassOfEveryGroupedCase() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new StandardsStore(dir).compute(Optional.empty(), Optional.empty(), P, "chs-drg-1.1");
            Map<String, GroupStandard> standards = Standards.of(groupedCases(dir, ""), P).byDrg();
            Map<String, org.hqd.casemix.standards.OutlierClass> expected = new java.util.TreeMap<>();
            try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT hospital_id || '/' || record_id, drg, total_cost FROM cases WHERE status = 'GROUPED'")) {
                while (r.next()) {
                    GroupStandard g = standards.get(r.getString(2));
                    if (g != null && g.meanCost() > 0) {
                        var cls = org.hqd.casemix.standards.OutlierClass.of(r.getDouble(3), g, P);
                        if (cls != org.hqd.casemix.standards.OutlierClass.NORMAL) {
                            expected.put(r.getString(1), cls);
                        }
                    }
                }
            }

            List<Outlier> found = new OutlierQuery(dir).run(P, CaseFilter.ALL);

            Map<String, org.hqd.casemix.standards.OutlierClass> actual = new java.util.TreeMap<>();
            found.forEach(o -> actual.put(o.hospitalId() + "/" + o.recordId(), o.outlierClass()));
            assertThat(actual).isEqualTo(expected);
            assertThat(expected.values()).contains(org.hqd.casemix.standards.OutlierClass.HIGH,
                    org.hqd.casemix.standards.OutlierClass.LOW);
        }
    }

    @Test
    void unitMetrics_byMonth_equalTheWholePeriodQueryRestrictedToEachMonth() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new StandardsStore(dir).compute(Optional.empty(), Optional.empty(), P, "chs-drg-1.1");
            UnitMetricsQuery q = new UnitMetricsQuery(dir);

            List<PeriodPerformance> monthly = q.run(UnitLevel.HOSPITAL, CaseFilter.ALL, true);

            assertThat(monthly).extracting(PeriodPerformance::period).contains("2024-01", "2024-06");
            for (String month : List.of("2024-01", "2024-04")) {
                java.time.YearMonth ym = java.time.YearMonth.parse(month);
                List<UnitPerformance> whole = q.run(UnitLevel.HOSPITAL, new CaseFilter(
                        Optional.of(ym.atDay(1)), Optional.of(ym.atEndOfMonth()), Optional.empty()));
                List<UnitPerformance> fromMonthly = monthly.stream().filter(p -> p.period().equals(month))
                        .map(PeriodPerformance::performance).toList();
                assertThat(fromMonthly).hasSameSizeAs(whole);
                for (int i = 0; i < whole.size(); i++) {
                    assertThat(fromMonthly.get(i).unit()).isEqualTo(whole.get(i).unit());
                    assertThat(fromMonthly.get(i).cases()).isEqualTo(whole.get(i).cases());
                    assertThat(fromMonthly.get(i).cmi().getAsDouble())
                            .isCloseTo(whole.get(i).cmi().getAsDouble(), within(1e-12));
                    assertThat(fromMonthly.get(i).costIndex().getAsDouble())
                            .isCloseTo(whole.get(i).costIndex().getAsDouble(), within(1e-12));
                }
            }
        }
    }

    @Test
    void unitMetrics_againstThePeerTier_equalTheCoreWithATierBenchmark() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new StandardsStore(dir).compute(Optional.empty(), Optional.empty(), P, "chs-drg-1.1");
            StoredCases stored = storedCases(dir);
            Standards standards = Standards.of(stored.grouped(), P);

            List<PeriodPerformance> sql = new UnitMetricsQuery(dir).run(UnitLevel.HOSPITAL,
                    CaseFilter.ALL, false, PeerGroup.TIER);

            assertThat(sql).hasSize(stored.byHospital().size());
            for (PeriodPerformance p : sql) {
                UnitPerformance a = p.performance();
                Benchmark peers = Benchmark.of(stored.byTier().get(stored.tierOf().get(a.unit())), standards);
                UnitPerformance e = UnitPerformanceCalculator.of(a.unit(), stored.byHospital().get(a.unit()), peers);
                assertThat(a.costIndex().getAsDouble()).as(a.unit()).isCloseTo(e.costIndex().getAsDouble(), within(1e-9));
                assertThat(a.timeIndex().getAsDouble()).as(a.unit()).isCloseTo(e.timeIndex().getAsDouble(), within(1e-9));
                assertThat(a.cmi().getAsDouble()).isCloseTo(e.cmi().getAsDouble(), within(1e-12));
            }
        }
    }

    /** Every case of the store as the core sees it, by hospital and by tier. */
    private record StoredCases(List<UnitCase> all, Map<String, List<UnitCase>> byHospital,
                               Map<String, List<UnitCase>> byTier, Map<String, String> tierOf) {
        List<CaseValues> grouped() {
            return all.stream().filter(UnitCase::grouped).map(c -> new CaseValues(c.drg(), c.cost(), c.losDays(),
                    c.drugCost(), c.materialCost(), 0, c.died())).toList();
        }
    }

    private static StoredCases storedCases(DataDirectory dir) throws Exception {
        StoredCases out = new StoredCases(new ArrayList<>(), new java.util.TreeMap<>(), new java.util.HashMap<>(),
                new java.util.HashMap<>());
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT c.hospital_id, coalesce(h.tier, ''), coalesce(drg, ''), status = 'GROUPED', total_cost, "
                        + "los_days, coalesce(cost_western_drug,0)+coalesce(cost_herbal,0)+coalesce(cost_patent_drug,0), "
                        + "coalesce(cost_material,0), discharge_method = '5' "
                        + "FROM cases c LEFT JOIN hospitals h USING (hospital_id)")) {
            while (r.next()) {
                UnitCase c = new UnitCase(r.getString(3), r.getBoolean(4), r.getDouble(5), r.getInt(6), r.getDouble(7),
                        r.getDouble(8), r.getBoolean(9));
                out.all().add(c);
                out.byHospital().computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(c);
                out.byTier().computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(c);
                out.tierOf().put(r.getString(1), r.getString(2));
            }
        }
        return out;
    }

    private static double[] values(GroupStandard g) {
        return new double[] {g.rw(), g.meanCost(), g.medianCost(), g.p25Cost(), g.p75Cost(), g.p90Cost(), g.meanLos(),
            g.meanDrugCost(), g.meanConsumableCost(), g.meanExamLabCost(), g.mortality()};
    }

    @Test
    void unitMetrics_withMonthlyBenchmark_equalTheBenchmarkFromCases() throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new StandardsStore(dir).ensureComputed("chs-drg-1.1");
            UnitMetricsQuery.prepareMonthlyBenchmark(dir);
            String firstMonth = groupedMonth(dir, "min");
            java.time.YearMonth first = java.time.YearMonth.parse(firstMonth);
            List<CaseFilter> filters = List.of(CaseFilter.ALL,
                    new CaseFilter(Optional.of(first.atDay(1)), Optional.of(first.plusMonths(1).atEndOfMonth()),
                            Optional.empty()),
                    new CaseFilter(Optional.of(first.plusMonths(1).atDay(1)), Optional.empty(), Optional.of("H0002")));
            for (CaseFilter f : filters) {
                for (UnitLevel level : List.of(UnitLevel.HOSPITAL,
                        UnitLevel.DEPARTMENT)) {
                    for (boolean byMonth : new boolean[] {false, true}) {
                        for (PeerGroup b : PeerGroup.values()) {
                            var expected = new UnitMetricsQuery(dir).run(level, f, byMonth, b);
                            var actual = new UnitMetricsQuery(dir).withMonthlyBenchmark().run(level, f, byMonth, b);
                            assertThat(actual).hasSize(expected.size());
                            for (int i = 0; i < expected.size(); i++) {
                                var e = expected.get(i).performance();
                                var a = actual.get(i).performance();
                                assertThat(a.unit()).isEqualTo(e.unit());
                                assertThat(a.cases()).isEqualTo(e.cases());
                                for (var pair : List.of(List.of(e.costIndex(), a.costIndex()),
                                        List.of(e.timeIndex(), a.timeIndex()), List.of(e.drugIndex(), a.drugIndex()),
                                        List.of(e.consumableIndex(), a.consumableIndex()), List.of(e.cmi(), a.cmi()))) {
                                    assertThat(pair.get(1).isPresent()).isEqualTo(pair.get(0).isPresent());
                                    if (pair.get(0).isPresent()) {
                                        assertThat(pair.get(1).getAsDouble()).as(f + " " + level + " " + byMonth + " " + b)
                                                .isCloseTo(pair.get(0).getAsDouble(),
                                                        org.assertj.core.api.Assertions.within(1e-9));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static String groupedMonth(DataDirectory dir, String fn) throws Exception {
        try (Statement s = dir.connection().createStatement(); ResultSet r = s.executeQuery(
                "SELECT strftime(" + fn + "(discharge_date), '%Y-%m') FROM cases")) {
            r.next();
            return r.getString(1);
        }
    }
}
