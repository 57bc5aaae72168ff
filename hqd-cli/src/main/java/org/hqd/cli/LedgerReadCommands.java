package org.hqd.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.app.Workspace;
import org.hqd.app.ledger.LedgerPlan;
import org.hqd.app.ledger.LedgerService;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.ledger.Deadline;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code hqd ledger} commands that list the ledger: plans, tasks, show, followup, units. */
final class LedgerReadCommands {
    private LedgerReadCommands() {
    }

    /** A command that shows tasks on track as of a day. */
    abstract static class OnLedger extends DataCommand {
        @Mixin
        LedgerCommand.TrackingOptions options;
    }

    /** A command that lists tasks, as a table or CSV. */
    abstract static class ListedTasks extends OnLedger {
        @Mixin
        FormatOption format;
    }

    /** A command that lists the tasks of a plan, a unit or a status ({@link TaskFilter}). */
    abstract static class FilteredTasks extends ListedTasks {
        @Mixin
        TaskFilter filter;

        /** The ledger's tasks on track that pass the filter. */
        List<TrackedTask> tasks(Workspace w) {
            return filter.apply(options.tasks(w));
        }
    }

    /** {@code hqd ledger plans}. */
    @Command(name = "plans", mixinStandardHelpOptions = true, description = "台账中的方案及其任务进度")
    static final class Plans extends ListedTasks {
        @Override
        void run(Workspace w, PrintWriter out) {
            List<LedgerPlan> plans = LedgerCommand.service(w).plans();
            LedgerSummary s = LedgerSummary.of(options.tracking().asOf(), options.tasks(w));
            Map<String, LedgerSummary.PlanProgress> progress = s.plans().stream()
                    .collect(Collectors.toMap(LedgerSummary.PlanProgress::planId, p -> p));
            if (format.csv()) {
                out.println("plan_id,plan,document,hospital_id,tasks," + statusColumns() + ",done_share");
            }
            for (LedgerPlan p : plans) {
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
    }

    static String statusColumns() {
        return Arrays.stream(TaskStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    static String counts(Map<TaskStatus, Integer> counts) {
        return Arrays.stream(TaskStatus.values()).map(s -> s.label() + " " + counts.getOrDefault(s, 0))
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
    @Command(name = "tasks", mixinStandardHelpOptions = true, description = "任务清单（CSV 列：" + LedgerCommand.TASKS_HEADER + "）")
    static final class Tasks extends FilteredTasks {
        @Override
        void run(Workspace w, PrintWriter out) {
            List<TrackedTask> tasks = tasks(w);
            if (format.csv()) {
                out.println(LedgerCommand.TASKS_HEADER);
                tasks.forEach(t -> out.println(csv(t)));
            } else {
                printTable(out, tasks);
            }
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
                    + TextColumns.left(TextColumns.shorten(k.title(), 34), 36)
                    + TextColumns.left(TextColumns.shorten(String.join("、", k.leadUnits()), 30), 32)
                    + TextColumns.left(k.due().map(LocalDate::toString).orElse("—"), 12) + t.status().label()
                    + (t.reason().isEmpty() ? "" : "（" + t.reason() + "）"));
        }
        if (tasks.isEmpty()) {
            out.println("没有符合条件的任务。");
        }
    }

    /** {@code hqd ledger show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "一项任务的全文、单位、期限、目标与实际、进展记录")
    static final class Show extends OnLedger {
        @Option(names = "--task", required = true, paramLabel = "<任务编号>", description = "任务编号（task_id）")
        private String task;

        @Override
        void run(Workspace w, PrintWriter out) {
            LedgerService service = LedgerCommand.service(w);
            TrackedTask t = service.task(task, options.tracking(), options.period(), plan -> true).orElseThrow(() ->
                    new HqdException("没有编号为 " + task + " 的任务（用 hqd ledger tasks 查看任务编号）"));
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
            List<ProgressNote> notes = service.notes(k.taskId());
            out.println("进展记录：" + (notes.isEmpty() ? "无" : notes.size() + " 条"));
            for (ProgressNote n : notes) {
                out.println("  " + n.date() + " " + n.author() + n.status().map(st -> " [" + st.label() + "]").orElse("")
                        + " " + n.text() + (n.evidence().isEmpty() ? "" : " 佐证：" + n.evidence()));
            }
        }
    }

    /** {@code hqd ledger followup}. */
    @Command(name = "followup", mixinStandardHelpOptions = true,
            description = "回头看：已逾期和有风险的任务，逾期在前、按完成期限排序，附原因")
    static final class FollowUp extends FilteredTasks {
        @Override
        void run(Workspace w, PrintWriter out) {
            List<TrackedTask> tasks = tasks(w);
            List<TrackedTask> list = LedgerSummary.of(options.tracking().asOf(), tasks).followUp();
            if (format.csv()) {
                out.println(LedgerCommand.TASKS_HEADER + ",due_date,reason,last_note_date,last_note");
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
    }

    /** {@code hqd ledger units}. */
    @Command(name = "units", mixinStandardHelpOptions = true,
            description = "责任单位视图：每个单位牵头和参与的任务数及状态；加 --unit 列出该单位在所有方案中的任务")
    static final class Units extends ListedTasks {
        @Option(names = "--unit", paramLabel = "<单位>", description = "列出这个单位的全部任务")
        private String unit;

        @Override
        void run(Workspace w, PrintWriter out) {
            List<TrackedTask> tasks = options.tasks(w);
            if (unit != null) {
                List<TrackedTask> mine = tasks.stream().filter(t -> t.task().units().contains(unit)).toList();
                if (format.csv()) {
                    out.println(LedgerCommand.TASKS_HEADER + ",role");
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
                        out.println(TextColumns.left(TextColumns.shorten(u.unit(), 30), 32) + "牵头 " + TextColumns.right(
                                String.valueOf(u.lead()), 3) + "  配合 " + TextColumns.right(String.valueOf(u.co()), 3)
                                + "  " + counts(m));
                    }
                }
            }
        }
    }
}
