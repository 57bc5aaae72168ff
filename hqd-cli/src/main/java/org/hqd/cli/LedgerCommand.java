package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.ledger.Deadline;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.LedgerReview;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.Plan;
import org.hqd.ledger.PlanDocuments;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.report.CjkFont;
import org.hqd.report.LedgerBriefingExcel;
import org.hqd.report.LedgerBriefingPdf;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.AuditLog;
import org.hqd.store.ledger.LedgerStore;
import org.hqd.store.ledger.LedgerTracker;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd ledger …}: the task-progress ledger (任务推进台账) built from plan documents. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "任务推进台账：import 从方案文件提取任务（可先审核），plans 方案进度，tasks 任务清单，show 任务详情，"
                + "update 更新进展，followup 逾期与风险清单（回头看），units 责任单位视图，brief 台账通报（PDF/Excel）",
        subcommands = {LedgerCommand.Import.class, LedgerCommand.Plans.class, LedgerCommand.Tasks.class,
            LedgerCommand.Show.class, LedgerCommand.Update.class, LedgerCommand.FollowUp.class,
            LedgerCommand.Units.class, LedgerCommand.Brief.class})
final class LedgerCommand implements Callable<Integer> {
    static final String TASKS_HEADER = "plan,section,task_no,task_id,title,lead_units,co_units,deadline,targets,status";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The date the ledger is looked at and the warning window, shared by the commands that show statuses. */
    static final class TrackingOptions {
        @Option(names = "--as-of", paramLabel = "<日期>", description = "按哪一天判定逾期和风险（YYYY-MM-DD）；默认今天")
        String asOf;

        @Option(names = "--warning-days", defaultValue = "" + Tracking.DEFAULT_WARNING_DAYS, paramLabel = "<天>",
                description = "距完成期限多少天内仍未启动或目标未达到即为“有风险”；默认 ${DEFAULT-VALUE}")
        int warningDays;

        @Option(names = "--period", paramLabel = "<期间>",
                description = "度量关联指标的期间（YYYY、YYYY-MM 或 YYYY-MM..YYYY-MM）；默认为数据中最近 12 个月")
        String period;

        Tracking tracking() {
            return new Tracking(asOf == null ? LocalDate.now() : date(asOf, "--as-of"), warningDays);
        }

        Optional<EvaluationPeriod> period() {
            return Optional.ofNullable(period).map(EvaluationPeriod::parse);
        }

        List<TrackedTask> track(DataDirectory dir, List<LedgerStore.StoredTask> tasks) {
            return new LedgerTracker(dir, IndicatorCatalog.standard()).track(tasks, tracking(), period());
        }
    }

