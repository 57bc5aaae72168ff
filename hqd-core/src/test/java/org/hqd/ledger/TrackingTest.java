package org.hqd.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.hqd.ledger.Tracking.Assessment;
import org.junit.jupiter.api.Test;

/** {@link Tracking} as of 2026-11-23 with the default 60 warning days, and {@link TargetCheck#of}. */
class TrackingTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final Tracking TRACKING = new Tracking(AS_OF, Tracking.DEFAULT_WARNING_DAYS);

    /** 平均住院日控制在8天以内: alos ≤ 8. */
    static final TaskTarget ALOS = new TaskTarget("控制在8天以内", "平均住院日", "8", OptionalDouble.of(8), "天",
            TargetComparator.AT_MOST, Optional.of("alos"), OptionalDouble.of(8));

    static final TargetCheck ALOS_MISSED = TargetCheck.of(ALOS, OptionalDouble.of(9.5), "H001");
    static final TargetCheck ALOS_MET = TargetCheck.of(ALOS, OptionalDouble.of(7.2), "H001");
    static final TargetCheck ALOS_UNKNOWN = TargetCheck.of(ALOS, OptionalDouble.empty(), "H001");

    static Assessment assess(TaskStatus declared, String due, TargetCheck... checks) {
        return TRACKING.assess(declared, due == null ? Optional.empty() : Optional.of(LocalDate.parse(due)),
                List.of(checks));
    }

    static TaskTarget target(TargetComparator c, double value) {
        return new TaskTarget("x", "", "x", OptionalDouble.of(value), "", c, Optional.of("i"), OptionalDouble.of(value));
    }

    static Optional<Boolean> met(TargetComparator c, double target, double actual) {
        return TargetCheck.of(target(c, target), OptionalDouble.of(actual), "").met();
    }

    // ---------------------------------------------------------------- assess

    @Test
    void doneStaysDoneEvenPastDue() {
        assertEquals(new Assessment(TaskStatus.DONE, ""), assess(TaskStatus.DONE, "2025-12-31"));
        assertEquals(new Assessment(TaskStatus.DONE, ""), assess(TaskStatus.DONE, "2026-12-01", ALOS_MISSED));
    }

    @Test
    void pastDueIsOverdueWhateverWasDeclared() {
        for (TaskStatus declared : List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.AT_RISK)) {
            assertEquals(new Assessment(TaskStatus.OVERDUE, "已过完成期限 2026-11-22"),
                    assess(declared, "2026-11-22"), declared.name());
        }
        assertEquals(new Assessment(TaskStatus.OVERDUE, "已过完成期限 2025-12-31"),
                assess(TaskStatus.IN_PROGRESS, "2025-12-31", ALOS_MET));
    }

    @Test
    void theDueDateItselfIsNotOverdue() {
        assertEquals(new Assessment(TaskStatus.IN_PROGRESS, ""), assess(TaskStatus.IN_PROGRESS, "2026-11-23"));
        assertEquals(new Assessment(TaskStatus.AT_RISK, "距完成期限 0 天仍未启动"), assess(TaskStatus.NOT_STARTED, "2026-11-23"));
    }

    @Test
    void notStartedWithinTheWarningDaysIsAtRisk() {
        assertEquals(new Assessment(TaskStatus.AT_RISK, "距完成期限 30 天仍未启动"), assess(TaskStatus.NOT_STARTED, "2026-12-23"));
        // 2026-11-23 + 60 days = 2027-01-22: the last day of the window
        assertEquals(new Assessment(TaskStatus.AT_RISK, "距完成期限 60 天仍未启动"), assess(TaskStatus.NOT_STARTED, "2027-01-22"));
    }

    @Test
    void notStartedOutsideTheWarningDaysIsAsDeclared() {
        assertEquals(new Assessment(TaskStatus.NOT_STARTED, ""), assess(TaskStatus.NOT_STARTED, "2027-01-23"));
        assertEquals(new Assessment(TaskStatus.NOT_STARTED, ""), assess(TaskStatus.NOT_STARTED, null));
    }

    @Test
    void inProgressWithATargetNotMetWithinTheWarningDaysIsAtRisk() {
        assertEquals(new Assessment(TaskStatus.AT_RISK,
                        "距完成期限 38 天，目标“平均住院日控制在8天以内”尚未达到（H001，实际 9.5，目标 ≤ 8）"),
                assess(TaskStatus.IN_PROGRESS, "2026-12-31", ALOS_MET, ALOS_MISSED));
    }

    @Test
    void describeWithoutBasis() {
        assertEquals("目标“平均住院日控制在8天以内”尚未达到（实际 9.5，目标 ≤ 8）",
                Tracking.describe(TargetCheck.of(ALOS, OptionalDouble.of(9.5), "")));
    }

    @Test
    void inProgressWithTargetsMetOrUnknownIsAsDeclared() {
        assertEquals(new Assessment(TaskStatus.IN_PROGRESS, ""), assess(TaskStatus.IN_PROGRESS, "2026-12-31", ALOS_MET));
        assertEquals(new Assessment(TaskStatus.IN_PROGRESS, ""),
                assess(TaskStatus.IN_PROGRESS, "2026-12-31", ALOS_UNKNOWN));
        assertEquals(new Assessment(TaskStatus.IN_PROGRESS, ""), assess(TaskStatus.IN_PROGRESS, "2026-12-31"));
    }

    @Test
    void inProgressWithATargetNotMetOutsideTheWarningDaysIsAsDeclared() {
        assertEquals(new Assessment(TaskStatus.IN_PROGRESS, ""),
                assess(TaskStatus.IN_PROGRESS, "2027-01-23", ALOS_MISSED));
        assertEquals(new Assessment(TaskStatus.IN_PROGRESS, ""), assess(TaskStatus.IN_PROGRESS, null, ALOS_MISSED));
    }

    @Test
    void declaredAtRiskStaysAtRiskWithoutReason() {
        assertEquals(new Assessment(TaskStatus.AT_RISK, ""), assess(TaskStatus.AT_RISK, "2027-06-30"));
        assertEquals(new Assessment(TaskStatus.AT_RISK, ""), assess(TaskStatus.AT_RISK, null));
    }

    @Test
    void warningDaysZero() {
        Tracking t = new Tracking(AS_OF, 0);
        assertEquals(AS_OF, t.asOf());
        assertEquals(new Assessment(TaskStatus.NOT_STARTED, ""),
                t.assess(TaskStatus.NOT_STARTED, Optional.of(LocalDate.of(2026, 11, 24)), List.of()));
        assertEquals(new Assessment(TaskStatus.AT_RISK, "距完成期限 0 天仍未启动"),
                t.assess(TaskStatus.NOT_STARTED, Optional.of(AS_OF), List.of()));
    }

    @Test
    void negativeWarningDaysAreRefused() {
        assertEquals("预警天数不能为负数：-1",
                assertThrows(HqdException.class, () -> new Tracking(AS_OF, -1)).getMessage());
    }

    // ---------------------------------------------------------------- refusal

    @Test
    void overdueIsNeverDeclarable() {
        Optional<String> expected = Optional.of("“已逾期”由完成期限自动判定，不能手工设置；可以设置为“有风险”或调整完成期限");
        assertEquals(expected, Tracking.refusal(TaskStatus.OVERDUE, List.of()));
        assertEquals(expected, Tracking.refusal(TaskStatus.OVERDUE, List.of(ALOS_MET)));
    }

    @Test
    void doneIsRefusedWhileAMeasuredTargetIsNotMet() {
        assertEquals(Optional.of("目标“平均住院日控制在8天以内”尚未达到（H001，实际 9.5，目标 ≤ 8），不能标记为“已完成”（进度以数据为准）"),
                Tracking.refusal(TaskStatus.DONE, List.of(ALOS_MET, ALOS_MISSED)));
    }

    @Test
    void doneIsAllowedWhenTargetsAreMetOrUnknown() {
        assertEquals(Optional.empty(), Tracking.refusal(TaskStatus.DONE, List.of(ALOS_MET)));
        assertEquals(Optional.empty(), Tracking.refusal(TaskStatus.DONE, List.of(ALOS_UNKNOWN)));
        assertEquals(Optional.empty(), Tracking.refusal(TaskStatus.DONE, List.of()));
    }

    @Test
    void otherStatusesAreAlwaysDeclarable() {
        for (TaskStatus s : List.of(TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.AT_RISK)) {
            assertEquals(Optional.empty(), Tracking.refusal(s, List.of(ALOS_MISSED)), s.name());
        }
    }

    // ---------------------------------------------------------------- TargetCheck.of

    @Test
    void checkKeepsWhatItWasGiven() {
        assertEquals(new TargetCheck(ALOS, OptionalDouble.of(9.5), Optional.of(false), "H001"), ALOS_MISSED);
        assertEquals(new TargetCheck(ALOS, OptionalDouble.of(7.2), Optional.of(true), "H001"), ALOS_MET);
    }

    @Test
    void reachAndAtLeastAreMetFromTheTargetUp() {
        for (TargetComparator c : List.of(TargetComparator.REACH, TargetComparator.AT_LEAST)) {
            assertEquals(Optional.of(true), met(c, 0.35, 0.35), c.name());
            assertEquals(Optional.of(true), met(c, 0.35, 0.5), c.name());
            assertEquals(Optional.of(false), met(c, 0.35, 0.3499), c.name());
        }
    }

    @Test
    void atMostIsMetFromTheTargetDown() {
        assertEquals(Optional.of(true), met(TargetComparator.AT_MOST, 8, 8));
        assertEquals(Optional.of(true), met(TargetComparator.AT_MOST, 8, 6.5));
        assertEquals(Optional.of(false), met(TargetComparator.AT_MOST, 8, 8.01));
    }

    @Test
    void aboutIsMetWithinTenPercent() {
        assertEquals(0.10, TargetComparator.ABOUT_TOLERANCE);
        // target 10: 9 and 11 are exactly 10 % off, 8.9 and 11.1 are 11 % off
        assertEquals(Optional.of(true), met(TargetComparator.ABOUT, 10, 10));
        assertEquals(Optional.of(true), met(TargetComparator.ABOUT, 10, 9));
        assertEquals(Optional.of(true), met(TargetComparator.ABOUT, 10, 11));
        assertEquals(Optional.of(false), met(TargetComparator.ABOUT, 10, 8.9));
        assertEquals(Optional.of(false), met(TargetComparator.ABOUT, 10, 11.1));
        // target 2 (医护比 1:2左右): 1.8 is 10 % under
        assertEquals(Optional.of(true), met(TargetComparator.ABOUT, 2, 1.8));
        assertEquals(Optional.of(false), met(TargetComparator.ABOUT, 2, 1.79));
        assertEquals(Optional.of(false), met(TargetComparator.ABOUT, 2, 2.21));
    }

    @Test
    void aboutIsMetExactlyTenPercentOverTheTarget() {
        assertEquals(Optional.of(true), met(TargetComparator.ABOUT, 2, 2.2));
        assertEquals(Optional.of(true), met(TargetComparator.ABOUT, 0.35, 0.385));
    }

    @Test
    void noActualOrNoIndicatorValueMeansUnknown() {
        assertEquals(Optional.empty(), ALOS_UNKNOWN.met());
        TaskTarget unlinked = new TaskTarget("30个", "新增", "30", OptionalDouble.of(30), "个", TargetComparator.REACH,
                Optional.empty(), OptionalDouble.empty());
        assertEquals(Optional.empty(), TargetCheck.of(unlinked, OptionalDouble.of(40), "H001").met());
    }

    @Test
    void formatForPeople() {
        assertEquals("—", Tracking.format(Double.NaN));
        assertEquals("8", Tracking.format(8.0));
        assertEquals("9.5", Tracking.format(9.5));
        assertEquals("0.35", Tracking.format(0.35));
        assertEquals("0.1235", Tracking.format(0.123456));
        assertEquals("1235", Tracking.format(1234.5678));
    }

    @Test
    void statusLabels() {
        assertEquals(Optional.of(TaskStatus.DONE), TaskStatus.of("已完成"));
        assertEquals(Optional.of(TaskStatus.IN_PROGRESS), TaskStatus.of(" in_progress "));
        assertEquals(Optional.empty(), TaskStatus.of("完成"));
        assertEquals(Optional.empty(), TaskStatus.of(null));
    }
}
