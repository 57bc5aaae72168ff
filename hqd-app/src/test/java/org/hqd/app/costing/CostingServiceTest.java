package org.hqd.app.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hqd.app.Actor;
import org.hqd.app.StoreRows;
import org.hqd.budget.BudgetCatalog;
import org.hqd.costing.CostClass;
import org.hqd.costing.CostingException;
import org.hqd.costing.CostingSummary;
import org.hqd.costing.DepartmentCost;
import org.hqd.intake.ImportSettings;
import org.hqd.io.table.TableFile;
import org.hqd.store.DataDirectory;
import org.hqd.store.budget.BudgetStore;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticBudget;
import org.hqd.synth.SyntheticCosting;
import org.hqd.synth.SyntheticProvince;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The costing of a small generated province through the service: synthetic drivers load, every hospital's year is
 * costed, money is conserved to the fen from the finance actuals to the departments and from each department's 住院
 * cost to its cases, and bad or repeated input changes nothing. Every check reruns nothing another test depends on.
 */
final class CostingServiceTest {
    static final int YEAR = 2024;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static DataDirectory dir;
    static CostingService service;
    static Path drivers;
    static List<CostingSummary> runs;

    @BeforeAll
    static void costTheProvince() throws IOException {
        Path gen = tmp.resolve("gen");
        SyntheticProvince.standard().writeTo(new GeneratorSettings(4, 6_000, 12, 5, YearMonth.of(YEAR, 1), 2), gen);
        Path budget = gen.resolve("budget");
        SyntheticBudget.writeTo(gen, YEAR, 5, budget);
        drivers = SyntheticCosting.writeTo(gen, YEAR, budget).file();
        Path data = tmp.resolve("data");
        dir = DataDirectory.openForWriting(data);
        new org.hqd.app.intake.IntakeService(org.hqd.app.DataAccess.of(dir), CLOCK).importFiles(Actor.commandLine(),
                List.of(gen.resolve(SyntheticProvince.HOSPITALS_FILE), gen.resolve(SyntheticProvince.ABSTRACTS_FILE),
                        gen.resolve(SyntheticProvince.FACILITY_REPORTS_FILE)),
                new org.hqd.intake.ImportSettings(StandardCharsets.UTF_8, 2, Optional.empty()),
                new org.hqd.app.intake.IntakeService.Progress() { });
        new org.hqd.store.standards.StandardsStore(dir).ensureComputed("chs-drg-1.1");
        Path actuals = budget.resolve(SyntheticBudget.actualsFile(YEAR));
        byte[] bytes = Files.readAllBytes(actuals);
        new BudgetStore(dir, BudgetCatalog.standard()).importActuals("actuals.csv", "x", BudgetStore.rows(TableFile.read(
                "actuals.csv", bytes, StandardCharsets.UTF_8, List.of())), "test", CLOCK.instant());
        service = new CostingService(org.hqd.app.DataAccess.of(dir), CLOCK);
        service.loadDrivers(Actor.commandLine(), "drivers.csv", Files.readAllBytes(drivers), StandardCharsets.UTF_8);
        runs = service.run(Actor.commandLine(), Optional.empty(), YEAR);
    }

    @AfterAll
    static void close() {
        dir.close();
    }

    @Test
    void run_everyHospital_clinicalFullCostsAddUpToTheCostOfTheActuals() {
        assertThat(runs).hasSize(4);
        for (CostingSummary r : runs) {
            // independent of the costing: the actuals of the cost items (业务活动费用 + 单位管理费用)
            long actual = StoreRows.number(dir, "SELECT sum(a.amount) FROM budget_actuals a JOIN budget_items i "
                    + "ON i.code = a.item WHERE i.category IN ('业务活动费用', '单位管理费用') AND a.hospital_id = '"
                    + r.hospitalId() + "' AND a.year = " + YEAR);
            DepartmentCosts d = service.departments(r.hospitalId(), YEAR).orElseThrow();
            assertThat(r.totalDirect()).isEqualTo(actual);
            assertThat(d.fullCost()).isEqualTo(actual);
            assertThat(d.departments().stream().filter(x -> x.costClass() == CostClass.CLINICAL)
                    .mapToLong(DepartmentCost::full).sum()).isEqualTo(actual);
            assertThat(d.steps()).allSatisfy(s -> assertThat(s.totalAfter()).isEqualTo(actual));
            // all three levels sent something: the generator puts costs on 医疗辅助类 and 医疗技术类 centres
            assertThat(d.steps()).allSatisfy(s -> assertThat(s.allocated()).isPositive());
            assertThat(r.months()).isEqualTo(12);
            assertThat(r.unplaced()).isZero();
        }
    }

    @Test
    void run_caseCostsOfEachDepartment_addUpToItsInpatientFullCost() {
        List<String> mismatches = StoreRows.rows(dir, """
                SELECT u.hospital_id, u.department, u.full_cost, coalesce(k.cost, 0)
                FROM costing_units u LEFT JOIN (SELECT hospital_id, department, sum(cost) AS cost FROM case_costs
                    GROUP BY ALL) k USING (hospital_id, department)
                WHERE u.setting = 'INPATIENT' AND u.full_cost <> coalesce(k.cost, 0)""");
        assertThat(mismatches).isEmpty();
        assertThat(StoreRows.number(dir, "SELECT count(*) FROM costing_units WHERE setting = 'INPATIENT' "
                + "AND full_cost > 0")).isGreaterThan(10);
    }

