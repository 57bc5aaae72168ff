package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.Money;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.Variance;
import org.hqd.evaluation.Comparison;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.io.table.TableFile;
import org.hqd.ledger.PlanDocuments;
import org.hqd.report.BudgetReportExcel;
import org.hqd.report.BudgetReportPdf;
import org.hqd.report.CjkFont;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.AuditLog;
import org.hqd.store.budget.BudgetAnalysis;
import org.hqd.store.budget.BudgetStore;
import org.hqd.store.evaluation.MeasureQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hqd budget …}: comprehensive budget management (全面预算管理). */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = {"全面预算管理：编制（import / compile）、提交、批准或退回、调整、决算，实际数导入，执行监控与预警，"
                + "差异分析，预算绩效评价，年度报告与财务信息公开。"},
        subcommands = {BudgetCommand.Import.class, BudgetCommand.Compile.class, BudgetCommand.Submit.class,
            BudgetCommand.Approve.class, BudgetCommand.Return.class, BudgetCommand.Adjust.class,
            BudgetCommand.Close.class, BudgetCommand.Actuals.class, BudgetCommand.Status.class,
            BudgetCommand.ListBudgets.class, BudgetCommand.History.class, BudgetCommand.VarianceCommand.class,
            BudgetCommand.Departments.class, BudgetCommand.Targets.class, BudgetCommand.TargetValues.class,
            BudgetCommand.Assess.class, BudgetCommand.Report.class, BudgetCommand.Items.class})
final class BudgetCommand implements Callable<Integer> {
    static final String STATUS_HEADER =
            "department,item,annual_budget,budget_to_date,actual_to_date,execution_rate,time_progress,alert";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The hospital and year a command works on. */
    static final class Budget {
        @Option(names = "--hospital", required = true, paramLabel = "<医院编码>", description = "医院编码")
        String hospital;

        @Option(names = "--year", required = true, paramLabel = "<年度>", description = "预算年度")
        int year;
    }

    static String user() {
        return LedgerCommand.user();
    }

    static void audit(DataDirectory dir, String action, String detail) {
        new AuditLog(dir).record(Instant.now(), Optional.empty(), action, detail, "命令行");
    }

    static BudgetStore store(DataDirectory dir) {
        return new BudgetStore(dir, BudgetCatalog.standard());
    }

