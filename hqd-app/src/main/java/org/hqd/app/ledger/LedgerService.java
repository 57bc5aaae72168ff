package org.hqd.app.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.app.NotFoundException;
import org.hqd.app.ResultCache;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import org.hqd.store.ledger.LedgerStore;
import org.hqd.store.ledger.LedgerTracker;

/**
 * The ledger's use cases: commit an extracted (and reviewed) plan document, track tasks — their linked targets measured
 * on the data, not declared —, record progress, and brief. Changes and exports run in one transaction with their
 * audit entry. Readers say which plans they may see by the plan's hospital (none: a region's plan); the measures a
 * tracking needs are kept until {@link #measuresChanged()}, the stored plans and tasks until this service changes
 * them (a server is its store's only writer), so that a reader needs no connection of the store.
 */
public final class LedgerService {
    private final DataAccess data;
    private final Clock clock;
    private final IndicatorCatalog indicators = IndicatorCatalog.standard();
    private final ResultCache measures = new ResultCache(16);
    /** The stored plans and tasks (all of them; readers filter), read once after each change. */
    private final ResultCache stored = new ResultCache(2);
    /** Incremented by every change of what a reader is answered: a kept answer of another version is stale. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    public LedgerService(DataAccess data, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The measures changed (budget actuals were imported): targets are measured again. */
    public void measuresChanged() {
        measures.clear();
        version.incrementAndGet();
    }

    /**
     * The version of what readers are answered: it changes whenever a plan is committed, a task updated or the
     * measures changed (an answer kept by a front end is kept under its version).
     */
    public long version() {
        return version.get();
    }

    /** A plan or task was written: readers read the store again. */
    private void storedChanged() {
        stored.clear();
        version.incrementAndGet();
    }

    /**
     * Writes a document's plans and tasks, by their stable ids: a task keeps its status and notes across revisions;
     * the same document again changes nothing; a document without tasks is refused.
     *
     * @param hospital the hospital whose own plan this is; none for a region's plan
     */
    public LedgerCommit commit(Actor actor, ExtractedDocument doc, String sha256, Optional<String> hospital) {
        Instant now = clock.instant();
        try {
            return data.inTransaction("导入方案 " + doc.name(), d -> {
                LedgerStore.Committed c = new LedgerStore(d).commit(doc, sha256, hospital, actor.name());
                LedgerCommit done = new LedgerCommit(c.plans(), c.added(), c.updated(), c.unchanged(), c.removed(),
                        c.skipped());
                AuditTrail.record(d, now, actor, "导入方案", done.describe(AuditTrail.clip(doc.name())));
                return done;
            });
        } finally {
            storedChanged();
        }
    }

    public List<LedgerPlan> plans() {
        return stored.get("plans", () -> data.with(d -> new LedgerStore(d).plans().stream().map(p -> new LedgerPlan(
                p.planId(), p.title(), p.document(), p.hospitalId(), p.tasks())).toList()));
    }

    /**
     * Every task of the plans the reader sees, on track as of the tracking's day, linked targets measured over the
     * period (by default the last twelve months with discharges).
     */
    public List<TrackedTask> tasks(Tracking tracking, Optional<EvaluationPeriod> period,
                                   Predicate<Optional<String>> visiblePlan) {
        return track(visible(Optional.empty(), visiblePlan), tracking, period);
    }

    /** One task on track, if it exists and the reader sees its plan. */
    public Optional<TrackedTask> task(String taskId, Tracking tracking, Optional<EvaluationPeriod> period,
                                      Predicate<Optional<String>> visiblePlan) {
        return track(visible(Optional.of(taskId), visiblePlan), tracking, period).stream().findFirst();
    }

    /** The stored tasks the reader sees: all, or the one of {@code taskId}. */
    private List<LedgerStore.StoredTask> visible(Optional<String> taskId, Predicate<Optional<String>> visiblePlan) {
        List<LedgerStore.StoredTask> all = stored.get("tasks", () -> data.with(d -> new LedgerStore(d)
                .tasks(Optional.empty())));
        return all.stream().filter(t -> taskId.map(t.task().taskId()::equals).orElse(true))
                .filter(t -> visiblePlan.test(t.hospitalId())).toList();
    }

    /** A task's progress notes, oldest first. */
    public List<ProgressNote> notes(String taskId) {
        return data.with(d -> new LedgerStore(d).notes(taskId));
    }

    private List<TrackedTask> track(List<LedgerStore.StoredTask> tasks, Tracking tracking,
                                    Optional<EvaluationPeriod> period) {
        return LedgerTracker.track(indicators, tasks, tracking, measures(tasks, period));
    }