    @Test
    void casesView_everyDischargeOfTheYearWithADepartmentHasItsCost() {
        assertThat(StoreRows.rows(dir, "SELECT count(*) FILTER (WHERE case_cost IS NULL), count(*) FROM cases "
                + "WHERE year(discharge_date) = " + YEAR)).containsExactly("0|"
                + StoreRows.number(dir, "SELECT count(*) FROM case_records WHERE year(discharge_date) = " + YEAR));
        assertThat(runs.stream().mapToLong(CostingSummary::costedCases).sum())
                .isEqualTo(runs.stream().mapToLong(CostingSummary::cases).sum());
    }

    @Test
    void drgs_marginIsTheInsurersPaymentLessCostOfTheCostedInsuredCases() {
        DrgCosts d = service.drgs(Optional.empty(), YEAR, Optional.of(10_000.0));
        double margin = d.lines().stream().mapToDouble(DrgCosts.Line::margin).sum();
        long cases = d.lines().stream().mapToLong(DrgCosts.Line::cases).sum();
        // independently: each case's settlement (the per-case rows of hqd payment settle, on HQD's weights at 10,000
        // yuan) less its case cost, summed over the insured cases that have a cost
        java.util.Map<String, Double> caseCost = new java.util.HashMap<>();
        for (String r : StoreRows.rows(dir, "SELECT hospital_id || '/' || record_id, case_cost FROM cases "
                + "WHERE case_cost IS NOT NULL AND year(discharge_date) = " + YEAR)) {
            caseCost.put(r.substring(0, r.indexOf('|')), Double.valueOf(r.substring(r.indexOf('|') + 1)));
        }
        org.hqd.payment.PaymentRules rules = new org.hqd.store.payment.PaymentStore(dir)
                .rules(org.hqd.payment.PaymentMethod.DRG);
        org.hqd.casemix.CaseFilter year = new org.hqd.casemix.CaseFilter(
                Optional.of(java.time.LocalDate.of(YEAR, 1, 1)), Optional.of(java.time.LocalDate.of(YEAR, 12, 31)),
                Optional.empty());
        long expectedCases = 0;
        double expectedMargin = 0;
        for (org.hqd.payment.Settlement st : new org.hqd.store.payment.SettlementQuery(dir, rules,
                org.hqd.store.payment.WeightBasis.standards("HQD 权重", 10_000, false, rules.pointsPerWeight()),
                org.hqd.store.payment.CostBasis.CHARGES).rows(year, Integer.MAX_VALUE)) {
            Double cost = caseCost.get(st.hospitalId() + "/" + st.recordId());
            if (st.insured() && cost != null) {
                expectedCases++;
                expectedMargin += st.paymentFen() / 100.0 - cost;
            }
        }
        assertThat(expectedCases).isPositive().isLessThan(caseCost.size()); // some costed cases are self-paying
        assertThat(cases).isEqualTo(expectedCases);
        assertThat(margin).isCloseTo(expectedMargin, org.assertj.core.api.Assertions.within(0.01));
        assertThat(d.lines()).isSortedAccordingTo(java.util.Comparator.comparingDouble(DrgCosts.Line::margin));
    }

    @Test
    void loadDrivers_sameFileAgain_changesNothing() throws IOException {
        Loaded again = service.loadDrivers(Actor.commandLine(), "drivers.csv", Files.readAllBytes(drivers),
                StandardCharsets.UTF_8);
        assertThat(again.changes()).hasSize(4).allSatisfy(c -> assertThat(c).endsWith("与现有数据相同，未做更改"));
    }

    @Test
    void loadDrivers_badFile_refusedWithEveryReason_andNothingWritten() throws IOException {
        long before = StoreRows.number(dir, "SELECT count(*) FROM costing_drivers");
        String rows = Files.readString(drivers) + "H0001,2024,不存在科,staff,3\nH0001,2024,门诊部,inpatient_revenue,-2\n"
                + "H0002,2024,门诊部,beds,1\n";
        assertThatThrownBy(() -> service.loadDrivers(Actor.commandLine(), "bad.csv", rows.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).isInstanceOf(CostingException.class)
                .hasMessageContaining("bad.csv 未载入（未写入任何数据）：3 处问题")
                .hasMessageContaining("科室 '不存在科' 不是医院 H0001 的科室或成本中心")
                .hasMessageContaining("参数值 -2 为负数")
                .hasMessageContaining("分摊参数 'beds' 不在目录中");
        assertThat(StoreRows.number(dir, "SELECT count(*) FROM costing_drivers")).isEqualTo(before);
    }

    @Test
    void run_again_sameResults() {
        List<String> before = StoreRows.rows(dir, "SELECT * FROM costing_units ORDER BY ALL");
        List<CostingSummary> again = service.run(Actor.commandLine(), Optional.of(runs.get(0).hospitalId()), YEAR);
        assertThat(again).hasSize(1);
        assertThat(StoreRows.rows(dir, "SELECT * FROM costing_units ORDER BY ALL")).isEqualTo(before);
        assertThat(service.explain(runs.get(0).hospitalId(), YEAR, "检验科")).last().asString()
                .isEqualTo("全成本 0.00 元");
    }
}