    static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new HqdException(option + " 应为 YYYY-MM-DD，实际为 '" + text + "'");
        }
    }

    static PlanParser parser(Path rules) throws IOException {
        ExtractionRules r = rules == null ? ExtractionRules.standard()
                : ExtractionRules.parse(Files.readString(rules, StandardCharsets.UTF_8), rules.getFileName().toString());
        return new PlanParser(r, IndicatorLinks.standard());
    }

    /** {@code hqd ledger import}. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"从方案文件（纯文本）提取方案、任务、责任单位、完成期限和量化目标，写入台账。",
                "审核：先用 --review-out 把提取结果写成表格（不写入台账），在表格中修改后用 --reviewed 导入。",
                "同一文件再次导入不会重复；修订后的文件导入时保留各任务的状态和进展记录。"})
    static final class Import implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--plan", required = true, paramLabel = "<文件>", description = "方案文件（纯文本）")
        private Path plan;

        @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "<编码>",
                description = "文件编码，如 GBK；默认 ${DEFAULT-VALUE}")
        private String encoding;

        @Option(names = "--hospital", paramLabel = "<医院编码>",
                description = "这是某家医院自己的方案（医院用户可见、可更新）；不指定则为区域方案")
        private String hospital;

        @Option(names = "--rules", paramLabel = "<文件>", description = "提取规则（JSON）；默认为内置规则")
        private Path rules;

        @ArgGroup(exclusive = true)
        private Review review;

        static final class Review {
            @Option(names = "--review-out", paramLabel = "<文件>", description = "只提取不导入：把提取结果写成审核表（TSV）")
            Path out;

            @Option(names = "--reviewed", paramLabel = "<文件>", description = "按审核后的表格（TSV）导入")
            Path in;
        }

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(plan)) {
                throw new HqdException("找不到方案文件 " + plan);
            }
            Charset charset;
            try {
                charset = Charset.forName(encoding);
            } catch (UnsupportedCharsetException | java.nio.charset.IllegalCharsetNameException e) {
                throw new HqdException("不支持的编码 " + encoding + "（可用 UTF-8、GBK、GB18030）");
            }
            byte[] bytes = Files.readAllBytes(plan);
            String name = plan.getFileName().toString();
            PlanParser parser = parser(rules);
            ExtractedDocument doc = parser.parse(name, PlanDocuments.decode(name, bytes, charset));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s：找到 %d 个方案，%d 项任务%n", name, doc.plans().size(), doc.taskCount());
            for (Plan p : doc.plans()) {
                long units = p.tasks().stream().filter(t -> !t.leadUnits().isEmpty()).count();
                long targets = p.tasks().stream().mapToLong(t -> t.targets().size()).sum();
                out.printf("  %s  %s（第 %d 行）：%d 项任务，%d 项有责任单位，%d 个量化目标%n", p.planId(), p.title(),
                        p.line(), p.tasks().size(), units, targets);
            }
            if (review != null && review.out != null) {
                AtomicFile.write(review.out, s -> {
                    s.write(LedgerReview.write(doc).getBytes(StandardCharsets.UTF_8));
                    return null;
                });
                out.printf("审核表已写入 %s（未写入台账）。修改后运行：hqd ledger import --data %s --plan %s --reviewed %s%n",
                        review.out, data.data, plan, review.out);
                out.flush();
                return 0;
            }
            ExtractedDocument toCommit = doc;
            if (review != null && review.in != null) {
                if (!Files.isRegularFile(review.in)) {
                    throw new HqdException("找不到审核表 " + review.in);
                }
                toCommit = new LedgerReview(parser).apply(doc, Files.readString(review.in, StandardCharsets.UTF_8),
                        review.in.getFileName().toString());
                out.printf("已按审核表 %s 修订：%d 项任务%n", review.in.getFileName(), toCommit.taskCount());
            }
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                LedgerStore.Committed c = new LedgerStore(dir).commit(toCommit, PlanDocuments.fingerprint(bytes),
                        Optional.ofNullable(hospital), user());
                String summary = String.format("%s：%d 个方案，新增 %d 项任务，更新 %d 项，未变 %d 项，移除 %d 项", name,
                        c.plans(), c.added(), c.updated(), c.unchanged(), c.removed());
                new AuditLog(dir).record(Instant.now(), Optional.empty(), "导入方案", summary, "命令行");
                out.println("已写入台账 " + summary);
                for (String s : c.skipped()) {
                    out.println("  未写入（无编号任务）：" + s);
                }
            }
            out.flush();
            return 0;
        }
    }

    static String user() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "命令行" : u;
    }

    /** {@code hqd ledger plans}. */
    @Command(name = "plans", mixinStandardHelpOptions = true, description = "台账中的方案及其任务进度")
    static final class Plans implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private FormatOption format;

        @Mixin
        private TrackingOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                LedgerStore store = new LedgerStore(dir);
                List<LedgerStore.PlanRow> plans = store.plans();
                LedgerSummary s = LedgerSummary.of(options.tracking().asOf(), options.track(dir, store.tasks(Optional.empty())));
                Map<String, LedgerSummary.PlanProgress> progress = s.plans().stream()
                        .collect(Collectors.toMap(LedgerSummary.PlanProgress::planId, p -> p));
                if (format.csv()) {
                    out.println("plan_id,plan,document,hospital_id,tasks," + statusColumns() + ",done_share");
                }
                for (LedgerStore.PlanRow p : plans) {
                    LedgerSummary.PlanProgress g = progress.get(p.planId());
                    Map<TaskStatus, Integer> counts = g == null ? Map.of() : g.counts();
                    if (format.csv()) {
                        StringBuilder b = new StringBuilder(p.planId()).append(',');
                        ResultCsv.field(b, p.title()).append(',');
                        ResultCsv.field(b, p.document()).append(',').append(p.hospitalId().orElse("")).append(',')
                                .append(p.tasks());
                        for (TaskStatus st : TaskStatus.values()) {
                            b.append(',').append(counts.getOrDefault(st, 0));
                        }
                        b.append(',').append(g == null ? "" : String.format(Locale.ROOT, "%.4f", g.doneShare()));
                        out.println(b);
                    } else {
                        out.printf("%s  %s%s%n    %d 项任务：%s；完成率 %s；来自 %s%n", p.planId(), p.title(),
                                p.hospitalId().map(h -> "（医院 " + h + "）").orElse(""), p.tasks(), counts(counts),
                                g == null ? "—" : String.format("%.1f%%", 100 * g.doneShare()), p.document());
                    }
                }
                if (plans.isEmpty() && !format.csv()) {
                    out.println("台账中还没有方案。用 hqd ledger import --plan <文件> 导入。");
                }
            }
            out.flush();
            return 0;
        }
    }

    static String statusColumns() {
        return java.util.Arrays.stream(TaskStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    static String counts(Map<TaskStatus, Integer> counts) {
        return java.util.Arrays.stream(TaskStatus.values()).map(s -> s.label() + " " + counts.getOrDefault(s, 0))
                .collect(Collectors.joining("，"));
    }

    /** Filters of the task lists. */
    static final class TaskFilter {
        @Option(names = "--plan", paramLabel = "<方案编号>", description = "只看这个方案")
        String plan;

        @Option(names = "--unit", paramLabel = "<单位>", description = "只看这个单位牵头或参与的任务（按名称精确匹配）")
        String unit;

        @Option(names = "--status", paramLabel = "<状态>", description = "只看这个状态：未启动、推进中、有风险、已逾期、已完成")
        String status;

        List<TrackedTask> apply(List<TrackedTask> tasks) {
            Optional<TaskStatus> st = Optional.ofNullable(status).map(s -> TaskStatus.of(s).orElseThrow(
                    () -> new HqdException("--status 应为 未启动、推进中、有风险、已逾期、已完成 之一，实际为 '" + s + "'")));
            return tasks.stream().filter(t -> plan == null || t.planId().equals(plan))
                    .filter(t -> unit == null || t.task().units().contains(unit))
                    .filter(t -> st.isEmpty() || t.status() == st.get()).toList();
        }
    }

    /** {@code hqd ledger tasks}. */
    @Command(name = "tasks", mixinStandardHelpOptions = true, description = "任务清单（CSV 列：" + TASKS_HEADER + "）")
    static final class Tasks implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private FormatOption format;

        @Mixin
        private TaskFilter filter;

        @Mixin
        private TrackingOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                List<TrackedTask> tasks = filter.apply(options.track(dir, new LedgerStore(dir).tasks(Optional.empty())));
                if (format.csv()) {
                    out.println(TASKS_HEADER);
                    tasks.forEach(t -> out.println(csv(t)));
                } else {
                    printTable(out, tasks);
                }
            }
            out.flush();
            return 0;
        }
    }

    static String csv(TrackedTask t) {
        PlanTask k = t.task();
        StringBuilder b = new StringBuilder();
        for (String v : List.of(t.planTitle(), k.section(), k.taskNo(), k.taskId(), k.title(),
                String.join("、", k.leadUnits()), String.join("、", k.coUnits()), deadline(k),
                k.targets().stream().map(TaskTarget::text).collect(Collectors.joining("|")), t.status().label())) {
            if (b.length() > 0) {
                b.append(',');
            }
            ResultCsv.field(b, v);
        }
        return b.toString();
    }

    /** The deadlines as written ("到2025年|2022年6月底前"); the due date when the task has none written. */
    static String deadline(PlanTask k) {
        String written = k.deadlines().stream().map(Deadline::text).collect(Collectors.joining("|"));
        return written.isEmpty() ? k.due().map(LocalDate::toString).orElse("") : written;
    }

    static String shorten(String s, int width) {
        if (TextColumns.width(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (TextColumns.width(b.toString() + c) > width - 1) {
                break;
            }
            b.append(c);
        }
        return b + "…";
    }

    static void printTable(PrintWriter out, List<TrackedTask> tasks) {
        String plan = null;
        String section = null;
        for (TrackedTask t : tasks) {
            if (!t.planId().equals(plan)) {
                plan = t.planId();
                section = null;
                out.println();
                out.println("【" + t.planTitle() + "】" + t.planId());
            }
            if (!t.task().section().equals(section)) {
                section = t.task().section();
                if (!section.isEmpty()) {
                    out.println("  " + section);
                }
            }
            PlanTask k = t.task();
            out.println("    " + TextColumns.left(k.taskId(), 18) + TextColumns.left(k.taskNo(), 7)
                    + TextColumns.left(shorten(k.title(), 34), 36)
                    + TextColumns.left(shorten(String.join("、", k.leadUnits()), 30), 32)
                    + TextColumns.left(k.due().map(LocalDate::toString).orElse("—"), 12) + t.status().label()
                    + (t.reason().isEmpty() ? "" : "（" + t.reason() + "）"));
        }
        if (tasks.isEmpty()) {
            out.println("没有符合条件的任务。");
        }
    }

    /** {@code hqd ledger show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "一项任务的全文、单位、期限、目标与实际、进展记录")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--task", required = true, paramLabel = "<任务编号>", description = "任务编号（task_id）")
        private String task;

        @Mixin
        private TrackingOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                LedgerStore store = new LedgerStore(dir);
                LedgerStore.StoredTask s = store.task(task).orElseThrow(() -> new HqdException(
                        "没有编号为 " + task + " 的任务（用 hqd ledger tasks 查看任务编号）"));
                TrackedTask t = options.track(dir, List.of(s)).get(0);
                PlanTask k = t.task();
                out.printf("%s  %s %s%n方案：%s（%s）%n", k.taskId(), k.taskNo(), k.title(), t.planTitle(), t.planId());
                if (!k.section().isEmpty()) {
                    out.println("部分：" + k.section());
                }
                out.println("牵头单位：" + (k.leadUnits().isEmpty() ? "—" : String.join("、", k.leadUnits())));
                out.println("配合单位：" + (k.coUnits().isEmpty() ? "—" : String.join("、", k.coUnits())));
                out.println("期限：" + (k.deadlines().isEmpty() ? "—" : k.deadlines().stream().map(Deadline::text)
                        .collect(Collectors.joining("、"))) + "；完成期限 " + k.due().map(LocalDate::toString).orElse("未定"));
                out.println("状态：" + t.status().label() + (t.reason().isEmpty() ? "" : "（" + t.reason() + "）")
                        + (t.declared() != t.status() ? "；填报状态 " + t.declared().label() : ""));
                for (TaskTarget x : k.targets()) {
                    Optional<TargetCheck> c = t.checks().stream().filter(ch -> ch.target().equals(x)).findFirst();
                    out.println("目标：" + x.phrase() + x.text() + x.indicator().map(i -> " → 指标 " + i + " "
                            + x.comparator().symbol() + " " + Tracking.format(x.indicatorValue().orElse(Double.NaN))).orElse("")
                            + c.map(ch -> "；实际 " + Tracking.format(ch.actual().orElse(Double.NaN)) + "（" + ch.basis() + "）"
                            + ch.met().map(m -> m ? " 已达到" : " 未达到").orElse(" 无数据")).orElse(""));
                }
                out.println("原文（第 " + k.sourceLine() + " 行）：" + k.text());
                List<ProgressNote> notes = store.notes(k.taskId());
                out.println("进展记录：" + (notes.isEmpty() ? "无" : notes.size() + " 条"));
                for (ProgressNote n : notes) {
                    out.println("  " + n.date() + " " + n.author() + n.status().map(st -> " [" + st.label() + "]").orElse("")
                            + " " + n.text() + (n.evidence().isEmpty() ? "" : " 佐证：" + n.evidence()));
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd ledger update}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"更新一项任务：状态、进展说明、佐证链接、完成期限。",
                "“已逾期”由期限自动判定；关联指标的目标未达到时不能标记“已完成”（进度以数据为准）。"})
    static final class Update implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--task", required = true, paramLabel = "<任务编号>", description = "任务编号（task_id）")
        private String task;

        @Option(names = "--status", paramLabel = "<状态>", description = "未启动、推进中、有风险、已完成")
        private String status;

        @Option(names = "--note", paramLabel = "<说明>", description = "进展说明")
        private String note;

        @Option(names = "--evidence", paramLabel = "<链接>", description = "佐证材料的链接或文件编号")
        private String evidence;

        @Option(names = "--due", paramLabel = "<日期>", description = "调整完成期限（YYYY-MM-DD）")
        private String due;

        @Option(names = "--date", paramLabel = "<日期>", description = "进展所属日期；默认今天")
        private String date;

        @Option(names = "--author", paramLabel = "<填报人>", description = "填报人；默认当前系统用户")
        private String author;

        @Mixin
        private TrackingOptions options;

        @Override
        public Integer call() {
            if (status == null && note == null && evidence == null && due == null) {
                throw new HqdException("没有要更新的内容：请给出 --status、--note、--evidence 或 --due");
            }
            Optional<TaskStatus> st = Optional.ofNullable(status).map(s -> TaskStatus.of(s).orElseThrow(
                    () -> new HqdException("--status 应为 未启动、推进中、有风险、已完成 之一，实际为 '" + s + "'")));
            Optional<LocalDate> newDue = Optional.ofNullable(due).map(d -> date(d, "--due"));
            LocalDate on = date == null ? LocalDate.now() : date(date, "--date");
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                LedgerStore store = new LedgerStore(dir);
                LedgerStore.StoredTask s = store.task(task).orElseThrow(() -> new HqdException(
                        "没有编号为 " + task + " 的任务（用 hqd ledger tasks 查看任务编号）"));
                TrackedTask before = options.track(dir, List.of(s)).get(0);
                if (st.isPresent()) {
                    Optional<String> refusal = Tracking.refusal(st.get(), before.checks());
                    if (refusal.isPresent()) {
                        throw new HqdException(task + "：" + refusal.get());
                    }
                }
                String who = author == null ? user() : author;
                store.update(task, st, newDue, new ProgressNote(on, who, st, note == null ? "" : note,
                        evidence == null ? "" : evidence), Instant.now());
                new AuditLog(dir).record(Instant.now(), Optional.empty(), "更新任务", task
                        + st.map(x -> " 状态→" + x.label()).orElse("") + newDue.map(d -> " 期限→" + d).orElse("")
                        + (note == null ? "" : " 进展：" + note), "命令行");
                TrackedTask after = options.track(dir, List.of(store.task(task).orElseThrow())).get(0);
                out.printf("已更新 %s %s：状态 %s%s%n", task, s.task().title(), after.status().label(),
                        after.reason().isEmpty() ? "" : "（" + after.reason() + "）");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd ledger followup}. */
    @Command(name = "followup", mixinStandardHelpOptions = true,
            description = "回头看：已逾期和有风险的任务，逾期在前、按完成期限排序，附原因")
    static final class FollowUp implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private FormatOption format;

        @Mixin
        private TaskFilter filter;

        @Mixin
        private TrackingOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                List<TrackedTask> tasks = filter.apply(options.track(dir, new LedgerStore(dir).tasks(Optional.empty())));
                List<TrackedTask> list = LedgerSummary.of(options.tracking().asOf(), tasks).followUp();
                if (format.csv()) {
                    out.println(TASKS_HEADER + ",due_date,reason,last_note_date,last_note");
                    for (TrackedTask t : list) {
                        StringBuilder b = new StringBuilder(csv(t)).append(',')
                                .append(t.task().due().map(LocalDate::toString).orElse("")).append(',');
                        ResultCsv.field(b, t.reason()).append(',')
                                .append(t.lastNote().map(n -> n.date().toString()).orElse("")).append(',');
                        ResultCsv.field(b, t.lastNote().map(ProgressNote::text).orElse(""));
                        out.println(b);
                    }
                } else {
                    out.printf("截至 %s：已逾期 %d 项，有风险 %d 项%n", options.tracking().asOf(),
                            list.stream().filter(t -> t.status() == TaskStatus.OVERDUE).count(),
                            list.stream().filter(t -> t.status() == TaskStatus.AT_RISK).count());
                    printTable(out, list);
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd ledger units}. */
    @Command(name = "units", mixinStandardHelpOptions = true,
            description = "责任单位视图：每个单位牵头和参与的任务数及状态；加 --unit 列出该单位在所有方案中的任务")
    static final class Units implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Mixin
        private FormatOption format;

        @Option(names = "--unit", paramLabel = "<单位>", description = "列出这个单位的全部任务")
        private String unit;

        @Mixin
        private TrackingOptions options;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                List<TrackedTask> tasks = options.track(dir, new LedgerStore(dir).tasks(Optional.empty()));
                if (unit != null) {
                    List<TrackedTask> mine = tasks.stream().filter(t -> t.task().units().contains(unit)).toList();
                    if (format.csv()) {
                        out.println(TASKS_HEADER + ",role");
                        mine.forEach(t -> out.println(csv(t) + "," + (t.task().leadUnits().contains(unit) ? "lead" : "co")));
                    } else {
                        out.printf("%s：牵头 %d 项，配合 %d 项%n", unit,
                                mine.stream().filter(t -> t.task().leadUnits().contains(unit)).count(),
                                mine.stream().filter(t -> !t.task().leadUnits().contains(unit)).count());
                        printTable(out, mine);
                    }
                } else {
                    List<LedgerSummary.UnitProgress> units = LedgerSummary.of(options.tracking().asOf(), tasks).units();
                    if (format.csv()) {
                        out.println("unit,lead,co," + statusColumns());
                    }
                    for (LedgerSummary.UnitProgress u : units) {
                        if (format.csv()) {
                            StringBuilder b = new StringBuilder();
                            ResultCsv.field(b, u.unit()).append(',').append(u.lead()).append(',').append(u.co());
                            for (TaskStatus st : TaskStatus.values()) {
                                b.append(',').append(u.count(st));
                            }
                            out.println(b);
                        } else {
                            Map<TaskStatus, Integer> m = new EnumMap<>(TaskStatus.class);
                            m.putAll(u.counts());
                            out.println(TextColumns.left(shorten(u.unit(), 30), 32) + "牵头 " + TextColumns.right(
                                    String.valueOf(u.lead()), 3) + "  配合 " + TextColumns.right(String.valueOf(u.co()), 3)
                                    + "  " + counts(m));
                        }
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd ledger brief}. */
    @Command(name = "brief", mixinStandardHelpOptions = true,
            description = "台账通报：按方案和按单位的进度、逾期与风险事项、量化目标与实际；按扩展名输出 PDF 或 Excel（.xlsx）")
    static final class Brief implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private DataOption data;

        @Option(names = "--period", required = true, paramLabel = "<期间>",
                description = "通报期间（YYYY、YYYY-MM 或 YYYY-MM..YYYY-MM）：度量目标的期间，状态按期末（或今天，取较早者）判定")
        private String period;

        @Option(names = "--output", required = true, paramLabel = "<文件>", description = "输出文件：.pdf 或 .xlsx")
        private Path output;

        @Option(names = "--warning-days", defaultValue = "" + Tracking.DEFAULT_WARNING_DAYS, paramLabel = "<天>",
                description = "预警天数；默认 ${DEFAULT-VALUE}")
        private int warningDays;

        @Override
        public Integer call() throws IOException {
            String lower = output.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean pdf = lower.endsWith(".pdf");
            if (!pdf && !lower.endsWith(".xlsx")) {
                throw new HqdException("--output 应以 .pdf 或 .xlsx 结尾，实际为 " + output);
            }
            EvaluationPeriod p = EvaluationPeriod.parse(period);
            LocalDate asOf = p.to().isBefore(LocalDate.now()) ? p.to() : LocalDate.now();
            Path font = pdf ? CjkFont.locate() : null;
            LedgerSummary s;
            boolean synthetic;
            try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
                synthetic = dir.synthetic();
                List<TrackedTask> tasks = new LedgerTracker(dir, IndicatorCatalog.standard())
                        .track(new LedgerStore(dir).tasks(Optional.empty()), new Tracking(asOf, warningDays), Optional.of(p));
                if (tasks.isEmpty()) {
                    throw new HqdException("台账中还没有任务：先用 hqd ledger import --plan <文件> 导入方案");
                }
                s = LedgerSummary.of(asOf, tasks);
                new AuditLog(dir).record(Instant.now(), Optional.empty(), "导出", "台账通报 " + output.getFileName(), "命令行");
            }
            String title = synthetic ? org.hqd.hospital.SyntheticData.labelled("任务推进台账通报") : "任务推进台账通报";
            AtomicFile.write(output, stream -> {
                if (pdf) {
                    new LedgerBriefingPdf(font).write(s, title, p.toString(), stream);
                } else {
                    new LedgerBriefingExcel().write(s, title, p.toString(), stream);
                }
                return null;
            });
            int total = s.plans().stream().mapToInt(LedgerSummary.PlanProgress::total).sum();
            long overdue = s.followUp().stream().filter(t -> t.status() == TaskStatus.OVERDUE).count();
            spec.commandLine().getOut().printf("已生成台账通报 %s：截至 %s，%d 个方案 %d 项任务，已逾期 %d 项，有风险 %d 项%n",
                    output, asOf, s.plans().size(), total, overdue, s.followUp().size() - overdue);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
