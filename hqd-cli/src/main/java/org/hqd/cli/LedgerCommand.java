package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.Workspace;
import org.hqd.app.ledger.LedgerCommit;
import org.hqd.app.ledger.LedgerService;
import org.hqd.app.ledger.TaskUpdate;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.io.AtomicFile;
import org.hqd.io.Encodings;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.LedgerReview;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.Plan;
import org.hqd.ledger.PlanDocuments;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import org.hqd.report.LedgerBriefingExcel;
import org.hqd.report.LedgerBriefingPdf;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hqd ledger …}: the task-progress ledger (任务推进台账) built from plan documents. The commands that change the
 * ledger are here, those that list it in {@link LedgerReadCommands}; the use cases are {@link LedgerService}.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "任务推进台账：import 从方案文件提取任务（可先审核），plans 方案进度，tasks 任务清单，show 任务详情，"
                + "update 更新进展，followup 逾期与风险清单（回头看），units 责任单位视图，brief 台账通报（PDF/Excel）",
        subcommands = {LedgerCommand.Import.class, LedgerReadCommands.Plans.class, LedgerReadCommands.Tasks.class,
            LedgerReadCommands.Show.class, LedgerCommand.Update.class, LedgerReadCommands.FollowUp.class,
            LedgerReadCommands.Units.class, LedgerCommand.Brief.class})
final class LedgerCommand extends CommandGroup {
    static final String TASKS_HEADER = "plan,section,task_no,task_id,title,lead_units,co_units,deadline,targets,status";

    static LedgerService service(Workspace w) {
        return new LedgerService(w, Clock.systemUTC());
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

        /** Every task of the ledger, on track. */
        List<TrackedTask> tasks(Workspace w) {
            return service(w).tasks(tracking(), period(), plan -> true);
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
            Charset charset = Encodings.named(encoding);
            byte[] bytes = Files.readAllBytes(plan);
            String name = plan.getFileName().toString();
            PlanParser parser = parser(rules);
            ExtractedDocument doc = parser.parse(name, PlanDocuments.decode(name, bytes, charset));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s：找到 %d 个方案，%d 项任务%n", name, doc.plans().size(), doc.taskCount());
            printPlans(out, "  ", doc);
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
            try (Workspace w = data.open()) {
                LedgerCommit c = service(w).commit(Actor.commandLine(), toCommit, PlanDocuments.fingerprint(bytes),
                        Optional.ofNullable(hospital));
                out.println("已写入台账 " + c.describe(name));
                for (String s : c.skipped()) {
                    out.println("  未写入（无编号任务）：" + s);
                }
            }
            out.flush();
            return 0;
        }
    }

    /** Each plan of a document: its tasks, those with responsible units, its quantified targets. */
    static void printPlans(PrintWriter out, String indent, ExtractedDocument doc) {
        for (Plan p : doc.plans()) {
            long units = p.tasks().stream().filter(t -> !t.leadUnits().isEmpty()).count();
            long targets = p.tasks().stream().mapToLong(t -> t.targets().size()).sum();
            out.printf("%s%s  %s（第 %d 行）：%d 项任务，%d 项有责任单位，%d 个量化目标%n", indent, p.planId(), p.title(),
                    p.line(), p.tasks().size(), units, targets);
        }
    }

    /** {@code hqd ledger update}. */
    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"更新一项任务：状态、进展说明、佐证链接、完成期限。",
                "“已逾期”由期限自动判定；关联指标的目标未达到时不能标记“已完成”（进度以数据为准）。"})
    static final class Update extends LedgerReadCommands.OnLedger {
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

        private TaskUpdate update;

        @Override
        void check() {
            if (status == null && note == null && evidence == null && due == null) {
                throw new HqdException("没有要更新的内容：请给出 --status、--note、--evidence 或 --due");
            }
            update = new TaskUpdate(Optional.ofNullable(status).map(s -> TaskStatus.of(s).orElseThrow(
                    () -> new HqdException("--status 应为 未启动、推进中、有风险、已完成 之一，实际为 '" + s + "'"))),
                    Optional.ofNullable(due).map(d -> date(d, "--due")),
                    date == null ? LocalDate.now() : date(date, "--date"), note == null ? "" : note,
                    evidence == null ? "" : evidence, Optional.ofNullable(author));
        }

        @Override
        void run(Workspace w, PrintWriter out) {
            TrackedTask after = service(w).update(Actor.commandLine(), task, update, options.tracking(), options.period());
            out.printf("已更新 %s %s：状态 %s%s%n", task, after.task().title(), after.status().label(),
                    after.reason().isEmpty() ? "" : "（" + after.reason() + "）");
        }
    }

    /** {@code hqd ledger brief}. */
    @Command(name = "brief", mixinStandardHelpOptions = true,
            description = "台账通报：按方案和按单位的进度、逾期与风险事项、量化目标与实际；按扩展名输出 PDF 或 Excel（.xlsx）")
    static final class Brief extends DataCommand {
        @Option(names = "--period", required = true, paramLabel = "<期间>",
                description = "通报期间（YYYY、YYYY-MM 或 YYYY-MM..YYYY-MM）：度量目标的期间，状态按期末（或今天，取较早者）判定")
        private String period;

        @Option(names = "--output", required = true, paramLabel = "<文件>", description = "输出文件：.pdf 或 .xlsx")
        private Path output;

        @Option(names = "--warning-days", defaultValue = "" + Tracking.DEFAULT_WARNING_DAYS, paramLabel = "<天>",
                description = "预警天数；默认 ${DEFAULT-VALUE}")
        private int warningDays;

        private ReportFile file;
        private EvaluationPeriod p;

        @Override
        void check() {
            file = ReportFile.of(output);
            p = EvaluationPeriod.parse(period);
        }

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            LocalDate asOf = p.to().isBefore(LocalDate.now()) ? p.to() : LocalDate.now();
            LedgerSummary s = service(w).brief(Actor.commandLine(), p, new Tracking(asOf, warningDays), plan -> true,
                    file.name());
            String title = service(w).briefTitle();
            file.write((font, stream) -> new LedgerBriefingPdf(font).write(s, title, p.toString(), stream),
                    stream -> new LedgerBriefingExcel().write(s, title, p.toString(), stream));
            int total = s.plans().stream().mapToInt(LedgerSummary.PlanProgress::total).sum();
            long overdue = s.followUp().stream().filter(t -> t.status() == TaskStatus.OVERDUE).count();
            out.printf("已生成台账通报 %s：截至 %s，%d 个方案 %d 项任务，已逾期 %d 项，有风险 %d 项%n", output, asOf,
                    s.plans().size(), total, overdue, s.followUp().size() - overdue);
        }
    }
}
