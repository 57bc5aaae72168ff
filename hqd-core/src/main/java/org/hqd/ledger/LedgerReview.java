package org.hqd.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/**
 * The review step between extraction and commit: the extracted ledger is written as a tab-separated file a person
 * edits in a spreadsheet (one row per task; fix a title, a section, units, deadlines, the due date or targets; set
 * {@code keep} to 否 or delete the row to drop a task; an empty {@code due_date} means the latest deadline; add a row with an empty {@code task_id} to add one: its id
 * is made like the parser's, from the section and title), and the
 * edited file is applied to the extraction. Only what the file says changes; a bad cell names its line.
 */
public final class LedgerReview {
    public static final List<String> COLUMNS = List.of("plan_id", "plan", "section", "task_no", "task_id", "title",
            "lead_units", "co_units", "deadlines", "due_date", "targets", "source_line", "keep");
    private static final Set<String> DROP = Set.of("否", "no", "n", "0", "删除", "false");

    private final PlanParser parser;

    public LedgerReview(PlanParser parser) {
        this.parser = parser;
    }

    /** The review file of an extraction. */
    public static String write(ExtractedDocument doc) {
        StringBuilder b = new StringBuilder("# document: ").append(clean(doc.name())).append('\n');
        b.append("# 审核说明: 修改后保存为 UTF-8 制表符分隔文件；keep 填“否”或删除整行即删除任务；task_id 留空的新行为新增任务；"
                + "单位用“、”分隔，期限和目标用“|”分隔；due_date 为 YYYY-MM-DD；"
                + "review 列是提请核定的事项（未写明责任单位、期限按方案期限推定），不读入\n");
        b.append(String.join("\t", COLUMNS)).append("\treview\n");
        for (Plan p : doc.plans()) {
            for (PlanTask t : p.tasks()) {
                b.append(String.join("\t", p.planId(), clean(p.title()), clean(t.section()), clean(t.taskNo()),
                        t.taskId(), clean(t.title()), clean(String.join("、", t.leadUnits())),
                        clean(String.join("、", t.coUnits())),
                        clean(t.deadlines().stream().map(Deadline::text).collect(Collectors.joining("|"))),
                        t.due().map(LocalDate::toString).orElse(""),
                        clean(t.targets().stream().map(TaskTarget::text).collect(Collectors.joining("|"))),
                        String.valueOf(t.sourceLine()), "是", reviewNote(t))).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * What a reviewer should look at (the last column, {@code review}, read by no one): a task without named units,
     * a due date taken from the plan's horizon.
     */
    static String reviewNote(PlanTask t) {
        List<String> notes = new ArrayList<>();
        if (t.unitsUnnamed()) {
            notes.add("未写明责任单位，请核定");
        }
        if (t.dueDerived()) {
            notes.add("完成期限按方案期限推定");
        }
        return String.join("；", notes);
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** The extraction as corrected by a review file. */
    public ExtractedDocument apply(ExtractedDocument original, String reviewText, String source) {
        TsvRows rows = TsvRows.parse(reviewText, source, COLUMNS);
        Map<String, Plan> plans = new LinkedHashMap<>();
        Map<String, PlanTask> tasks = new LinkedHashMap<>();
        Map<String, String> planOf = new LinkedHashMap<>();
        for (Plan p : original.plans()) {
            plans.put(p.planId(), p);
            p.tasks().forEach(t -> {
                tasks.put(t.taskId(), t);
                planOf.put(t.taskId(), p.planId());
            });
        }
        Map<String, List<PlanTask>> corrected = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Set<String> used = new java.util.HashSet<>();
        for (TsvRows.Row r : rows.rows()) {
            String planId = r.get("plan_id");
            Plan plan = plans.get(planId);
            if (plan == null) {
                throw r.error("plan_id '" + planId + "' 不是这份文件提取出的方案（应为 "
                        + String.join("、", plans.keySet()) + "）");
            }
            titles.putIfAbsent(planId, r.optional("plan").isEmpty() ? plan.title() : r.optional("plan"));
            if (DROP.contains(r.optional("keep").toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            String taskId = r.optional("task_id");
            PlanTask before = taskId.isEmpty() ? null : tasks.get(taskId);
            if (!taskId.isEmpty() && (before == null || !planOf.get(taskId).equals(planId))) {
                throw r.error("task_id '" + taskId + "' 不是方案 " + planId + " 提取出的任务；新增任务请把 task_id 留空");
            }
            if (!taskId.isEmpty() && !used.add(taskId)) {
                throw r.error("task_id '" + taskId + "' 出现了两次");
            }
            corrected.computeIfAbsent(planId, x -> new ArrayList<>()).add(task(r, before));
        }
        List<Plan> out = new ArrayList<>();
        // ids of new rows: made like the parser's, numbered past every id already taken (one set and one counter per
        // base for the whole file, so that many plans or many identical new rows stay linear)
        Set<String> ids = new java.util.HashSet<>(tasks.keySet());
        Map<String, Integer> next = new java.util.HashMap<>();
        for (Plan p : original.plans()) {
            List<PlanTask> list = corrected.getOrDefault(p.planId(), List.of());
            List<PlanTask> numbered = new ArrayList<>();
            for (PlanTask t : list) {
                if (!t.taskId().isEmpty()) {
                    numbered.add(t);
                    continue;
                }
                String base = PlanParser.taskId(p.planId(), t.section(), t.title(), new java.util.HashMap<>());
                String id = base;
                int n = next.getOrDefault(base, 2);
                while (ids.contains(id)) {
                    id = base + "-" + n++;
                }
                next.put(base, n);
                ids.add(id);
                numbered.add(t.withId(id));
            }
            out.add(new Plan(p.planId(), titles.getOrDefault(p.planId(), p.title()), p.line(), numbered));
        }
        return new ExtractedDocument(original.name(), out);
    }

    private PlanTask task(TsvRows.Row r, PlanTask before) {
        String title = r.get("title");
        String deadlinesText = r.optional("deadlines");
        List<Deadline> deadlines;
        if (before != null && deadlinesText.equals(before.deadlines().stream().map(Deadline::text)
                .collect(Collectors.joining("|")))) {
            deadlines = before.deadlines();
        } else {
            deadlines = new ArrayList<>();
            for (String d : pieces(deadlinesText)) {
                List<Deadline> found = parser.deadlines(d);
                deadlines.add(found.isEmpty() ? new Deadline(d, Optional.empty()) : new Deadline(d, found.get(0).due()));
            }
        }
        Optional<LocalDate> due;
        String dueText = r.optional("due_date");
        try {
            due = dueText.isEmpty() ? PlanTask.latest(deadlines) : Optional.of(LocalDate.parse(dueText));
        } catch (DateTimeParseException e) {
            throw r.error("due_date '" + dueText + "' 应为 YYYY-MM-DD 或留空");
        }
        String targetsText = r.optional("targets");
        List<TaskTarget> targets;
        if (before != null && targetsText.equals(before.targets().stream().map(TaskTarget::text)
                .collect(Collectors.joining("|")))) {
            targets = before.targets();
        } else {
            targets = new ArrayList<>();
            for (String t : pieces(targetsText)) {
                List<TaskTarget> found = parser.targets(t);
                if (found.isEmpty()) {
                    throw r.error("目标“" + t + "”中没有数值（应写成如“达到70%”“控制在8天以内”“1:2左右”）");
                }
                targets.add(found.get(0));
            }
        }
        String text = before == null ? title : before.text();
        int line;
        try {
            line = r.optional("source_line").isEmpty() ? 0 : Integer.parseInt(r.optional("source_line"));
        } catch (NumberFormatException e) {
            throw r.error("source_line '" + r.optional("source_line") + "' 应为行号");
        }
        return new PlanTask(before == null ? "" : before.taskId(), r.optional("section"), r.optional("task_no"), title,
                text, units(r.optional("lead_units")), units(r.optional("co_units")), deadlines, due, targets, line);
    }

    private static List<String> pieces(String text) {
        return Arrays.stream(text.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> units(String text) {
        return Arrays.stream(text.split("、")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
