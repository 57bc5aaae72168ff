package org.hqd.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.access.AuditEntry;
import org.hqd.app.Actor;
import org.hqd.app.AuditEntries;
import org.hqd.app.NotFoundException;
import org.hqd.app.Province;
import org.hqd.app.TickingClock;
import org.hqd.app.Workspace;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.PlanDocuments;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's use cases on a small province: H0001's own plan (a length-of-stay target no hospital meets, a task
 * without a target) and a region's plan. Each test starts from an empty ledger on the same imported cases.
 */
final class LedgerServiceTest {
    static final Tracking TRACKING = new Tracking(LocalDate.of(2026, 11, 23), Tracking.DEFAULT_WARNING_DAYS);
    static final Actor HOSPITAL = Actor.web("hosp", "10.0.0.7");
    static final PlanParser PARSER = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());

    static final String OWN_PLAN = """
            第一医院高质量发展实施方案

            一、重点任务

            (一)缩短平均住院日。到2027年，平均住院日控制在1天以内。(医务部负责)

            (二)加强医院文化建设。到2026年12月底前完成。(党办负责)
            """;

    static final String REGION_PLAN = """
            某市推动公立医院高质量发展实施方案

            一、重点任务

            (一)加强专科建设。(市卫生健康委负责)
            """;

    @TempDir
    static Path tmp;

    static Workspace w;
    LedgerService ledger;

    @BeforeAll
    static void province() {
        w = Workspace.open(tmp.resolve("data"));
        Province.importInto(w, tmp);
    }

    @AfterAll
    static void close() {
        w.close();
    }

    @BeforeEach
    void emptyLedger() {
        w.with(d -> {
            for (String t : List.of("ledger_notes", "ledger_targets", "ledger_tasks", "ledger_plans",
                    "audit_log")) {
                d.execute("DELETE FROM " + t);
            }
            return null;
        });
        ledger = new LedgerService(w, new TickingClock(Instant.parse("2026-11-23T08:00:00Z")));
    }

    static ExtractedDocument doc(String name, String text) {
        return PARSER.parse(name, text);
    }

    LedgerCommit commitOwnPlan() {
        return ledger.commit(HOSPITAL, doc("plan.txt", OWN_PLAN), PlanDocuments.fingerprint(
                OWN_PLAN.getBytes(StandardCharsets.UTF_8)), Optional.of("H0001"));
    }

    TrackedTask ownTask(int index) {
        return ledger.tasks(TRACKING, Optional.empty(), plan -> plan.isPresent()).get(index);
    }

    @Test
    void commit_isAuditedOnce_andTheSameDocumentAgainChangesNothing() {
        LedgerCommit first = commitOwnPlan();
        LedgerCommit again = commitOwnPlan();

        assertThat(first).isEqualTo(new LedgerCommit(1, 2, 0, 0, 0, List.of()));
        assertThat(again).isEqualTo(new LedgerCommit(1, 0, 0, 2, 0, List.of()));
        assertThat(AuditEntries.of(w, "导入方案")).extracting(AuditEntry::detail).containsExactly(
                "plan.txt：1 个方案，新增 2 项任务，更新 0 项，未变 0 项，移除 0 项",
                "plan.txt：1 个方案，新增 0 项任务，更新 0 项，未变 2 项，移除 0 项");
        assertThat(AuditEntries.of(w, "导入方案")).allSatisfy(e -> assertThat(e.user()).contains("hosp"));
        assertThat(ledger.plans()).singleElement().satisfies(p -> {
            assertThat(p.hospitalId()).contains("H0001");
            assertThat(p.tasks()).isEqualTo(2);
        });
    }

    /** Counts the connections a service borrows, and how many it holds at once, on one thread. */
    static final class CountingAccess implements org.hqd.app.DataAccess {
        int borrows;
        int held;
        int mostHeld;

        @Override
        public <T> T with(java.util.function.Function<org.hqd.store.DataDirectory, T> work) {
            borrows++;
            mostHeld = Math.max(mostHeld, ++held);
            try {
                return w.with(work);
            } finally {
                held--;
            }
        }
    }

    @Test
    void tracking_measuresOnAConnectionOfTheirOwn_once_andNeverWhileHoldingAnother() {
        commitOwnPlan();
        CountingAccess counting = new CountingAccess();
        LedgerService service = new LedgerService(counting, new TickingClock(Instant.parse("2026-11-23T08:00:00Z")));

        List<TrackedTask> first = service.tasks(TRACKING, Optional.empty(), plan -> true);
        int firstBorrows = counting.borrows;
        List<TrackedTask> again = service.tasks(TRACKING, Optional.empty(), plan -> true);

        // the tasks, then the province's measures on a borrow of its own: a reader that waits for measures another
        // reader is computing holds no connection while it waits; both are kept, so the next reader borrows none
        assertThat(firstBorrows).isEqualTo(2);
        assertThat(counting.borrows - firstBorrows).as("the tasks and the measures are kept").isEqualTo(0);
        assertThat(counting.mostHeld).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(first.get(0).checks()).singleElement().satisfies(c -> assertThat(c.met()).contains(false));
    }

    @Test
    void warm_measuresTheDefaultPeriodOnce_forTheTasksAndForTheSamePeriodNamed() {
        commitOwnPlan();
        CountingAccess counting = new CountingAccess();
        LedgerService service = new LedgerService(counting, new TickingClock(Instant.parse("2026-11-23T08:00:00Z")));
        EvaluationPeriod last = w.with(d -> new org.hqd.store.ledger.LedgerTracker(d,
                org.hqd.evaluation.IndicatorCatalog.standard()).defaultPeriod()).orElseThrow();

        service.warm();
        int warmed = counting.borrows;
        List<TrackedTask> byDefault = service.tasks(TRACKING, Optional.empty(), plan -> true);
        List<TrackedTask> named = service.tasks(TRACKING, Optional.of(last), plan -> true);

        // the measures and the default period at the warm-up; afterwards the first reader borrows for the tasks, which
        // are kept for the second
        assertThat(warmed).isEqualTo(2);
        assertThat(counting.borrows - warmed).isEqualTo(1);
        assertThat(named).isEqualTo(byDefault);
        assertThat(byDefault.get(0).checks()).singleElement().satisfies(c -> assertThat(c.met()).contains(false));
    }

    @Test
    void commit_aDocumentWithoutTasks_isRefusedAndNotAudited() {
        assertThatThrownBy(() -> ledger.commit(HOSPITAL, doc("x.txt", "没有任何编号任务的文字。"), "sha", Optional.empty()))
                .isInstanceOf(HqdException.class).hasMessageContaining("没有可识别的任务");
        assertThat(AuditEntries.of(w)).isEmpty();
    }

    @Test
    void update_toDoneWhileTheMeasuredTargetIsMissed_isRefused_andNothingIsWritten() {
        commitOwnPlan();
        TrackedTask alos = ownTask(0);
        assertThat(alos.checks()).singleElement().satisfies(c -> assertThat(c.met()).contains(false));

        assertThatThrownBy(() -> ledger.update(HOSPITAL, alos.task().taskId(), new TaskUpdate(Optional.of(TaskStatus.DONE),
                Optional.empty(), LocalDate.of(2026, 11, 20), "", "", Optional.empty()), TRACKING, Optional.empty()))
                .isInstanceOf(HqdException.class).hasMessageStartingWith(alos.task().taskId() + "：")
                .hasMessageContaining("平均住院日").hasMessageContaining("不能标记为“已完成”");

        assertThat(ledger.notes(alos.task().taskId())).isEmpty();
        assertThat(AuditEntries.of(w, "更新任务")).isEmpty();
    }

    @Test
    void update_recordsTheNoteByTheActor_andAuditsIt() {
        commitOwnPlan();
        String culture = ownTask(1).task().taskId();

        TrackedTask after = ledger.update(HOSPITAL, culture, new TaskUpdate(Optional.of(TaskStatus.IN_PROGRESS),
                Optional.empty(), LocalDate.of(2026, 11, 20), "已制定方案", "http://oa/1", Optional.empty()), TRACKING,
                Optional.empty());
        ledger.update(Actor.commandLine(), culture, new TaskUpdate(Optional.empty(), Optional.of(LocalDate.of(2027, 3, 31)),
                LocalDate.of(2026, 11, 21), "", "", Optional.of("填报人甲")), TRACKING, Optional.empty());

        assertThat(after.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(ledger.notes(culture)).as("newest first").extracting(ProgressNote::author).containsExactly("填报人甲", "hosp");
        assertThat(ownTask(1).task().due()).contains(LocalDate.of(2027, 3, 31));
        List<AuditEntry> audit = AuditEntries.of(w, "更新任务");
        assertThat(audit).extracting(AuditEntry::detail).containsExactly(culture + " 状态→推进中 进展：已制定方案",
                culture + " 期限→2027-03-31");
        assertThat(audit).extracting(AuditEntry::client).containsExactly("10.0.0.7", "命令行");
    }

    @Test
    void update_unknownTask_isNotFound_withTheCommandLinesHintApart() {
        assertThatThrownBy(() -> ledger.update(HOSPITAL, "P0-none", new TaskUpdate(Optional.empty(), Optional.empty(),
                LocalDate.of(2026, 11, 20), "x", "", Optional.empty()), TRACKING, Optional.empty()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.withoutHint()).isEqualTo("没有编号为 P0-none 的任务");
                    assertThat(e.getMessage()).isEqualTo("没有编号为 P0-none 的任务（用 hqd ledger tasks 查看任务编号）");
                });
    }

    @Test
    void tasks_onlyOfThePlansTheReaderSees_regionPlansMeasuredAsTheMedianOfTheHospitals() {
        commitOwnPlan();
        ledger.commit(Actor.demo("demo"), doc("region.txt", REGION_PLAN), "sha", Optional.empty());

        assertThat(ledger.tasks(TRACKING, Optional.empty(), plan -> true)).hasSize(3);
        assertThat(ledger.tasks(TRACKING, Optional.empty(), Optional::isEmpty)).singleElement()
                .satisfies(t -> assertThat(t.task().title()).isEqualTo("加强专科建设"));
        assertThat(ledger.task(ownTask(0).task().taskId(), TRACKING, Optional.empty(), Optional::isEmpty)).isEmpty();
        assertThat(ownTask(0).checks().get(0).basis()).isEqualTo("H0001");
    }

    @Test
    void brief_isAuditedOnce_andAnEmptyLedgerIsRefused() {
        EvaluationPeriod period = EvaluationPeriod.parse("2024");
        assertThatThrownBy(() -> ledger.brief(HOSPITAL, period, TRACKING, plan -> true, "ledger-2024.pdf"))
                .isInstanceOfSatisfying(HqdException.class, e -> assertThat(e.withoutHint()).isEqualTo("台账中还没有任务"));
        commitOwnPlan();

        LedgerSummary s = ledger.brief(HOSPITAL, period, TRACKING, plan -> true, "ledger-2024.pdf");

        assertThat(s.plans()).singleElement().satisfies(p -> assertThat(p.total()).isEqualTo(2));
        assertThat(AuditEntries.of(w, "导出")).extracting(AuditEntry::detail)
                .containsExactly("台账通报 2024 → ledger-2024.pdf");
    }
}
