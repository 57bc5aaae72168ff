package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.budget.BudgetFile;
import org.hqd.app.budget.BudgetImport;
import org.hqd.app.budget.BudgetReports;
import org.hqd.app.budget.BudgetService;
import org.hqd.app.budget.CompiledBudget;
import org.hqd.app.budget.Loaded;
import org.hqd.app.budget.TargetRows;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hqd budget …}: comprehensive budget management (全面预算管理). The commands that change budgets are here; those
 * that read them are in {@link BudgetReadCommands}; the use cases are {@link BudgetService} and {@link BudgetReports}.
 */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = {"全面预算管理：编制（import / compile）、提交、批准或退回、调整、决算，实际数导入，执行监控与预警，"
                + "差异分析，预算绩效评价，年度报告与财务信息公开。"},
        subcommands = {BudgetCommand.Import.class, BudgetCommand.Compile.class, BudgetCommand.Submit.class,
            BudgetCommand.Approve.class, BudgetCommand.Return.class, BudgetCommand.Adjust.class,
            BudgetCommand.Close.class, BudgetCommand.Actuals.class, BudgetReadCommands.Status.class,
            BudgetReadCommands.ListBudgets.class, BudgetReadCommands.History.class,
            BudgetReadCommands.VarianceCommand.class, BudgetCommand.Departments.class, BudgetCommand.Targets.class,
            BudgetCommand.TargetValues.class, BudgetReadCommands.Assess.class, BudgetReadCommands.Report.class,
            BudgetReadCommands.Items.class})
final class BudgetCommand extends CommandGroup {
    static final String STATUS_HEADER =
            "department,item,annual_budget,budget_to_date,actual_to_date,execution_rate,time_progress,alert";

    /** The hospital and year a command works on. */
    static final class Budget {
        @Option(names = "--hospital", required = true, paramLabel = "<医院编码>", description = "医院编码")
        String hospital;

        @Option(names = "--year", required = true, paramLabel = "<年度>", description = "预算年度")
        int year;
    }

    /** A command on one hospital's budget of a year. */
    abstract static class OnBudget extends DataCommand {
        @Mixin
        Budget budget;
    }

    static BudgetService service(Workspace w) {
        return new BudgetService(w, Clock.systemUTC());
    }

    static BudgetReports reports(Workspace w) {
        return new BudgetReports(w, Clock.systemUTC());
    }

    static String rate(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "";
    }

    static String percent(OptionalDouble v) {
        return v.isPresent() ? String.format("%.1f%%", 100 * v.getAsDouble()) : "—";
    }

    static String wan(long fen) {
        return String.format("%,.2f", fen / 1_000_000.0);
    }

    /** The imports of budget-shaped files: their rows checked, accepted ones stored, rejected ones kept aside. */
    abstract static class FileImport extends DataCommand {
        @Parameters(paramLabel = "FILE", description = "CSV 或 Excel 文件")
        Path file;

        @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "<编码>", description = "CSV 编码；默认 ${DEFAULT-VALUE}")
        String encoding;

        BudgetFile rows;

        abstract BudgetImport importWith(BudgetService service, BudgetFile file);

        @Override
        void check() throws IOException {
            rows = BudgetFile.read(file, encoding, BudgetRowCheck.COLUMNS);
        }

