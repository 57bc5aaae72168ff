package org.hqd.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Execution against the budget and time progress, worked by hand. 内科 has 人员经费 of 1,200 yuan a month (annual
 * 14,400) and 住院药品收入 of 10,000 a month (annual 120,000); 全院 has 水电燃料能耗费 of 600 in June only.
 * Actuals: 人员经费 1,500 a month in months 1–6 (9,000 to June); 药品收入 9,000 in months 1–3 (27,000); energy 700 in
 * March; 检验科 spent 50 on 其他商品和服务费用 with no budget.
 */
class ExecutionTest {
    static final BudgetCatalog C = BudgetCatalog.standard();
    static final BudgetRules R = BudgetRules.standard();

    static BudgetLine l(String dept, String item, int month, double yuan) {
        return new BudgetLine("H1", 2025, dept, C.item(item).orElseThrow().code(), month, Money.ofYuan(yuan));
    }

    static List<BudgetLine> budget() {
        List<BudgetLine> b = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            b.add(l("内科", "人员经费", m, 1200));
            b.add(l("内科", "住院药品收入", m, 10000));
        }
        b.add(l("全院", "水电燃料能耗费", 6, 600));
        return b;
    }

    static List<BudgetLine> actuals() {
        List<BudgetLine> a = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            a.add(l("内科", "人员经费", m, 1500));
        }
        for (int m = 1; m <= 3; m++) {
            a.add(l("内科", "住院药品收入", m, 9000));
        }
        a.add(l("全院", "水电燃料能耗费", 3, 700));
        a.add(l("检验科", "其他商品和服务费用", 2, 50));
        return a;
    }

    static ExecutionLine line(List<ExecutionLine> lines, String dept, String item) {
        return lines.stream().filter(x -> x.department().equals(dept) && x.item().name().equals(item)).findFirst().orElseThrow();
    }

    static List<String> alerts(ExecutionLine l) {
        return l.alerts().stream().map(BudgetRules.AlertRule::id).toList();
    }

    @Test
    void atTheEndOfMarch() {
        List<ExecutionLine> lines = Execution.of(budget(), actuals(), 3, R, C);
        ExecutionLine staff = line(lines, "内科", "人员经费");
        assertThat(staff.annualBudget()).isEqualTo(1_440_000);
        assertThat(staff.budgetToDate()).isEqualTo(360_000);
        assertThat(staff.actualToDate()).isEqualTo(450_000);
        assertThat(staff.executionRate().getAsDouble()).isCloseTo(4500.0 / 14400, within(1e-12));
        assertThat(staff.timeProgress()).isEqualTo(0.25);
        // 0.3125 is within 0.25 + 0.10: no alert yet
        assertThat(alerts(staff)).isEmpty();
        ExecutionLine drugs = line(lines, "内科", "住院药品收入");
        // 27,000 / 120,000 = 0.225, not below 0.25 − 0.10
        assertThat(drugs.executionRate().getAsDouble()).isEqualTo(0.225);
        assertThat(alerts(drugs)).isEmpty();
        ExecutionLine energy = line(lines, "全院", "水电燃料能耗费");
        assertThat(energy.budgetToDate()).isZero();
        assertThat(energy.actualToDate()).isEqualTo(70_000);
        // 700 of an annual 600: over budget and far ahead of time
        assertThat(alerts(energy)).containsExactly("over_budget", "spending_ahead");
        ExecutionLine unbudgeted = line(lines, "检验科", "其他商品和服务费用");
        assertThat(unbudgeted.annualBudget()).isZero();
        assertThat(unbudgeted.executionRate()).isEmpty();
        assertThat(alerts(unbudgeted)).containsExactly("unbudgeted");
        assertThat(lines).extracting(ExecutionLine::department).containsExactly("全院", "内科", "内科", "检验科");
    }

    @Test
    void atTheEndOfJune_theMonthBoundaryCountsJune() {
        List<ExecutionLine> lines = Execution.of(budget(), actuals(), 6, R, C);
        ExecutionLine staff = line(lines, "内科", "人员经费");
        assertThat(staff.actualToDate()).isEqualTo(900_000);
        assertThat(staff.budgetToDate()).isEqualTo(720_000);
        // 9,000 / 14,400 = 0.625 > 0.5 + 0.10
        assertThat(alerts(staff)).containsExactly("spending_ahead");
        ExecutionLine drugs = line(lines, "内科", "住院药品收入");
        // no April–June revenue: 0.225 < 0.5 − 0.10
        assertThat(alerts(drugs)).containsExactly("revenue_behind");
        assertThat(line(lines, "全院", "水电燃料能耗费").budgetToDate()).isEqualTo(60_000);
    }

    @Test
    void theMonthAlone_isItsOwnBudgetAndActual_andTheTotalsRateIsTheMonthsActualOverItsBudget() {
        List<ExecutionLine> june = Execution.of(budget(), actuals(), 6, R, C);
        ExecutionLine staff = line(june, "内科", "人员经费");
        // June alone: budget 1,200 yuan, actual 1,500 (the year to date 7,200 and 9,000)
        assertThat(List.of(staff.budgetOfMonth(), staff.actualOfMonth())).containsExactly(120_000L, 150_000L);
        // the energy line is budgeted in June only (600), spent in March only (700)
        ExecutionLine energy = line(june, "全院", "水电燃料能耗费");
        assertThat(List.of(energy.budgetOfMonth(), energy.actualOfMonth())).containsExactly(60_000L, 0L);
        // revenue: June's 10,000 budgeted, nothing received
        assertThat(line(june, "内科", "住院药品收入").actualOfMonth()).isZero();

        Execution.Total spending = Execution.totals(june).get(BudgetKind.EXPENDITURE);
        // spending of June: budget 1,200 + 600 = 1,800, actual 1,500 (检验科 spent in February only)
        assertThat(List.of(spending.budgetOfMonth(), spending.actualOfMonth())).containsExactly(180_000L, 150_000L);
        assertThat(spending.monthRate().getAsDouble()).isCloseTo(1500.0 / 1800, within(1e-12));
        Execution.Total march = Execution.totals(Execution.of(budget(), actuals(), 3, R, C)).get(BudgetKind.REVENUE);
        assertThat(march.monthRate().getAsDouble()).isEqualTo(0.9);
        // a month with no budget of its kind has no rate of its own
        List<BudgetLine> onlyJune = List.of(l("全院", "水电燃料能耗费", 6, 600));
        assertThat(Execution.totals(Execution.of(onlyJune, List.of(), 5, R, C)).get(BudgetKind.EXPENDITURE).monthRate())
                .isEmpty();
    }

    @Test
    void thresholdsAreBoundariesNotTriggers() {
        BudgetRules.AlertRule ahead = R.alerts().stream().filter(a -> a.id().equals("spending_ahead")).findFirst().orElseThrow();
        // exactly time progress + 0.10 does not fire; a fen more does
        assertThat(ahead.fires(BudgetKind.EXPENDITURE, 1_000_000, 600_000, 0.5)).isFalse();
        assertThat(ahead.fires(BudgetKind.EXPENDITURE, 1_000_000, 600_001, 0.5)).isTrue();
        assertThat(ahead.fires(BudgetKind.REVENUE, 1_000_000, 900_000, 0.5)).isFalse();
        BudgetRules.AlertRule over = R.alerts().stream().filter(a -> a.id().equals("over_budget")).findFirst().orElseThrow();
        assertThat(over.fires(BudgetKind.EXPENDITURE, 1_000_000, 1_000_000, 1.0)).isFalse();
        assertThat(over.fires(BudgetKind.EXPENDITURE, 1_000_000, 1_000_001, 1.0)).isTrue();
    }

    @Test
    void totalsAndVariance() {
        List<ExecutionLine> lines = Execution.of(budget(), actuals(), 3, R, C);
        var totals = Execution.totals(lines);
        assertThat(totals.get(BudgetKind.EXPENDITURE).annualBudget()).isEqualTo(1_440_000 + 60_000);
        assertThat(totals.get(BudgetKind.EXPENDITURE).actualToDate()).isEqualTo(450_000 + 70_000 + 5_000);
        assertThat(totals.get(BudgetKind.REVENUE).actualToDate()).isEqualTo(2_700_000);
        List<Variance.Line> byDept = Variance.byDepartment(lines);
        // 内科 revenue: 27,000 − 30,000 = −3,000 is the largest; then 内科 spending +900, 全院 +700, 检验科 +50
        assertThat(byDept).extracting(Variance.Line::key, Variance.Line::variance)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("内科", -300_000L),
                        org.assertj.core.groups.Tuple.tuple("内科", 90_000L),
                        org.assertj.core.groups.Tuple.tuple("全院", 70_000L),
                        org.assertj.core.groups.Tuple.tuple("检验科", 5_000L));
        assertThat(byDept.get(0).rate().getAsDouble()).isEqualTo(-0.1);
        assertThat(byDept.get(2).rate()).isEmpty();
    }

    static PerformanceTarget executionTarget(String dept, String item) {
        return new PerformanceTarget("H1", 2025, dept, item, PerformanceDimension.COST, dept + item + "执行率",
                org.hqd.evaluation.Comparison.LE, 1.0, "比率", 10, PerformanceTarget.EXECUTION_RATE);
    }

    /**
     * To the end of March: 内科 spent 4,500 of 14,400 (人员经费) and earned 27,000 of 120,000 (药品收入); 全院 spent 700
     * of 600 (energy); 检验科 spent 50 with no budget.
     */
    @Test
    void rate_wholeHospitalOverEveryDepartment_itemEmptyIsExpenditureOnly() {
        List<ExecutionLine> lines = Execution.of(budget(), actuals(), 3, R, C);
        // 全院, no item: every department's spending, (4,500 + 700 + 50) / (14,400 + 600) — not 全院's own lines
        assertThat(Execution.rate(executionTarget("全院", ""), lines, C).getAsDouble()).isCloseTo(0.35, within(1e-12));
        // a department, no item: its spending only, not its revenue added to it
        assertThat(Execution.rate(executionTarget("内科", ""), lines, C).getAsDouble()).isCloseTo(0.3125, within(1e-12));
        // an item: that item, by name or by code
        assertThat(Execution.rate(executionTarget("内科", "住院药品收入"), lines, C).getAsDouble())
                .isCloseTo(0.225, within(1e-12));
        String energy = C.item("水电燃料能耗费").orElseThrow().code();
        assertThat(Execution.rate(executionTarget("全院", energy), lines, C).getAsDouble())
                .isCloseTo(700.0 / 600, within(1e-12));
        // no budget: no rate
        assertThat(Execution.rate(executionTarget("检验科", ""), lines, C)).isEmpty();
        assertThat(C.isWholeHospital("全院")).isTrue();
        assertThat(C.isWholeHospital("内科")).isFalse();
    }
}
