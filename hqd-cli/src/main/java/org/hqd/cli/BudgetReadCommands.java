package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.budget.BudgetHistory;
import org.hqd.app.budget.BudgetStatus;
import org.hqd.app.budget.BudgetSummary;
import org.hqd.app.budget.VersionTotals;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.Money;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.Variance;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.report.BudgetReportExcel;
import org.hqd.report.BudgetReportPdf;
import org.hqd.report.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code hqd budget} commands that read budgets: status, list, history, variance, assess, report, items. */
final class BudgetReadCommands {
    private BudgetReadCommands() {
    }

    /** {@code hqd budget status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "预算执行情况：各科室各项目的年度预算、序时预算、累计实际、执行率（累计实际 / 年度预算）、时间进度（M / 12）和预警（CSV 列："
                    + BudgetCommand.STATUS_HEADER + "；金额单位元，比率为小数）")
    static final class Status extends BudgetCommand.OnBudget {
        @Option(names = "--month", required = true, paramLabel = "<月>", description = "截至月份 1–12")
        private int month;

        @Option(names = "--alerts-only", description = "只列出有预警的行")
        private boolean alertsOnly;

        @Mixin
        private FormatOption format;

        @Override
        void run(Workspace w, PrintWriter out) {
            BudgetStatus s = BudgetCommand.reports(w).status(budget.hospital, budget.year, month);
            List<ExecutionLine> lines = s.lines().stream().filter(l -> !alertsOnly || !l.alerts().isEmpty()).toList();
            if (format.csv()) {
                out.println(BudgetCommand.STATUS_HEADER);
                for (ExecutionLine l : lines) {
                    StringBuilder b = new StringBuilder();
                    ResultCsv.field(b, l.department()).append(',');
                    ResultCsv.field(b, l.item().name()).append(',').append(Money.yuan(l.annualBudget())).append(',')
                            .append(Money.yuan(l.budgetToDate())).append(',').append(Money.yuan(l.actualToDate()))
                            .append(',').append(BudgetCommand.rate(l.executionRate())).append(',')
                            .append(BudgetCommand.rate(OptionalDouble.of(l.timeProgress()))).append(',')
                            .append(l.alerts().stream().map(BudgetRules.AlertRule::id).collect(Collectors.joining("|")));
                    out.println(b);
                }
            } else {
                out.printf("%s %s %d 年预算执行情况（截至 %d 月，时间进度 %.1f%%；依据%s，%s）%n", budget.hospital,
                        s.hospitalName(), budget.year, month, 100.0 * month / 12, s.basis().label(), s.basis().state().label());
                for (Execution.Total t : Execution.totals(s.lines()).values()) {
                    String against = Formats.against(t.executionRate(), month / 12.0, "时间进度");
                    out.printf("  %s合计：年度预算 %s 万元，序时预算 %s 万元，累计实际 %s 万元，执行率 %s%s；"
                            + "%d 月本月预算 %s 万元，本月实际 %s 万元，本月执行率 %s%n", t.kind().label(),
                            BudgetCommand.wan(t.annualBudget()), BudgetCommand.wan(t.budgetToDate()),
                            BudgetCommand.wan(t.actualToDate()), BudgetCommand.percent(t.executionRate()),
                            against.isEmpty() ? "" : "（" + against + "）", month,
                            BudgetCommand.wan(t.budgetOfMonth()), BudgetCommand.wan(t.actualOfMonth()),
                            BudgetCommand.percent(t.monthRate()));
                }
                out.println("  " + TextColumns.left("科室", 14) + TextColumns.left("项目", 22) + TextColumns.right("年度预算(万元)", 16)
                        + TextColumns.right("累计实际(万元)", 16) + TextColumns.right("执行率", 9) + "  预警");
                for (ExecutionLine l : lines) {
                    out.println("  " + TextColumns.left(TextColumns.shorten(l.department(), 12), 14)
                            + TextColumns.left(TextColumns.shorten(l.item().name(), 20), 22)
                            + TextColumns.right(BudgetCommand.wan(l.annualBudget()), 16)
                            + TextColumns.right(BudgetCommand.wan(l.actualToDate()), 16)
                            + TextColumns.right(BudgetCommand.percent(l.executionRate()), 9) + "  "
                            + l.alerts().stream().map(BudgetRules.AlertRule::label).collect(Collectors.joining("、")));
                }
            }
        }
    }

    /** {@code hqd budget list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "全部预算：医院、年度、最新版本及状态、执行中的版本")
    static final class ListBudgets extends DataCommand {
        @Override
        void run(Workspace w, PrintWriter out) {
            List<BudgetSummary> all = BudgetCommand.reports(w).list(h -> true);
            if (all.isEmpty()) {
                out.println("还没有预算。用 hqd budget import 导入预算编制表，或 hqd budget compile 按模板编制。");
            }
            for (BudgetSummary b : all) {
                BudgetVersion v = b.latest();
                out.printf("%s %s %d 年：%s %s；执行中：%s；实际数 %d 个月%n", v.hospitalId(), b.hospitalName(), v.year(),
                        v.label(), v.state().label(), b.inForce().map(BudgetVersion::label).orElse("无（尚未批准）"),
                        b.monthsWithActuals().size());
            }
        }
    }

    /** {@code hqd budget history}. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "预算的版本和全部编制、审批、调整记录")
    static final class History extends BudgetCommand.OnBudget {
        @Override
        void run(Workspace w, PrintWriter out) {
            BudgetHistory h = BudgetCommand.reports(w).history(budget.hospital, budget.year);
            for (VersionTotals t : h.versions()) {
                BudgetVersion v = t.version();
                out.printf("版本 %d %s：%s；收入 %s 万元，支出 %s 万元%s%n", v.version(), v.label(), v.state().label(),
                        BudgetCommand.wan(t.revenue()), BudgetCommand.wan(t.expenditure()),
                        v.reason().isEmpty() ? "" : "；调整原因：" + v.reason());
            }
            for (BudgetEvent e : h.events()) {
                out.printf("  %s  版本 %d  %s  %s→%s  %s  %s%n", e.at().toString().replace('T', ' ').substring(0, 19),
                        e.version(), e.action().label(), e.from().map(x -> x.label()).orElse("—"), e.to().label(),
                        e.user(), e.comment());
            }
        }
    }

    /** {@code hqd budget variance}. */
    @Command(name = "variance", mixinStandardHelpOptions = true,
            description = "差异分析：序时预算与累计实际的差异（实际 − 预算）及差异率，按科室或按项目，差异大的在前")
    static final class VarianceCommand extends BudgetCommand.OnBudget {
        @Option(names = "--month", required = true, paramLabel = "<月>")
        private int month;