        /** The import's summary, where its rejected rows are, and the first five of them. */
        @Override
        void run(Workspace w, PrintWriter out) {
            BudgetImport r = importWith(service(w), rows);
            out.printf("%s：读取 %d 行，接收 %d 行，拒收 %d 行%n", file.getFileName(), r.read(), r.accepted(), r.rejected().size());
            r.changes().forEach(c -> out.println("  " + c));
            if (!r.rejected().isEmpty()) {
                r.rejectedByRule().forEach((rule, n) -> out.printf("  拒收 %s（%s） %d 行%s%n",
                        org.hqd.budget.BudgetRowCheck.RULE_NAMES.getOrDefault(rule, rule), rule, n,
                        rule.equals("UNKNOWN_DEPARTMENT") ? "（新科室可用 hqd budget departments 登记）" : ""));
                r.rejectsFile().ifPresent(p -> out.println("  拒收明细：" + p + "（也可用 hqd sql 查询 budget_rejects）"));
                r.rejected().stream().limit(5).forEach(x -> out.println("    第 " + x.row().line() + " 行："
                        + String.join("；", x.messages())));
            }
        }
    }

    /** {@code hqd budget import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "导入预算编制表（CSV 或 Excel；列 hospital_id,year,department,item,month,amount，金额单位元）："
                    + "为表中每家医院、每个年度新建或替换“编制中”的草稿；不合格的行被拒收并说明原因")
    static final class Import extends FileImport {
        BudgetImport importWith(BudgetService service, BudgetFile f) {
            return service.importBudget(Actor.commandLine(), f);
        }
    }

    /** {@code hqd budget actuals FILE}. */
    @Command(name = "actuals", mixinStandardHelpOptions = true,
            description = "导入实际数（财务系统导出的 CSV 或 Excel；与预算文件同列）：文件中每家医院每个月的数据替换该月已有的实际数")
    static final class Actuals extends FileImport {
        BudgetImport importWith(BudgetService service, BudgetFile f) {
            return service.importActuals(Actor.commandLine(), f);
        }
    }

    /** {@code hqd budget compile}. */
    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = "按模板编制预算草稿：上年实际数 ×（1 + 增长率），住院收入按各临床科室上年病例的收费 ×（1 + 病例增长）预测")
    static final class Compile extends OnBudget {
        @Option(names = "--growth", defaultValue = "0.05", paramLabel = "<比率>", description = "上年实际数的增长率；默认 ${DEFAULT-VALUE}")
        private double growth;

        @Option(names = "--case-growth", paramLabel = "<比率>", description = "病例（住院收入）增长率；默认按前两年出院人次的变化")
        private Double caseGrowth;

        @Override
        void run(Workspace w, PrintWriter out) {
            CompiledBudget c = service(w).compile(Actor.commandLine(), budget.hospital, budget.year, growth,
                    Optional.ofNullable(caseGrowth));
            out.printf("已编制 %s %d 年预算草稿（%s）：%d 行（上年实际数 %d 行，病例预测 %d 行，病例增长 %+.1f%%）%n",
                    budget.hospital, budget.year, c.version().label(), c.lines(), c.fromActuals(), c.fromCases(),
                    100 * c.caseGrowth());
        }
    }

    /** The workflow steps that only change a version's state. */
    abstract static class Step extends OnBudget {
        @Option(names = "--comment", defaultValue = "", paramLabel = "<意见>", description = "说明、批复或退回意见")
        String comment;

        abstract BudgetAction action();

        @Override
        void run(Workspace w, PrintWriter out) {
            BudgetVersion v = service(w).step(Actor.commandLine(), budget.hospital, budget.year, action(), comment);
            out.printf("%s %d 年预算（%s）已%s，当前状态：%s%n", budget.hospital, budget.year, v.label(),
                    action().label(), v.state().label());
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "提交预算草稿待批准")
    static final class Submit extends Step {
        BudgetAction action() {
            return BudgetAction.SUBMIT;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "批准已提交的预算（批准后成为执行中的预算）")
    static final class Approve extends Step {
        BudgetAction action() {
            return BudgetAction.APPROVE;
        }
    }

    @Command(name = "return", mixinStandardHelpOptions = true, description = "退回已提交的预算（必须用 --comment 写明意见）")
    static final class Return extends Step {
        BudgetAction action() {
            return BudgetAction.RETURN;
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "年度决算：需全年 12 个月的实际数；决算后不能再调整或导入实际数")
    static final class Close extends Step {
        BudgetAction action() {
            return BudgetAction.CLOSE;
        }
    }

    /** {@code hqd budget adjust}. */
    @Command(name = "adjust", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"调整已批准的预算（必须写明原因）：新建一个调整版本（或修改尚未批准的调整），再经提交、批准后生效；",
                "调整内容为文件（与预算文件同列，只列要改的行，金额 0 表示删除该行）或单行（--department --item --month --amount）。"})
    static final class Adjust extends OnBudget {
        @Option(names = "--reason", required = true, paramLabel = "<原因>", description = "调整原因")
        private String reason;

        @Option(names = "--file", paramLabel = "<文件>", description = "调整行（CSV 或 Excel）")
        private Path file;

        @Option(names = "--department", paramLabel = "<科室>")
        private String department;

        @Option(names = "--item", paramLabel = "<项目>")
        private String item;

        @Option(names = "--month", paramLabel = "<月>")
        private Integer month;

        @Option(names = "--amount", paramLabel = "<元>")
        private String amount;

        @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "<编码>")
        private String encoding;

        private List<BudgetRowCheck.RawRow> rows;

        @Override
        void check() throws IOException {
            if (file != null) {
                rows = BudgetFile.read(file, encoding, BudgetRowCheck.COLUMNS).rows();
            } else if (department != null && item != null && month != null && amount != null) {
                rows = List.of(new BudgetRowCheck.RawRow(1, Map.of("hospital_id", budget.hospital, "year",
                        String.valueOf(budget.year), "department", department, "item", item, "month",
                        String.valueOf(month), "amount", amount)));
            } else {
                throw new HqdException("请给出 --file，或 --department、--item、--month、--amount 四项");
            }
        }

        @Override
        void run(Workspace w, PrintWriter out) {
            BudgetVersion v = service(w).adjust(Actor.commandLine(), budget.hospital, budget.year, rows, reason);
            out.printf("已建立 %s %d 年预算%s（%s）：%d 行调整，原因：%s；提交并批准后生效%n", budget.hospital,
                    budget.year, v.label(), v.state().label(), rows.size(), reason);
        }
    }

    /** The loads of settings files: departments, performance targets, reported values. */
    abstract static class SettingsLoad extends DataCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        BudgetFile rows;

        abstract List<String> columns();

        abstract Loaded loadWith(BudgetService service, BudgetFile file);

        /** The sentence that says how many were loaded of how many rows. */
        abstract String done(Loaded loaded);

        /** Whether the rows left out are listed before that sentence. */
        boolean problemsFirst() {
            return true;
        }

        @Override
        void check() throws IOException {
            rows = BudgetFile.read(file, "UTF-8", columns());
        }

        @Override
        void run(Workspace w, PrintWriter out) {
            Loaded l = loadWith(service(w), rows);
            if (!problemsFirst()) {
                out.println(done(l));
            }
            l.problems().forEach(p -> out.println("  " + p));
            if (problemsFirst()) {
                out.println(done(l));
            }
        }
    }

    /** {@code hqd budget departments FILE}. */
    @Command(name = "departments", mixinStandardHelpOptions = true,
            description = "登记医院的科室（成本中心）：CSV 或 Excel，列 hospital_id,department；病案首页中的科室和通用成本中心无需登记")
    static final class Departments extends SettingsLoad {
        List<String> columns() {
            return List.of("hospital_id", "department");
        }

        Loaded loadWith(BudgetService service, BudgetFile f) {
            return service.registerDepartments(Actor.commandLine(), f);
        }

        String done(Loaded l) {
            return String.format("已登记 %d 个新科室（文件 %d 行，拒收 %d 行）", l.stored(), rows.rows().size(), l.problems().size());
        }
    }

    /** {@code hqd budget targets FILE}. */
    @Command(name = "targets", mixinStandardHelpOptions = true,
            description = "载入预算绩效目标：列 hospital_id,year,department,item,dimension,name,comparison,target,unit,weight,source"
                    + "（dimension 数量/质量/时效/成本/效益；comparison GE/LE；source MANUAL、EXECUTION_RATE 或 indicator:<指标>）")
    static final class Targets extends SettingsLoad {
        List<String> columns() {
            return TargetRows.TARGET_COLUMNS;
        }

        Loaded loadWith(BudgetService service, BudgetFile f) {
            return service.loadTargets(Actor.commandLine(), f);
        }

        String done(Loaded l) {
            return String.format("已载入 %d 个绩效目标，拒收 %d 行", l.stored(), l.problems().size());
        }

        @Override
        boolean problemsFirst() {
            return false;
        }
    }

    /** {@code hqd budget perf FILE}. */
    @Command(name = "perf", mixinStandardHelpOptions = true,
            description = "载入人工填报的绩效监控值：列 hospital_id,year,target,month,value（target 为绩效目标名称）")
    static final class TargetValues extends SettingsLoad {
        List<String> columns() {
            return TargetRows.VALUE_COLUMNS;
        }

        Loaded loadWith(BudgetService service, BudgetFile f) {
            return service.loadTargetValues(Actor.commandLine(), f);
        }

        String done(Loaded l) {
            return String.format("已载入 %d 个监控值，拒收 %d 行", l.stored(), l.problems().size());
        }
    }
}
