package org.hqd.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.ledger.LedgerSummary.PlanProgress;
import org.hqd.ledger.LedgerSummary.UnitProgress;
import org.junit.jupiter.api.Test;

/** {@link LedgerSummary#of} on hand-made tracked tasks. */
class LedgerSummaryTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    static final TaskTarget ALOS = new TaskTarget("控制在8天以内", "平均住院日", "8", OptionalDouble.of(8), "天",
            TargetComparator.AT_MOST, Optional.of("alos"), OptionalDouble.of(8));

    static TrackedTask tracked(String planId, String planTitle, String taskId, List<String> lead, List<String> co,
                               String due, TaskStatus status, TargetCheck... checks) {
        PlanTask task = new PlanTask(taskId, "", "1.", "任务" + taskId, "1.任务" + taskId, lead, co, List.of(),
                due == null ? Optional.empty() : Optional.of(LocalDate.parse(due)), List.of(), 1);
        return new TrackedTask(planId, planTitle, Optional.of("H001"), task, status, status, "", List.of(checks),
                Optional.empty(), 0);
    }

    static Map<TaskStatus, Integer> counts(Object... statusAndCount) {
        Map<TaskStatus, Integer> m = new EnumMap<>(TaskStatus.class);
        for (int i = 0; i < statusAndCount.length; i += 2) {
            m.put((TaskStatus) statusAndCount[i], (Integer) statusAndCount[i + 1]);
        }
        return m;
    }

    static final TargetCheck MISSED = TargetCheck.of(ALOS, OptionalDouble.of(9.5), "H001");
    static final TargetCheck MET = TargetCheck.of(ALOS, OptionalDouble.of(7.0), "H001");

    static final TrackedTask A1 = tracked("PA", "甲方案", "PA-01", List.of("医务部"), List.of("护理部"), "2026-06-30",
            TaskStatus.DONE);
    static final TrackedTask A2 = tracked("PA", "甲方案", "PA-02", List.of("医务部"), List.of(), "2026-09-30",
            TaskStatus.OVERDUE);
    static final TrackedTask A3 = tracked("PA", "甲方案", "PA-03", List.of("护理部"), List.of("医务部"), "2026-12-31",
            TaskStatus.AT_RISK, MISSED);
    static final TrackedTask A4 = tracked("PA", "甲方案", "PA-04", List.of("信息科"), List.of(), null,
            TaskStatus.IN_PROGRESS, MET);
    static final TrackedTask B1 = tracked("PB", "乙方案", "PB-01", List.of("医务部"), List.of(), "2026-12-15",
            TaskStatus.AT_RISK);
    static final TrackedTask B2 = tracked("PB", "乙方案", "PB-02", List.of("信息科"), List.of("医务部"), "2026-03-31",
            TaskStatus.OVERDUE);
    static final TrackedTask B3 = tracked("PB", "乙方案", "PB-03", List.of("财务科"), List.of(), null,
            TaskStatus.AT_RISK);
    static final List<TrackedTask> TASKS = List.of(A1, A2, A3, A4, B1, B2, B3);

    @Test
    void perPlanCountsAndDoneShare() {
        LedgerSummary s = LedgerSummary.of(AS_OF, TASKS);
        assertEquals(AS_OF, s.asOf());
        assertEquals(List.of(
                new PlanProgress("PA", "甲方案", counts(TaskStatus.IN_PROGRESS, 1, TaskStatus.AT_RISK, 1,
                        TaskStatus.OVERDUE, 1, TaskStatus.DONE, 1)),
                new PlanProgress("PB", "乙方案", counts(TaskStatus.AT_RISK, 2, TaskStatus.OVERDUE, 1))), s.plans());
        PlanProgress a = s.plans().get(0);
        PlanProgress b = s.plans().get(1);
        assertEquals(4, a.total());
        assertEquals(0.25, a.doneShare());
        assertEquals(1, a.count(TaskStatus.OVERDUE));
        assertEquals(0, a.count(TaskStatus.NOT_STARTED));
        assertEquals(3, b.total());
        assertEquals(0.0, b.doneShare());
        assertEquals(2, b.count(TaskStatus.AT_RISK));
    }

    @Test
    void planWithoutTasksHasDoneShareZero() {
        PlanProgress empty = new PlanProgress("PX", "空方案", counts());
        assertEquals(0, empty.total());
        assertEquals(0.0, empty.doneShare());
    }

    @Test
    void perUnitLeadAndCoCountsMostOverdueFirst() {
        // 医务部: lead A1 A2 B1, co A3 B2; overdue A2 B2 → 2
        // 信息科: lead A4 B2; overdue B2 → 1
        // 护理部: lead A3, co A1 → total 2; 财务科: lead B3 → total 1
        assertEquals(List.of(
                new UnitProgress("医务部", 3, 2, counts(TaskStatus.AT_RISK, 2, TaskStatus.OVERDUE, 2, TaskStatus.DONE, 1)),
                new UnitProgress("信息科", 2, 0, counts(TaskStatus.IN_PROGRESS, 1, TaskStatus.OVERDUE, 1)),
                new UnitProgress("护理部", 1, 1, counts(TaskStatus.AT_RISK, 1, TaskStatus.DONE, 1)),
                new UnitProgress("财务科", 1, 0, counts(TaskStatus.AT_RISK, 1))),
                LedgerSummary.of(AS_OF, TASKS).units());
        UnitProgress medical = LedgerSummary.of(AS_OF, TASKS).units().get(0);
        assertEquals(5, medical.total());
        assertEquals(2, medical.count(TaskStatus.OVERDUE));
        assertEquals(0, medical.count(TaskStatus.NOT_STARTED));
    }

    @Test
    void unitsWithEqualCountsAreInNameOrder() {
        TrackedTask x = tracked("PA", "甲方案", "PA-01", List.of("b科"), List.of(), null, TaskStatus.IN_PROGRESS);
        TrackedTask y = tracked("PA", "甲方案", "PA-02", List.of("a科"), List.of(), null, TaskStatus.IN_PROGRESS);
        assertEquals(List.of("a科", "b科"),
                LedgerSummary.of(AS_OF, List.of(x, y)).units().stream().map(UnitProgress::unit).toList());
    }

    @Test
    void unitBothLeadAndCoOfATaskCountsOnceAsLead() {
        TrackedTask t = tracked("PA", "甲方案", "PA-01", List.of("医务部"), List.of("医务部", "护理部"), null,
                TaskStatus.NOT_STARTED);
        assertEquals(List.of(
                new UnitProgress("医务部", 1, 0, counts(TaskStatus.NOT_STARTED, 1)),
                new UnitProgress("护理部", 0, 1, counts(TaskStatus.NOT_STARTED, 1))),
                LedgerSummary.of(AS_OF, List.of(t)).units());
    }

    @Test
    void followUpIsOverdueFirstThenAtRiskByDueDate() {
        // overdue: B2 (2026-03-31), A2 (2026-09-30); at risk: B1 (2026-12-15), A3 (2026-12-31), B3 (no date)
        assertEquals(List.of(B2, A2, B1, A3, B3), LedgerSummary.of(AS_OF, TASKS).followUp());
    }

    @Test
    void followUpWithTheSameDueDateIsByTaskId() {
        TrackedTask late = tracked("PA", "甲方案", "PA-09", List.of("医务部"), List.of(), "2026-12-31", TaskStatus.AT_RISK);
        TrackedTask early = tracked("PA", "甲方案", "PA-05", List.of("医务部"), List.of(), "2026-12-31", TaskStatus.AT_RISK);
        assertEquals(List.of(early, late), LedgerSummary.of(AS_OF, List.of(late, early)).followUp());
    }

    @Test
    void measuredAreTheTasksWithChecksInTheirOrder() {
        assertEquals(List.of(A3, A4), LedgerSummary.of(AS_OF, TASKS).measured());
    }

    @Test
    void emptyLedger() {
        assertEquals(new LedgerSummary(AS_OF, List.of(), List.of(), List.of(), List.of()), LedgerSummary.of(AS_OF, List.of()));
    }
}
