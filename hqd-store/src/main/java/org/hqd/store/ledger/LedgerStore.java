package org.hqd.store.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hqd.HqdException;
import org.hqd.ledger.Deadline;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.Plan;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TargetComparator;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.Transaction;

/**
 * The ledger of a data directory. Committing a reviewed extraction is one transaction: plans and tasks are created
 * or updated by their stable ids, so importing the same document again changes nothing and importing a revised one
 * keeps every task's status and notes; tasks the new version no longer has are marked removed, never deleted.
 */
public final class LedgerStore {
    private final DataDirectory dir;

    public LedgerStore(DataDirectory dir) {
        this.dir = dir;
    }

    /** A committed plan. */
    public record PlanRow(String planId, String title, String document, Optional<String> hospitalId, int tasks,
                          Instant importedAt, String importedBy) { }

    /** A committed task with its plan, declared status, latest note and number of notes. */
    public record StoredTask(String planId, String planTitle, Optional<String> hospitalId, PlanTask task,
                             TaskStatus declared, Optional<ProgressNote> lastNote, int notes) { }

    /** What a commit did, per plan and in all. */
    public record Committed(int plans, int added, int updated, int unchanged, int removed, List<String> skipped) { }

    public Committed commit(ExtractedDocument doc, String sha256, Optional<String> hospitalId, String user) {
        if (doc.taskCount() == 0) {
            throw new HqdException(doc.name() + " 中没有可识别的任务，未导入任何内容");
        }
        String what = "导入方案 " + doc.name();
        return Transaction.run(dir.connection(), what, c -> {
            int plans = 0;
            int added = 0;
            int updated = 0;
            int unchanged = 0;
            int removed = 0;
            List<String> skipped = new ArrayList<>();
            for (Plan p : doc.plans()) {
                if (p.tasks().isEmpty()) {
                    skipped.add(p.title() + "（第 " + p.line() + " 行，无编号任务）");
                    continue;
                }
                plans++;
                Optional<String> owner = Query.of(what, "SELECT coalesce(hospital_id, '') FROM ledger_plans "
                        + "WHERE plan_id = ?").bind(p.planId()).first(c, r -> r.getString(1));
                if (owner.isPresent() && !owner.get().equals(hospitalId.orElse(""))) {
                    throw new HqdException("方案“" + p.title() + "”（" + p.planId() + "）已按"
                            + (owner.get().isEmpty() ? "区域方案" : "医院 " + owner.get() + " 的方案")
                            + "导入，不能改为" + hospitalId.map(h -> "医院 " + h + " 的方案").orElse("区域方案"));
                }
                Query.of(what, "INSERT OR REPLACE INTO ledger_plans VALUES (?, ?, ?, ?, ?, ?, current_timestamp, ?)")
                        .bind(p.planId(), p.title(), doc.name(), sha256, p.line(), hospitalId.orElse(null), user)
                        .update(c);
                Map<String, String> before = fingerprints(c, what, p.planId());
                int seq = 0;
                for (PlanTask t : p.tasks()) {
                    seq++;
                    String was = before.remove(t.taskId());
                    String now = fingerprint(t, seq);
                    if (was == null) {
                        insert(c, what, p.planId(), seq, t);
                        added++;
                    } else if (!was.equals(now)) {
                        update(c, what, seq, t);
                        updated++;
                    } else {
                        unchanged++;
                    }
                    writeTargets(c, what, t);
                }
                for (String gone : before.keySet()) {
                    removed += Query.of(what, "UPDATE ledger_tasks SET removed = true WHERE task_id = ? AND NOT removed")
                            .bind(gone).update(c);
                }
            }
            return new Committed(plans, added, updated, unchanged, removed, skipped);
        });
    }

