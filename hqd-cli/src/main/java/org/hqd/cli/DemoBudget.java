package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.app.budget.BudgetFile;
import org.hqd.app.budget.BudgetImport;
import org.hqd.app.budget.BudgetReports;
import org.hqd.app.budget.BudgetService;
import org.hqd.app.budget.BudgetSummary;
import org.hqd.app.budget.TargetRows;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.StructureIndicators;
import org.hqd.report.Formats;
import org.hqd.synth.SyntheticBudget;

/** The demo's budget step: budgets, actuals and targets through the budget's services, as the commands do. */
final class DemoBudget {
    private DemoBudget() {
    }

    /**
     * Step 8: budget management on the synthetic budget, actuals and performance targets of the first generated year
     * ({@code year})
     * (consistent with the facility reports and cases): compile, submit and approve every hospital's budget, import
     * the actuals, then one hospital's execution as of September and every hospital's year-end performance score.
     */
    static void print(PrintWriter out, DataAccess data, Path source, int year, Path dataDirectory) throws IOException {
        BudgetService budgets = new BudgetService(data, DemoCommand.CLOCK);
        BudgetReports reports = new BudgetReports(data, DemoCommand.CLOCK);
        Path folder = source.resolve("budget");
        SyntheticBudget.writeTo(source, year, DemoCommand.SEED, folder);
        out.printf("8. 全面预算管理（合成的 %d 年预算、财务实际数和绩效目标，与机构月报和病案一致 → %s）：%n", year, folder);
        if (reports.list(h -> true).stream().anyMatch(b -> b.latest().year() == year)) {
            out.println("   预算：已导入过，未做任何更改（./hqd budget list 查看）");
        } else {
            BudgetImport r = budgets.importBudget(Actor.demo("demo"), BudgetFile.read(
                    folder.resolve(SyntheticBudget.budgetFile(year)), "UTF-8", BudgetRowCheck.COLUMNS));
            List<BudgetSummary> all = reports.list(h -> true);
            for (BudgetSummary b : all) {
                budgets.step(Actor.demo("demo 财务科"), b.latest().hospitalId(), year, BudgetAction.SUBMIT, "");
                budgets.step(Actor.demo("demo 卫生健康委"), b.latest().hospitalId(), year, BudgetAction.APPROVE, "同意");
            }
            out.printf("   预算编制：%d 家医院，%,d 行（拒收 %d 行）→ 提交、批准（过程见 ./hqd budget history）%n", all.size(),
                    r.accepted(), r.rejected().size());
        }
        BudgetImport a = budgets.importActuals(Actor.demo("demo"), BudgetFile.read(
                folder.resolve(SyntheticBudget.actualsFile(year)), "UTF-8", BudgetRowCheck.COLUMNS));
        out.printf("   实际数：%,d 行（拒收 %d 行）；有财务实际数的月份，评价改用财务的收入、人员和能耗支出%n", a.accepted(),
                a.rejected().size());
        loadTargets(budgets, folder, year);
        List<String> ofYear = reports.list(h -> true).stream().map(BudgetSummary::latest).filter(b -> b.year() == year)
                .map(BudgetVersion::hospitalId).sorted().toList();
        String hospital = ofYear.get(0);
        List<ExecutionLine> lines = reports.status(hospital, year, 9).lines();
        Map<BudgetKind, Execution.Total> totals = Execution.totals(lines);
        Map<String, Long> alerts = lines.stream().flatMap(l -> l.alerts().stream())
                .collect(Collectors.groupingBy(BudgetRules.AlertRule::label, TreeMap::new, Collectors.counting()));
        OptionalDouble revenue = totals.get(BudgetKind.REVENUE).executionRate();
        OptionalDouble spending = totals.get(BudgetKind.EXPENDITURE).executionRate();
        out.printf("   %s 截至 9 月（时间进度 75.0%%）：收入执行率 %s（%s），支出执行率 %s（%s）；预警 %d 项（%s）%n", hospital,
                Formats.percent(revenue), Formats.against(revenue, 0.75, "时间进度"), Formats.percent(spending),
                Formats.against(spending, 0.75, "时间进度"),
                lines.stream().filter(l -> !l.alerts().isEmpty()).count(),
                alerts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).reduce((x, y) -> x + "，" + y).orElse("无"));
        StructureIndicators st = reports.structure(hospital, year, 9);
        out.printf("   结构指标（1–9 月）：医疗服务收入占比 %s，人员支出占比 %s，万元收入能耗支出 %s 元%n",
                Formats.percent(st.serviceRevenueShare()), Formats.percent(st.staffSpendingShare()),
                st.energyPer10kRevenue().isPresent() ? String.format("%.1f", st.energyPer10kRevenue().getAsDouble()) : "—");
        Map<String, Integer> grades = new LinkedHashMap<>();
        BudgetRules.standard().grades().forEach(g -> grades.put(g.label(), 0));
        String first = "";
        for (String h : ofYear) {
            PerformanceAssessment p = reports.assess(h, year, 12);
            grades.merge(p.grade(), 1, Integer::sum);
            if (h.equals(hospital)) {
                first = String.format("%s %.1f 分（%s）", hospital, p.score().orElse(Double.NaN), p.grade());
            }
        }
        out.printf("   年终预算绩效评价：%s；各医院等级：%s%n", first, grades.entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue() + " 家").reduce((x, y) -> x + "，" + y).orElse("—"));
        out.printf("   继续查看：./hqd budget status --data %s --hospital %s --year %d --month 9 ；./hqd budget report --data %s "
                + "--hospital %s --year %d --output 预算报告.pdf%n", dataDirectory, hospital, year, dataDirectory, hospital, year);
    }

    private static void loadTargets(BudgetService budgets, Path folder, int year) throws IOException {
        List<String> problems = new ArrayList<>(budgets.loadTargets(Actor.demo("demo"), BudgetFile.read(
                folder.resolve(SyntheticBudget.targetsFile(year)), "UTF-8", TargetRows.TARGET_COLUMNS)).problems());
        problems.addAll(budgets.loadTargetValues(Actor.demo("demo"), BudgetFile.read(
                folder.resolve(SyntheticBudget.targetValuesFile(year)), "UTF-8", TargetRows.VALUE_COLUMNS)).problems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("synthetic targets do not load: " + problems);
        }
    }
}