    /** Reads a budget-shaped file (CSV or Excel) into rows to check. */
    static List<BudgetRowCheck.RawRow> rows(Path file, String encoding, List<String> columns) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new HqdException("找不到文件 " + file);
        }
        Charset cs;
        try {
            cs = Charset.forName(encoding);
        } catch (UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
            throw new HqdException("不支持的编码 " + encoding + "（可用 UTF-8、GBK、GB18030）");
        }
        return BudgetStore.rows(TableFile.read(file.getFileName().toString(), Files.readAllBytes(file), cs, columns));
    }

    /** Prints an import's summary and writes its rejected rows beside the data directory's other rejects. */
    static void printImport(PrintWriter out, DataDirectory dir, Path file, BudgetStore.ImportResult r) throws IOException {
        out.printf("%s：读取 %d 行，接收 %d 行，拒收 %d 行%n", file.getFileName(), r.read(), r.accepted(), r.rejected().size());
        r.changes().forEach(c -> out.println("  " + c));
        if (!r.rejected().isEmpty()) {
            r.rejectedByRule().forEach((rule, n) -> out.printf("  拒收 %-20s %d 行%s%n", rule, n,
                    rule.equals("UNKNOWN_DEPARTMENT") ? "（新科室可用 hqd budget departments 登记）" : ""));
            Path rejects = dir.folder("rejects").resolve("budget-" + file.getFileName().toString()
                    .replaceAll("\\.(csv|xlsx|xls)$", "") + "-" + r.batch().substring(0, 8) + ".rejects.csv");
            StringBuilder b = new StringBuilder("line," + String.join(",", BudgetRowCheck.COLUMNS) + ",rule_ids,reasons\n");
            for (BudgetRowCheck.Rejected x : r.rejected()) {
                b.append(x.row().line());
                for (String c : BudgetRowCheck.COLUMNS) {
                    ResultCsv.field(b.append(','), x.row().cell(c));
                }
                ResultCsv.field(b.append(','), String.join("|", x.ruleIds()));
                ResultCsv.field(b.append(','), String.join("；", x.messages())).append('\n');
            }
            AtomicFile.write(rejects, s -> {
                s.write(b.toString().getBytes(StandardCharsets.UTF_8));
                return null;
            });
            out.println("  拒收明细：" + rejects + "（也可用 hqd sql 查询 budget_rejects）");
            r.rejected().stream().limit(5).forEach(x -> out.println("    第 " + x.row().line() + " 行："
                    + String.join("；", x.messages())));
        }
    }

    /** The two imports of budget-shaped files: their rows checked, accepted ones stored, rejected ones kept aside. */
    abstract static class FileImport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Parameters(paramLabel = "FILE", description = "CSV 或 Excel 文件")
        Path file;

        @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "<编码>", description = "CSV 编码；默认 ${DEFAULT-VALUE}")
        String encoding;

        abstract BudgetStore.ImportResult run(BudgetStore store, String name, String sha256,
                                              List<BudgetRowCheck.RawRow> rows);

        abstract String action();

        @Override
        public Integer call() throws IOException {
            List<BudgetRowCheck.RawRow> rows = rows(file, encoding, BudgetRowCheck.COLUMNS);
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetStore.ImportResult r = run(store(dir), file.getFileName().toString(),
                        PlanDocuments.fingerprint(Files.readAllBytes(file)), rows);
                printImport(out, dir, file, r);
                audit(dir, action(), file.getFileName() + "：接收 " + r.accepted() + " 行，拒收 " + r.rejected().size() + " 行");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget import FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "导入预算编制表（CSV 或 Excel；列 hospital_id,year,department,item,month,amount，金额单位元）："
                    + "为表中每家医院、每个年度新建或替换“编制中”的草稿；不合格的行被拒收并说明原因")
    static final class Import extends FileImport {
        BudgetStore.ImportResult run(BudgetStore store, String name, String sha256, List<BudgetRowCheck.RawRow> rows) {
            return store.importBudget(name, sha256, rows, user(), Instant.now());
        }

        String action() {
            return "预算编制";
        }
    }

    /** {@code hqd budget compile}. */
    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = "按模板编制预算草稿：上年实际数 ×（1 + 增长率），住院收入按各临床科室上年病例的收费 ×（1 + 病例增长）预测")
    static final class Compile implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Budget budget;

        @Option(names = "--growth", defaultValue = "0.05", paramLabel = "<比率>", description = "上年实际数的增长率；默认 ${DEFAULT-VALUE}")
        private double growth;

        @Option(names = "--case-growth", paramLabel = "<比率>", description = "病例（住院收入）增长率；默认按前两年出院人次的变化")
        private Double caseGrowth;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetStore.Compiled c = store(dir).compile(budget.hospital, budget.year, growth,
                        Optional.ofNullable(caseGrowth), user(), Instant.now());
                out.printf("已编制 %s %d 年预算草稿（%s）：%d 行（上年实际数 %d 行，病例预测 %d 行，病例增长 %+.1f%%）%n",
                        budget.hospital, budget.year, c.version().label(), c.lines(), c.fromActuals(), c.fromCases(),
                        100 * c.caseGrowth());
                audit(dir, "预算编制", budget.hospital + " " + budget.year + " 年按模板编制 " + c.lines() + " 行");
            }
            out.flush();
            return 0;
        }
    }

    /** The workflow steps that only change a version's state. */
    abstract static class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOption data;

        @Mixin
        Budget budget;

        @Option(names = "--comment", defaultValue = "", paramLabel = "<意见>", description = "说明、批复或退回意见")
        String comment;

        abstract BudgetAction action();

        String comment() {
            return comment;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetVersion v = store(dir).transition(budget.hospital, budget.year, action(), comment(), user(),
                        Instant.now());
                out.printf("%s %d 年预算（%s）已%s，当前状态：%s%n", budget.hospital, budget.year, v.label(),
                        action().label(), v.state().label());
                audit(dir, "预算" + action().label(), budget.hospital + " " + budget.year + " 年" + v.label()
                        + (comment().isEmpty() ? "" : "：" + comment()));
            }
            out.flush();
            return 0;
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
    static final class Adjust implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Budget budget;

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

        @Override
        public Integer call() throws IOException {
            List<BudgetRowCheck.RawRow> rows;
            if (file != null) {
                rows = rows(file, encoding, BudgetRowCheck.COLUMNS);
            } else if (department != null && item != null && month != null && amount != null) {
                rows = List.of(new BudgetRowCheck.RawRow(1, Map.of("hospital_id", budget.hospital, "year",
                        String.valueOf(budget.year), "department", department, "item", item, "month",
                        String.valueOf(month), "amount", amount)));
            } else {
                throw new HqdException("请给出 --file，或 --department、--item、--month、--amount 四项");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetStore s = store(dir);
                BudgetRowCheck.Result checked = s.rowCheck().check(rows);
                if (!checked.rejected().isEmpty()) {
                    throw new HqdException("调整内容有 " + checked.rejected().size() + " 行不合格，未做调整：" + checked.rejected()
                            .stream().limit(5).map(x -> "第 " + x.row().line() + " 行 " + String.join("；", x.messages()))
                            .collect(Collectors.joining("；")));
                }
                BudgetVersion v = s.adjust(budget.hospital, budget.year, checked.accepted(), reason, user(), Instant.now());
                out.printf("已建立 %s %d 年预算%s（%s）：%d 行调整，原因：%s；提交并批准后生效%n", budget.hospital,
                        budget.year, v.label(), v.state().label(), checked.accepted().size(), reason);
                audit(dir, "预算调整", budget.hospital + " " + budget.year + " 年" + v.label() + "：" + reason);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget actuals FILE}. */
    @Command(name = "actuals", mixinStandardHelpOptions = true,
            description = "导入实际数（财务系统导出的 CSV 或 Excel；与预算文件同列）：文件中每家医院每个月的数据替换该月已有的实际数")
    static final class Actuals extends FileImport {
        BudgetStore.ImportResult run(BudgetStore store, String name, String sha256, List<BudgetRowCheck.RawRow> rows) {
            return store.importActuals(name, sha256, rows, user(), Instant.now());
        }

        String action() {
            return "导入实际数";
        }
    }

    static BudgetAnalysis analysis(DataDirectory dir, BudgetStore store) {
        return new BudgetAnalysis(store, BudgetRules.standard(), new MeasureQuery(dir), IndicatorCatalog.standard());
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

    /** {@code hqd budget status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "预算执行情况：各科室各项目的年度预算、序时预算、累计实际、执行率（累计实际 / 年度预算）、时间进度（M / 12）和预警（CSV 列："
                    + STATUS_HEADER + "；金额单位元，比率为小数）")
    static final class Status implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Budget budget;

        @Option(names = "--month", required = true, paramLabel = "<月>", description = "截至月份 1–12")
        private int month;

        @Option(names = "--alerts-only", description = "只列出有预警的行")
        private boolean alertsOnly;

        @Mixin
        private FormatOption format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetStore s = store(dir);
                BudgetAnalysis a = analysis(dir, s);
                BudgetVersion basis = a.basis(budget.hospital, budget.year);
                List<ExecutionLine> all = a.status(budget.hospital, budget.year, month);
                List<ExecutionLine> lines = all.stream().filter(l -> !alertsOnly || !l.alerts().isEmpty()).toList();
                if (format.csv()) {
                    out.println(STATUS_HEADER);
                    for (ExecutionLine l : lines) {
                        StringBuilder b = new StringBuilder();
                        ResultCsv.field(b, l.department()).append(',');
                        ResultCsv.field(b, l.item().name()).append(',').append(Money.yuan(l.annualBudget())).append(',')
                                .append(Money.yuan(l.budgetToDate())).append(',').append(Money.yuan(l.actualToDate()))
                                .append(',').append(rate(l.executionRate())).append(',')
                                .append(rate(OptionalDouble.of(l.timeProgress()))).append(',')
                                .append(l.alerts().stream().map(BudgetRules.AlertRule::id).collect(Collectors.joining("|")));
                        out.println(b);
                    }
                } else {
                    out.printf("%s %s %d 年预算执行情况（截至 %d 月，时间进度 %.1f%%；依据%s，%s）%n", budget.hospital,
                            s.hospitalName(budget.hospital), budget.year, month, 100.0 * month / 12, basis.label(),
                            basis.state().label());
                    Map<BudgetKind, Execution.Total> totals = Execution.totals(all);
                    for (Execution.Total t : totals.values()) {
                        out.printf("  %s合计：年度预算 %s 万元，序时预算 %s 万元，累计实际 %s 万元，执行率 %s%n", t.kind().label(),
                                wan(t.annualBudget()), wan(t.budgetToDate()), wan(t.actualToDate()), percent(t.executionRate()));
                    }
                    out.println("  " + TextColumns.left("科室", 14) + TextColumns.left("项目", 22) + TextColumns.right("年度预算(万元)", 16)
                            + TextColumns.right("累计实际(万元)", 16) + TextColumns.right("执行率", 9) + "  预警");
                    for (ExecutionLine l : lines) {
                        out.println("  " + TextColumns.left(LedgerCommand.shorten(l.department(), 12), 14)
                                + TextColumns.left(LedgerCommand.shorten(l.item().name(), 20), 22)
                                + TextColumns.right(wan(l.annualBudget()), 16) + TextColumns.right(wan(l.actualToDate()), 16)
                                + TextColumns.right(percent(l.executionRate()), 9) + "  "
                                + l.alerts().stream().map(BudgetRules.AlertRule::label).collect(Collectors.joining("、")));
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "全部预算：医院、年度、最新版本及状态、执行中的版本")
    static final class ListBudgets implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetStore s = store(dir);
                List<BudgetVersion> all = s.budgets();
                if (all.isEmpty()) {
                    out.println("还没有预算。用 hqd budget import 导入预算编制表，或 hqd budget compile 按模板编制。");
                }
                for (BudgetVersion v : all) {
                    out.printf("%s %s %d 年：%s %s；执行中：%s；实际数 %d 个月%n", v.hospitalId(), s.hospitalName(v.hospitalId()),
                            v.year(), v.label(), v.state().label(), s.inForce(v.hospitalId(), v.year())
                                    .map(BudgetVersion::label).orElse("无（尚未批准）"), s.actualMonths(v.hospitalId(), v.year()).size());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget history}. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "预算的版本和全部编制、审批、调整记录")
    static final class History implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Budget budget;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetStore s = store(dir);
                for (BudgetVersion v : s.versions(budget.hospital, budget.year)) {
                    long revenue = 0;
                    long spending = 0;
                    for (BudgetLine l : s.lines(budget.hospital, budget.year, v.version())) {
                        if (s.catalog().item(l.item()).map(i -> i.kind() == BudgetKind.REVENUE).orElse(false)) {
                            revenue += l.fen();
                        } else {
                            spending += l.fen();
                        }
                    }
                    out.printf("版本 %d %s：%s；收入 %s 万元，支出 %s 万元%s%n", v.version(), v.label(), v.state().label(),
                            wan(revenue), wan(spending), v.reason().isEmpty() ? "" : "；调整原因：" + v.reason());
                }
                for (BudgetEvent e : s.events(budget.hospital, budget.year)) {
                    out.printf("  %s  版本 %d  %s  %s→%s  %s  %s%n", e.at().toString().replace('T', ' ').substring(0, 19),
                            e.version(), e.action().label(), e.from().map(x -> x.label()).orElse("—"), e.to().label(),
                            e.user(), e.comment());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget variance}. */
    @Command(name = "variance", mixinStandardHelpOptions = true,
            description = "差异分析：序时预算与累计实际的差异（实际 − 预算）及差异率，按科室或按项目，差异大的在前")
    static final class VarianceCommand implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Budget budget;

        @Option(names = "--month", required = true, paramLabel = "<月>")
        private int month;

        @Option(names = "--by", defaultValue = "department", paramLabel = "department|item")
        private String by;

        @Mixin
        private FormatOption format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                List<ExecutionLine> lines = analysis(dir, store(dir)).status(budget.hospital, budget.year, month);
                List<Variance.Line> v = switch (by) {
                    case "department" -> Variance.byDepartment(lines);
                    case "item" -> Variance.byItem(lines);
                    default -> throw new HqdException("--by 应为 department 或 item，实际为 '" + by + "'");
                };
                if (format.csv()) {
                    out.println(by + ",kind,budget_to_date,actual_to_date,variance,variance_rate");
                }
                for (Variance.Line l : v) {
                    if (format.csv()) {
                        StringBuilder b = new StringBuilder();
                        ResultCsv.field(b, l.key()).append(',').append(l.kind().name()).append(',')
                                .append(Money.yuan(l.budgetToDate())).append(',').append(Money.yuan(l.actualToDate()))
                                .append(',').append(Money.yuan(l.variance())).append(',').append(rate(l.rate()));
                        out.println(b);
                    } else {
                        out.println(TextColumns.left(LedgerCommand.shorten(l.key(), 20), 22) + TextColumns.left(l.kind().label(), 6)
                                + TextColumns.right(wan(l.budgetToDate()), 14) + TextColumns.right(wan(l.actualToDate()), 14)
                                + TextColumns.right(wan(l.variance()), 14) + TextColumns.right(percent(l.rate()), 10));
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget departments FILE}. */
    @Command(name = "departments", mixinStandardHelpOptions = true,
            description = "登记医院的科室（成本中心）：CSV 或 Excel，列 hospital_id,department；病案首页中的科室和通用成本中心无需登记")
    static final class Departments implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(paramLabel = "FILE")
        private Path file;

        @Override
        public Integer call() throws IOException {
            List<BudgetRowCheck.RawRow> rows = rows(file, "UTF-8", List.of("hospital_id", "department"));
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                BudgetStore s = store(dir);
                java.util.Set<String> hospitals = s.hospitals();
                List<String[]> pairs = new ArrayList<>();
                int refused = 0;
                for (BudgetRowCheck.RawRow r : rows) {
                    if (!hospitals.contains(r.cell("hospital_id")) || r.cell("department").isEmpty()) {
                        out.println("  第 " + r.line() + " 行：医院编码不在名册中或科室为空，未登记");
                        refused++;
                    } else {
                        pairs.add(new String[] {r.cell("hospital_id"), r.cell("department")});
                    }
                }
                out.printf("已登记 %d 个新科室（文件 %d 行，拒收 %d 行）%n", s.registerDepartments(pairs), rows.size(), refused);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget targets FILE}. */
    @Command(name = "targets", mixinStandardHelpOptions = true,
            description = "载入预算绩效目标：列 hospital_id,year,department,item,dimension,name,comparison,target,unit,weight,source"
                    + "（dimension 数量/质量/时效/成本/效益；comparison GE/LE；source MANUAL、EXECUTION_RATE 或 indicator:<指标>）")
    static final class Targets implements Callable<Integer> {
        static final List<String> COLUMNS = List.of("hospital_id", "year", "department", "item", "dimension", "name",
                "comparison", "target", "unit", "weight", "source");

        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(paramLabel = "FILE")
        private Path file;

        @Override
        public Integer call() throws IOException {
            List<BudgetRowCheck.RawRow> rows = rows(file, "UTF-8", COLUMNS);
            List<String> problems = new ArrayList<>();
            List<PerformanceTarget> targets = parse(rows, problems);
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                out.printf("已载入 %d 个绩效目标，拒收 %d 行%n", store(dir).saveTargets(targets), problems.size());
                problems.forEach(p -> out.println("  " + p));
                audit(dir, "设置变更", "载入预算绩效目标 " + file.getFileName() + "：" + targets.size() + " 个");
            }
            out.flush();
            return 0;
        }

        /** The targets of the rows; a row that is not a valid target is left out and said so in {@code problems}. */
        static List<PerformanceTarget> parse(List<BudgetRowCheck.RawRow> rows, List<String> problems) {
            List<PerformanceTarget> targets = new ArrayList<>();
            IndicatorCatalog indicators = IndicatorCatalog.standard();
            for (BudgetRowCheck.RawRow r : rows) {
                String where = "第 " + r.line() + " 行：";
                Optional<PerformanceDimension> d = PerformanceDimension.of(r.cell("dimension"));
                Optional<Comparison> c = Comparison.of(r.cell("comparison"));
                String source = r.cell("source");
                boolean sourceOk = source.equals(PerformanceTarget.MANUAL) || source.equals(PerformanceTarget.EXECUTION_RATE)
                        || (source.startsWith(PerformanceTarget.INDICATOR)
                        && indicators.indicator(source.substring(PerformanceTarget.INDICATOR.length())).isPresent());
                double target;
                double weight;
                try {
                    target = Double.parseDouble(r.cell("target"));
                    weight = Double.parseDouble(r.cell("weight"));
                } catch (NumberFormatException e) {
                    problems.add(where + "target 和 weight 应为数字");
                    continue;
                }
                if (d.isEmpty() || c.isEmpty() || !sourceOk || r.cell("name").isEmpty() || !r.cell("year").matches("\\d{4}")
                        || weight <= 0) {
                    problems.add(where + "dimension、comparison、source、name、year 或 weight 无效");
                    continue;
                }
                targets.add(new PerformanceTarget(r.cell("hospital_id"), Integer.parseInt(r.cell("year")),
                        r.cell("department"), r.cell("item"), d.get(), r.cell("name"), c.get(), target, r.cell("unit"),
                        weight, source));
            }
            return targets;
        }
    }

    /** {@code hqd budget perf FILE}. */
    @Command(name = "perf", mixinStandardHelpOptions = true,
            description = "载入人工填报的绩效监控值：列 hospital_id,year,target,month,value（target 为绩效目标名称）")
    static final class TargetValues implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Parameters(paramLabel = "FILE")
        private Path file;

        @Override
        public Integer call() throws IOException {
            List<BudgetRowCheck.RawRow> rows = rows(file, "UTF-8", COLUMNS);
            List<String> problems = new ArrayList<>();
            List<Object[]> values = parse(rows, problems);
            PrintWriter out = spec.commandLine().getOut();
            problems.forEach(p -> out.println("  " + p));
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                out.printf("已载入 %d 个监控值，拒收 %d 行%n", store(dir).saveTargetValues(values), problems.size());
            }
            out.flush();
            return 0;
        }

        static final List<String> COLUMNS = List.of("hospital_id", "year", "target", "month", "value");

        /** The values of the rows {hospital, year, target name, month, value}; bad rows are said so in {@code problems}. */
        static List<Object[]> parse(List<BudgetRowCheck.RawRow> rows, List<String> problems) {
            List<Object[]> values = new ArrayList<>();
            for (BudgetRowCheck.RawRow r : rows) {
                try {
                    int month = Integer.parseInt(r.cell("month"));
                    if (month < 1 || month > 12) {
                        throw new NumberFormatException();
                    }
                    values.add(new Object[] {r.cell("hospital_id"), Integer.parseInt(r.cell("year")), r.cell("target"), month,
                        Double.parseDouble(r.cell("value"))});
                } catch (NumberFormatException e) {
                    problems.add("第 " + r.line() + " 行：year、month（1–12）或 value 不是有效数字，未载入");
                }
            }
            return values;
        }
    }

    /** {@code hqd budget assess}. */
    @Command(name = "assess", mixinStandardHelpOptions = true, description = "预算绩效评价：各绩效目标的实际值、是否达标、得分，以及总分和等级")
    static final class Assess implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Budget budget;

        @Option(names = "--month", defaultValue = "12", paramLabel = "<月>", description = "截至月份；默认 ${DEFAULT-VALUE}（年终评价）")
        private int month;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                WeightsInUse.of(dir, spec.commandLine().getErr());
                BudgetAnalysis a = analysis(dir, store(dir));
                PerformanceAssessment p = a.performance(budget.hospital, budget.year, month,
                        a.status(budget.hospital, budget.year, month));
                if (p.results().isEmpty()) {
                    out.println("没有绩效目标：用 hqd budget targets 载入");
                }
                for (PerformanceAssessment.Result r : p.results()) {
                    PerformanceTarget t = r.target();
                    out.printf("  %s  %s（%s%s）目标 %s %s%s，实际 %s，%s，得分 %.1f / %.1f%n", t.dimension().label(), t.name(),
                            t.department(), t.item().isEmpty() ? "" : " · " + t.item(), t.comparison().symbol(),
                            EvaluateCommand.plain(t.target()), t.unit().isEmpty() ? "" : "（" + t.unit() + "）",
                            r.actual().isPresent() ? String.format("%.4g", r.actual().getAsDouble()) : "无数据",
                            r.met().map(m -> m ? "达标" : "未达标").orElse("无数据"), r.earned(), t.weight());
                }
                p.score().ifPresent(sc -> out.printf("%s %d 年预算绩效评价（截至 %d 月）：%.1f 分，%s%n", budget.hospital,
                        budget.year, month, sc, p.grade()));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd budget report}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "年度预算执行与绩效报告（PDF 或 Excel）；--public 为对外公开的摘要（只含分类合计与结构指标，不含科室和内部意见）")
    static final class Report implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private Budget budget;

        @Option(names = "--month", defaultValue = "12", paramLabel = "<月>", description = "截至月份；默认 ${DEFAULT-VALUE}")
        private int month;

        @Option(names = "--output", required = true, paramLabel = "<文件>", description = ".pdf 或 .xlsx")
        private Path output;

        @Option(names = "--public", description = "财务信息公开摘要")
        private boolean publicSummary;

        @Override
        public Integer call() throws IOException {
            String lower = output.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean pdf = lower.endsWith(".pdf");
            if (!pdf && !lower.endsWith(".xlsx")) {
                throw new HqdException("--output 应以 .pdf 或 .xlsx 结尾，实际为 " + output);
            }
            BudgetReport r;
            boolean synthetic;
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                WeightsInUse.of(dir, spec.commandLine().getErr());
                synthetic = dir.synthetic();
                r = analysis(dir, store(dir)).report(budget.hospital, budget.year, month);
                audit(dir, "导出", (publicSummary ? "财务信息公开 " : "预算报告 ") + budget.hospital + " " + budget.year
                        + " 年 " + output.getFileName());
            }
            Path font = pdf ? CjkFont.locate() : null;
            AtomicFile.write(output, s -> {
                if (pdf) {
                    new BudgetReportPdf(font).synthetic(synthetic).write(r, publicSummary, s);
                } else {
                    new BudgetReportExcel().synthetic(synthetic).write(r, publicSummary, s);
                }
                return null;
            });
            spec.commandLine().getOut().printf("已生成%s %s：%s %d 年，截至 %d 月，预警 %d 项%s%n",
                    publicSummary ? "财务信息公开摘要" : "预算报告", output, r.hospitalName(), r.year(), r.month(),
                    r.alerts().size(), r.performance().score().isPresent()
                            ? String.format("，绩效 %.1f 分（%s）", r.performance().score().getAsDouble(), r.performance().grade()) : "");
            spec.commandLine().getOut().flush();
            return 0;
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
                        + TextColumns.left(i.category(), 16) + String.join(",", new java.util.TreeSet<>(i.measures())));
            }
            out.println("通用成本中心：" + String.join("、", BudgetCatalog.standard().costCentres()));
            out.flush();
            return 0;
        }
    }
}