    private static Map<String, String> fingerprints(Connection c, String what, String planId) {
        Map<String, String> out = new HashMap<>();
        Query.of(what, "SELECT task_id, seq, section, task_no, title, body, lead_units, co_units, deadlines, "
                + "deadline_dates, due_date, source_line, removed, (SELECT coalesce(string_agg(target_text || '~' || "
                + "coalesce(indicator, '') || '~' || coalesce(CAST(indicator_value AS VARCHAR), ''), '|' ORDER BY seq), "
                + "'') FROM ledger_targets g WHERE g.task_id = ledger_tasks.task_id) FROM ledger_tasks WHERE plan_id = ?")
                .bind(planId).forEach(c, r -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 2; i <= 14; i++) {
                        b.append(r.getString(i)).append('\u0001');
                    }
                    out.put(r.getString(1), b.toString());
                });
        return out;
    }

    private static String fingerprint(PlanTask t, int seq) {
        Object[] v = {seq, t.section(), t.taskNo(), t.title(), t.text(), String.join("、", t.leadUnits()),
            String.join("、", t.coUnits()), deadlineTexts(t.deadlines()), deadlineDates(t.deadlines()),
            t.due().map(LocalDate::toString).orElse(null), t.sourceLine(), false,
            t.targets().stream().map(x -> x.text() + "~" + x.indicator().orElse("") + "~"
                    + (x.indicatorValue().isPresent() ? String.valueOf(x.indicatorValue().getAsDouble()) : ""))
                    .collect(Collectors.joining("|"))};
        StringBuilder b = new StringBuilder();
        for (Object o : v) {
            b.append(o).append('\u0001');
        }
        return b.toString();
    }

    private static String deadlineTexts(List<Deadline> ds) {
        return ds.stream().map(Deadline::text).collect(Collectors.joining("|"));
    }

    private static String deadlineDates(List<Deadline> ds) {
        return ds.stream().map(d -> d.due().map(LocalDate::toString).orElse("")).collect(Collectors.joining("|"));
    }

    private static void insert(Connection c, String what, String planId, int seq, PlanTask t) {
        Query.of(what, "INSERT INTO ledger_tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOT_STARTED', NULL, false)")
                .bind(Stream.concat(Stream.of(t.taskId(), planId), Arrays.stream(fields(seq, t))).toArray()).update(c);
    }

    private static void update(Connection c, String what, int seq, PlanTask t) {
        Query.of(what, "UPDATE ledger_tasks SET seq = ?, section = ?, task_no = ?, title = ?, body = ?, lead_units = ?, "
                + "co_units = ?, deadlines = ?, deadline_dates = ?, due_date = ?, source_line = ?, removed = false "
                + "WHERE task_id = ?").bind(Stream.concat(Arrays.stream(fields(seq, t)), Stream.of(t.taskId())).toArray())
                .update(c);
    }

    /** The task's columns from {@code seq} to {@code source_line}, in table order. */
    private static Object[] fields(int seq, PlanTask t) {
        return new Object[] {seq, t.section(), t.taskNo(), t.title(), t.text(), String.join("、", t.leadUnits()),
            String.join("、", t.coUnits()), deadlineTexts(t.deadlines()), deadlineDates(t.deadlines()),
            t.due().map(Date::valueOf).orElse(null), t.sourceLine()};
    }

    private static void writeTargets(Connection c, String what, PlanTask t) {
        Query.of(what, "DELETE FROM ledger_targets WHERE task_id = ?").bind(t.taskId()).update(c);
        int[] seq = {0};
        Query.of(what, "INSERT INTO ledger_targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").bind(t.taskId())
                .<TaskTarget>batch(c, t.targets(), (s, x) -> {
                    s.setInt(2, ++seq[0]);
                    s.setString(3, x.text());
                    s.setString(4, x.phrase());
                    s.setString(5, x.valueText());
                    setDouble(s, 6, x.value());
                    s.setString(7, x.unit());
                    s.setString(8, x.comparator().name());
                    s.setString(9, x.indicator().orElse(null));
                    setDouble(s, 10, x.indicatorValue());
                });
    }

    private static void setDouble(PreparedStatement s, int i, OptionalDouble v) throws SQLException {
        if (v.isPresent()) {
            s.setDouble(i, v.getAsDouble());
        } else {
            s.setNull(i, Types.DOUBLE);
        }
    }

    /** Every plan, in the order they were imported. */
    public List<PlanRow> plans() {
        return Query.of("读取台账方案", "SELECT p.plan_id, p.title, p.document, p.hospital_id, (SELECT count(*) FROM "
                        + "ledger_tasks t WHERE t.plan_id = p.plan_id AND NOT t.removed), p.imported_at, p.imported_by "
                        + "FROM ledger_plans p ORDER BY p.imported_at, p.source_line")
                .list(dir.connection(), r -> new PlanRow(r.getString(1), r.getString(2), r.getString(3),
                        Optional.ofNullable(r.getString(4)), r.getInt(5), r.getTimestamp(6).toInstant(), r.getString(7)));
    }

    /** The tasks of one plan, or of every plan, in plan and document order. */
    public List<StoredTask> tasks(Optional<String> planId) {
        return query("t.plan_id = coalesce(?, t.plan_id)", planId.orElse(null));
    }

    public Optional<StoredTask> task(String taskId) {
        List<StoredTask> one = query("t.task_id = ?", taskId);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    private List<StoredTask> query(String where, String arg) {
        String sql = "SELECT t.task_id, t.plan_id, p.title, p.hospital_id, t.section, t.task_no, t.title, t.body, "
                + "t.lead_units, t.co_units, t.deadlines, t.deadline_dates, t.due_date, t.source_line, t.status, "
                + "(SELECT count(*) FROM ledger_notes n WHERE n.task_id = t.task_id) "
                + "FROM ledger_tasks t JOIN ledger_plans p USING (plan_id) WHERE NOT t.removed AND " + where
                + " ORDER BY p.imported_at, p.source_line, t.seq";
        // the targets and latest notes of the same tasks only
        String ids = "SELECT t.task_id FROM ledger_tasks t JOIN ledger_plans p USING (plan_id) WHERE NOT t.removed AND " + where;
        Map<String, List<TaskTarget>> targets = targets(ids, arg);
        Map<String, ProgressNote> last = lastNotes(ids, arg);
        return Query.of("读取台账任务", sql).bind(arg).list(dir.connection(), r -> {
            String id = r.getString(1);
            List<Deadline> deadlines = deadlines(r.getString(11), r.getString(12));
            Date due = r.getDate(13);
            PlanTask t = new PlanTask(id, r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                    units(r.getString(9)), units(r.getString(10)), deadlines,
                    Optional.ofNullable(due).map(Date::toLocalDate), targets.getOrDefault(id, List.of()), r.getInt(14));
            return new StoredTask(r.getString(2), r.getString(3), Optional.ofNullable(r.getString(4)), t,
                    TaskStatus.valueOf(r.getString(15)), Optional.ofNullable(last.get(id)), r.getInt(16));
        });
    }

    private static List<String> units(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("、"));
    }

    private static List<Deadline> deadlines(String texts, String dates) {
        if (texts.isEmpty()) {
            return List.of();
        }
        String[] t = texts.split("\\|", -1);
        String[] d = dates.split("\\|", -1);
        List<Deadline> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            String day = i < d.length ? d[i] : "";
            out.add(new Deadline(t[i], day.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(day))));
        }
        return out;
    }

    /** The targets of the tasks {@code ids} selects (one parameter, {@code arg}). */
    private Map<String, List<TaskTarget>> targets(String ids, String arg) {
        Map<String, List<TaskTarget>> out = new LinkedHashMap<>();
        Query.of("读取台账目标", "SELECT task_id, target_text, phrase, value_text, target_value, unit, comparator, "
                + "indicator, indicator_value FROM ledger_targets WHERE task_id IN (" + ids + ") ORDER BY task_id, seq")
                .bind(arg).forEach(dir.connection(), r -> out.computeIfAbsent(r.getString(1), x -> new ArrayList<>())
                        .add(new TaskTarget(r.getString(2), r.getString(3), r.getString(4), optional(r, 5),
                                r.getString(6), TargetComparator.valueOf(r.getString(7)),
                                Optional.ofNullable(r.getString(8)), optional(r, 9))));
        return out;
    }

    private static OptionalDouble optional(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The latest note of each of the tasks {@code ids} selects (one parameter, {@code arg}). */
    private Map<String, ProgressNote> lastNotes(String ids, String arg) {
        Map<String, ProgressNote> out = new HashMap<>();
        Query.of("读取进展记录", "SELECT task_id, noted_on, author, status, note, evidence FROM ledger_notes "
                + "WHERE task_id IN (" + ids + ") QUALIFY row_number() OVER (PARTITION BY task_id "
                + "ORDER BY noted_on DESC, written_at DESC) = 1")
                .bind(arg).forEach(dir.connection(), r -> out.put(r.getString(1), note(r, 2)));
        return out;
    }

    private static ProgressNote note(ResultSet r, int at) throws SQLException {
        String status = r.getString(at + 2);
        return new ProgressNote(r.getDate(at).toLocalDate(), r.getString(at + 1),
                status == null ? Optional.empty() : Optional.of(TaskStatus.valueOf(status)), r.getString(at + 3),
                r.getString(at + 4));
    }

    /** The notes of a task, newest first. */
    public List<ProgressNote> notes(String taskId) {
        return Query.of("读取进展记录", "SELECT noted_on, author, status, note, evidence FROM ledger_notes "
                + "WHERE task_id = ? ORDER BY noted_on DESC, written_at DESC").bind(taskId)
                .list(dir.connection(), r -> note(r, 1));
    }

    /**
     * Records progress on a task in one transaction: the note (with the status it sets, if any), the new declared
     * status and the new due date. The caller has checked that the status may be declared.
     */
    public void update(String taskId, Optional<TaskStatus> status, Optional<LocalDate> due, ProgressNote note,
                       Instant at) {
        if (task(taskId).isEmpty()) {
            throw HqdException.withHint("没有编号为 " + taskId + " 的任务", "（用 hqd ledger tasks 查看任务编号）");
        }
        String what = "更新任务 " + taskId;
        Transaction.run(dir.connection(), what, c -> {
            if (status.isPresent()) {
                Query.of(what, "UPDATE ledger_tasks SET status = ?, status_changed_at = ? WHERE task_id = ?")
                        .bind(status.get().name(), Timestamp.from(at), taskId).update(c);
            }
            if (due.isPresent()) {
                Query.of(what, "UPDATE ledger_tasks SET due_date = ? WHERE task_id = ?")
                        .bind(Date.valueOf(due.get()), taskId).update(c);
            }
            return Query.of(what, "INSERT INTO ledger_notes VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .bind(taskId, Timestamp.from(at), Date.valueOf(note.date()), note.author(),
                            status.map(Enum::name).orElse(null), note.text(), note.evidence())
                    .update(c);
        });
    }
}