        @Option(names = "--by", defaultValue = "department", paramLabel = "department|item")
        private String by;

        @Mixin
        private FormatOption format;

        @Override
        void check() {
            if (!by.equals("department") && !by.equals("item")) {
                throw new HqdException("--by 应为 department 或 item，实际为 '" + by + "'");
            }
        }

        @Override
        void run(Workspace w, PrintWriter out) {
            List<ExecutionLine> lines = BudgetCommand.reports(w).status(budget.hospital, budget.year, month).lines();
            List<Variance.Line> v = by.equals("item") ? Variance.byItem(lines) : Variance.byDepartment(lines);
            if (format.csv()) {
                out.println(by + ",kind,budget_to_date,actual_to_date,variance,variance_rate");
            }
            for (Variance.Line l : v) {
                if (format.csv()) {
                    StringBuilder b = new StringBuilder();
                    ResultCsv.field(b, l.key()).append(',').append(l.kind().name()).append(',')
                            .append(Money.yuan(l.budgetToDate())).append(',').append(Money.yuan(l.actualToDate()))
                            .append(',').append(Money.yuan(l.variance())).append(',').append(BudgetCommand.rate(l.rate()));
                    out.println(b);
                } else {
                    out.println(TextColumns.left(TextColumns.shorten(l.key(), 20), 22) + TextColumns.left(l.kind().label(), 6)
                            + TextColumns.right(BudgetCommand.wan(l.budgetToDate()), 14)
                            + TextColumns.right(BudgetCommand.wan(l.actualToDate()), 14)
                            + TextColumns.right(BudgetCommand.wan(l.variance()), 14)
                            + TextColumns.right(BudgetCommand.percent(l.rate()), 10));
                }
            }
        }
    }