    /**
     * The province's measures over the period, when a task links a target to an indicator. They are computed on a
     * connection of their own and kept: a caller must not hold a borrowed connection while it waits for them, or
     * readers waiting for the same measures would hold the whole pool (the measures read every case of the period).
     */
    private Map<String, HospitalMeasures> measures(List<LedgerStore.StoredTask> tasks, Optional<EvaluationPeriod> period) {
        return LedgerTracker.linksIndicators(tasks) ? measures(period) : Map.of();
    }

    private Map<String, HospitalMeasures> measures(Optional<EvaluationPeriod> period) {
        return measures.get("measures|" + period, () -> data.with(d -> new LedgerTracker(d, indicators).measures(period)));
    }

    /**
     * Measures the default period (the last twelve months with discharges) ahead of the first reader, kept both as
     * the default and as that period named (a briefing names it): a server does it in the background at start (about
     * 1.5 CPU-seconds on the demo province, more than a request may cost).
     */
    public void warm() {
        Map<String, HospitalMeasures> m = measures(Optional.empty());
        data.with(d -> new LedgerTracker(d, indicators).defaultPeriod())
                .ifPresent(p -> measures.get("measures|" + Optional.of(p), () -> m));
    }

    /**
     * Records progress on a task: a status that the measured targets contradict is refused (已完成 while a target is
     * missed; 已逾期 is derived, never declared). Returns the task on track afterwards.
     */
    public TrackedTask update(Actor actor, String taskId, TaskUpdate update, Tracking tracking,
                             Optional<EvaluationPeriod> period) {
        Instant now = clock.instant();
        // read twice on purpose: before the transaction, whether the task needs the measures (they must not be
        // computed on a borrowed connection, see measures); inside it, what the refusal is decided on, so that a
        // revision of the plan committed in between cannot slip between the check and the write
        Map<String, HospitalMeasures> measured = measures(visible(Optional.of(taskId), p -> true), period);
        try {
            write(actor, taskId, update, tracking, measured, now);
        } finally {
            storedChanged();
        }
        return task(taskId, tracking, period, p -> true).orElseThrow(() -> notFound(taskId));
    }

    private void write(Actor actor, String taskId, TaskUpdate update, Tracking tracking,
                       Map<String, HospitalMeasures> measured, Instant now) {
        data.inTransaction("更新任务 " + taskId, d -> {
            LedgerStore store = new LedgerStore(d);
            LedgerStore.StoredTask stored = store.task(taskId).orElseThrow(() -> notFound(taskId));
            TrackedTask before = LedgerTracker.track(indicators, List.of(stored), tracking, measured).get(0);
            update.status().flatMap(s -> Tracking.refusal(s, before.checks())).ifPresent(r -> {
                throw new HqdException(taskId + "：" + r);
            });
            store.update(taskId, update.status(), update.due(), new ProgressNote(update.date(),
                    update.author().orElse(actor.name()), update.status(), update.note(), update.evidence()), now);
            AuditTrail.record(d, now, actor, "更新任务", taskId + update.status().map(x -> " 状态→" + x.label()).orElse("")
                    + update.due().map(x -> " 期限→" + x).orElse("")
                    + (update.note().isEmpty() ? "" : " 进展：" + AuditTrail.clip(update.note())));
            return null;
        });
    }

    private static NotFoundException notFound(String taskId) {
        return new NotFoundException("没有编号为 " + AuditTrail.clip(taskId) + " 的任务", "（用 hqd ledger tasks 查看任务编号）");
    }

    /** The title of the ledger briefing, labelled 合成数据 when the data is synthetic. */
    public String briefTitle() {
        String title = "任务推进台账通报";
        return data.synthetic() ? org.hqd.hospital.SyntheticData.labelled(title) : title;
    }

    /**
     * The ledger briefing of what the reader sees (progress by plan and by unit, overdue and at-risk items, targets
     * against actuals) over a period, to be written to {@code file}; the export is audited.
     */
    public LedgerSummary brief(Actor actor, EvaluationPeriod period, Tracking tracking,
                               Predicate<Optional<String>> visiblePlan, String file) {
        Instant now = clock.instant();
        List<TrackedTask> tasks = track(visible(Optional.empty(), visiblePlan), tracking, Optional.of(period));
        return data.inTransaction("导出台账通报", d -> {
            if (tasks.isEmpty()) {
                throw HqdException.withHint("台账中还没有任务", "：先用 hqd ledger import --plan <文件> 导入方案");
            }
            AuditTrail.record(d, now, actor, "导出", "台账通报 " + period + " → " + AuditTrail.clip(file));
            return LedgerSummary.of(tracking.asOf(), tasks);
        });
    }
}
