package org.hqd.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.evaluation.Comparison;
import org.junit.jupiter.api.Test;

/** Structure indicators, performance scores, the template and the public summary, computed by hand. */
class BudgetAnalysisContentTest {
    static final BudgetCatalog C = BudgetCatalog.standard();

    static BudgetLine l(String dept, String item, int month, double yuan) {
        return ExecutionTest.l(dept, item, month, yuan);
    }

    @Test
    void structureIndicators() {
        // 医疗收入 = 400 (诊察治疗) + 300 (药品) + 100 (检查化验) + 200 (床位护理) = 1000; 医疗服务收入 = 400 + 200;
        // total revenue = 1000 + 250 (财政); operating = 500 (人员) + 200 (药品费) + 50 (能耗); 单位管理费用 not operating
        List<BudgetLine> a = List.of(l("内科", "住院诊察治疗手术收入", 1, 400), l("内科", "住院药品收入", 1, 300),
                l("内科", "住院检查化验收入", 2, 100), l("内科", "住院床位护理收入", 2, 200), l("全院", "财政基本支出补助收入", 1, 250),
                l("内科", "人员经费", 1, 500), l("内科", "药品费", 1, 200), l("后勤保障科", "水电燃料能耗费", 1, 50),
                l("院办公室", "单位管理费用", 1, 999));
        StructureIndicators s = StructureIndicators.of(a, C);
        assertThat(s.measures()).containsEntry("medical_revenue", 100_000L).containsEntry("medical_service_revenue", 60_000L)
                .containsEntry("total_revenue", 125_000L).containsEntry("operating_spending", 75_000L)
                .containsEntry("staff_spending", 50_000L).containsEntry("energy_spending", 5_000L);
        assertThat(s.serviceRevenueShare().getAsDouble()).isEqualTo(0.6);
        assertThat(s.staffSpendingShare().getAsDouble()).isCloseTo(500.0 / 750, within(1e-12));
        // 50 / (1250 / 10000) = 400 yuan per 10,000 yuan of revenue
        assertThat(s.energyPer10kRevenue().getAsDouble()).isCloseTo(400.0, within(1e-9));
        assertThat(StructureIndicators.of(List.of(), C).serviceRevenueShare()).isEmpty();
    }

    static PerformanceTarget t(String name, Comparison c, double target, double weight) {
        return new PerformanceTarget("H1", 2025, "全院", "", PerformanceDimension.COST, name, c, target, "", weight,
                PerformanceTarget.MANUAL);
    }

    @Test
    void performanceScore() {
        List<PerformanceTarget> targets = List.of(t("a", Comparison.GE, 0.9, 40), t("b", Comparison.LE, 1.0, 30),
                t("c", Comparison.GE, 100, 20), t("d", Comparison.LE, 2, 10));
        Map<String, OptionalDouble> actual = Map.of("a", OptionalDouble.of(0.95), "b", OptionalDouble.of(1.25),
                "c", OptionalDouble.of(80), "d", OptionalDouble.empty());
        PerformanceAssessment p = PerformanceAssessment.assess(targets, x -> actual.get(x.name()), BudgetRules.standard());
        // a met: 40; b: 30 × 1.0/1.25 = 24; c: 20 × 80/100 = 16; d no data: 0 → 80 of 100
        assertThat(p.results()).extracting(PerformanceAssessment.Result::earned).containsExactly(40.0, 24.0, 16.0, 0.0);
        assertThat(p.results()).extracting(PerformanceAssessment.Result::met)
                .containsExactly(Optional.of(true), Optional.of(false), Optional.of(false), Optional.empty());
        assertThat(p.score().getAsDouble()).isCloseTo(80.0, within(1e-9));
        assertThat(p.grade()).isEqualTo("良");
        assertThat(BudgetRules.standard().grade(90)).isEqualTo("优");
        assertThat(BudgetRules.standard().grade(59.99)).isEqualTo("差");
        assertThat(PerformanceAssessment.assess(List.of(), x -> OptionalDouble.empty(), BudgetRules.standard()).score()).isEmpty();
    }

    @Test
    void templateGrowsLastYearAndTakesTheCaseForecast() {
        List<BudgetLine> last = List.of(new BudgetLine("H1", 2024, "内科", "E0101", 1, 100_049),
                new BudgetLine("H1", 2024, "内科", "R0114", 1, 500_000), new BudgetLine("H1", 2024, "全院", "R0201", 3, 1_000_000));
        List<BudgetLine> forecast = List.of(new BudgetLine("H1", 2025, "内科", "R0114", 1, 612_345),
                new BudgetLine("H1", 2025, "外科", "R0114", 2, 10_050));
        List<BudgetLine> out = BudgetTemplate.compile("H1", 2025, last, 0.10, forecast);
        // 1000.49 × 1.10 = 1100.539 → 1101 yuan; 财政 10000 × 1.1 = 11000; forecast 6123.45 → 6123; 100.50 → 101
        assertThat(out).containsExactly(new BudgetLine("H1", 2025, "内科", "E0101", 1, 110_100),
                new BudgetLine("H1", 2025, "内科", "R0114", 1, 612_300),
                new BudgetLine("H1", 2025, "全院", "R0201", 3, 1_100_000),
                new BudgetLine("H1", 2025, "外科", "R0114", 2, 10_100));
    }

    @Test
    void thePublicSummaryHasCategoriesAndNoDepartment() {
        List<BudgetLine> b = List.of(l("内科", "住院药品收入", 1, 1000), l("外科", "住院诊察治疗手术收入", 1, 3000),
                l("全院", "财政基本支出补助收入", 1, 500), l("内科", "人员经费", 1, 2000));
        List<BudgetLine> a = List.of(l("内科", "住院药品收入", 1, 800), l("内科", "人员经费", 1, 2100));
        List<ExecutionLine> lines = Execution.of(b, a, 1, BudgetRules.standard(), C);
        BudgetReport r = BudgetReport.of("H1", "第一医院", 2025, 1, new BudgetVersion("H1", 2025, 1, false,
                BudgetState.APPROVED, ""), Optional.empty(), lines, a, C,
                PerformanceAssessment.assess(List.of(), x -> OptionalDouble.empty(), BudgetRules.standard()), List.of());
        BudgetReport.PublicSummary p = r.publicSummary();
        assertThat(p.categories()).extracting(BudgetReport.CategoryLine::category, BudgetReport.CategoryLine::annualBudget,
                BudgetReport.CategoryLine::actualToDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("医疗收入", 400_000L, 80_000L),
                org.assertj.core.groups.Tuple.tuple("财政补助收入", 50_000L, 0L),
                org.assertj.core.groups.Tuple.tuple("业务活动费用", 200_000L, 210_000L));
        assertThat(p.structure().measures()).isEmpty();
        assertThat(p.toString()).doesNotContain("内科").doesNotContain("外科");
        assertThat(r.alerts()).extracting(ExecutionLine::department).containsExactly("内科");
    }
}