    /** {@code hqd budget assess}. */
    @Command(name = "assess", mixinStandardHelpOptions = true, description = "预算绩效评价：各绩效目标的实际值、是否达标、得分，以及总分和等级")
    static final class Assess extends BudgetCommand.OnBudget {
        @Option(names = "--month", defaultValue = "12", paramLabel = "<月>", description = "截至月份；默认 ${DEFAULT-VALUE}（年终评价）")
        private int month;

        @Override
        void run(Workspace w, PrintWriter out) {
            WeightsInUse.of(w, spec.commandLine().getErr());
            PerformanceAssessment p = BudgetCommand.reports(w).assess(budget.hospital, budget.year, month);
            if (p.results().isEmpty()) {
                out.println("没有绩效目标：用 hqd budget targets 载入");
            }
            for (PerformanceAssessment.Result r : p.results()) {
                PerformanceTarget t = r.target();
                out.printf("  %s  %s（%s%s）目标 %s %s%s，实际 %s，%s，得分 %.1f / %.1f%n", t.dimension().label(), t.name(),
                        t.department(), t.item().isEmpty() ? "" : " · " + t.item(), t.comparison().symbol(),
                        Cells.plain(t.target()), t.unit().isEmpty() ? "" : "（" + t.unit() + "）",
                        r.actual().isPresent() ? String.format("%.4g", r.actual().getAsDouble()) : "无数据",
                        r.met().map(m -> m ? "达标" : "未达标").orElse("无数据"), r.earned(), t.weight());
            }
            p.score().ifPresent(sc -> out.printf("%s %d 年预算绩效评价（截至 %d 月）：%.1f 分，%s%n", budget.hospital,
                    budget.year, month, sc, p.grade()));
        }
    }

    /** {@code hqd budget report}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "年度预算执行与绩效报告（PDF 或 Excel）；--public 为对外公开的摘要（只含分类合计与结构指标，不含科室和内部意见）")
    static final class Report extends BudgetCommand.OnBudget {
        @Option(names = "--month", defaultValue = "12", paramLabel = "<月>", description = "截至月份；默认 ${DEFAULT-VALUE}")
        private int month;

        @Option(names = "--output", required = true, paramLabel = "<文件>", description = ".pdf 或 .xlsx")
        private Path output;

        @Option(names = "--public", description = "财务信息公开摘要")
        private boolean publicSummary;

        private ReportFile file;

        @Override
        void check() {
            file = ReportFile.of(output);
        }

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            WeightsInUse.of(w, spec.commandLine().getErr());
            BudgetReport r = BudgetCommand.reports(w).export(Actor.commandLine(), budget.hospital, budget.year, month,
                    publicSummary, file.name());
            boolean synthetic = w.synthetic();
            file.write((font, s) -> new BudgetReportPdf(font).synthetic(synthetic).write(r, publicSummary, s),
                    s -> new BudgetReportExcel().synthetic(synthetic).write(r, publicSummary, s));
            out.printf("已生成%s %s：%s %d 年，截至 %d 月，预警 %d 项%s%n", publicSummary ? "财务信息公开摘要" : "预算报告", output,
                    r.hospitalName(), r.year(), r.month(), r.alerts().size(), r.performance().score().isPresent()
                            ? String.format("，绩效 %.1f 分（%s）", r.performance().score().getAsDouble(), r.performance().grade()) : "");
        }
    }

    /** {@code hqd budget items}. */
    @Command(name = "items", mixinStandardHelpOptions = true, description = "预算项目目录：编码、名称、收支、类别、计入的评价统计量")
    static final class Items implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (var i : BudgetCatalog.standard().items()) {
                out.println(i.code() + "  " + TextColumns.left(i.name(), 22) + TextColumns.left(i.kind().label(), 6)
                        + TextColumns.left(i.category(), 16) + String.join(",", new TreeSet<>(i.measures())));
            }
            out.println("通用成本中心：" + String.join("、", BudgetCatalog.standard().costCentres()));
            out.flush();
            return 0;
        }
    }
}
