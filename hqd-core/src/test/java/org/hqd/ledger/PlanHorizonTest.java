package org.hqd.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tasks without a date of their own take their plan's horizon, marked as derived; a government's 意见 is tracked
 * like a plan, its numbered measures its tasks, with unnamed units flagged for review. Expected values read from the
 * Tianjin gazette by hand: the 意见 on standardization (line 37) sets "到 2025 年" and "到 2035 年" in （二）发展目标 and
 * has 24 measures （三）…（二十六） in parts 二 to 九, none naming a unit or a date; the Tianjin–Qingyang plan (line 151)
 * sets "到2027年" and "到2030年" in （三）总体目标 and names no unit in its four 保障措施 items; the public-hospital plan
 * (line 340) "到 2025 年" in 一、总体要求.
 */
class PlanHorizonTest {
    private static final PlanParser PARSER = PolicyDocumentsTest.PARSER;

    private static List<Plan> gazette() {
        return PARSER.parse("tianjin", PolicyDocumentsTest.document("tianjin-gazette-2022-19-20")).plans();
    }

    @Test
    void theGazetteHoldsThreeDocumentsToTrack_theOpinionWithItsMeasures() {
        List<Plan> plans = gazette();
        assertEquals(List.of("天津市人民政府关于贯彻落实《国家标准化发展纲要》的意见", "天津市与庆阳市对口合作实施方案",
                "天津市推动公立医院高质量发展实施方案"), plans.stream().map(Plan::title).toList());
        Plan opinion = plans.get(0);
        assertEquals(37, opinion.line());
        List<PlanTask> measures = opinion.tasks();
        assertEquals(24, measures.size());
        assertEquals("（三）", measures.get(0).taskNo().replace('(', '（').replace(')', '）'));
        assertEquals("加强关键技术领域标准研究布局", measures.get(0).title());
        assertEquals("二、推动标准化与科技创新互动发展", measures.get(0).section());
        PlanTask last = measures.get(23);
        assertEquals("完善配套政策", last.title());
        assertEquals("九、组织保障", last.section());
        for (PlanTask t : measures) {
            assertTrue(t.unitsUnnamed(), t.title());
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), t.due(), t.title());
            assertTrue(t.dueDerived(), t.title());
            assertEquals(1, t.deadlines().size(), t.title());
            assertEquals(Deadline.DERIVED + "到 2025 年", t.deadlines().get(0).text().strip());
        }
        String review = LedgerReview.write(new ExtractedDocument("g", List.of(opinion)));
        assertTrue(review.lines().skip(3).allMatch(l -> l.endsWith("\t是\t未写明责任单位，请核定；完成期限按方案期限推定")),
                review);
    }

    @Test
    void tasksWithoutADateTakeTheirPlansHorizon_marked() {
        List<Plan> plans = gazette();
        Plan qingyang = plans.get(1);
        Plan hospitals = plans.get(2);
        assertEquals(34, qingyang.tasks().size());
        assertEquals(26, hospitals.tasks().size());
        for (PlanTask t : qingyang.tasks()) {
            assertEquals(Optional.of(LocalDate.of(2027, 12, 31)), t.due(), t.title());
            assertTrue(t.dueDerived(), t.title());
        }
        // the four 保障措施 items (lines 318–326) name no unit: flagged; the 30 two-sided tasks name theirs
        assertEquals(List.of(318, 320, 324, 326), qingyang.tasks().stream().filter(PlanTask::unitsUnnamed)
                .map(PlanTask::sourceLine).toList());
        assertEquals(List.of(), hospitals.tasks().stream().filter(PlanTask::unitsUnnamed).map(PlanTask::title).toList());
        for (PlanTask t : hospitals.tasks()) {
            assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), t.due(), t.title());
            assertTrue(t.dueDerived(), t.title());
        }
    }

    @Test
    void aTasksOwnDateIsKept_andAPlanWithoutHorizonLeavesTheRestUndated() {
        Plan p = PARSER.parse("p", """
                某医院高质量发展实施方案
                一、总体要求
                （一）工作目标
                到2026年，建成现代医院管理制度。
                二、重点任务
                1.完善内部控制。2025年6月底前完成。（财务科负责）
                2.加强文化建设。（党办负责）
                """).plans().get(0);
        assertEquals(Optional.of(LocalDate.of(2025, 6, 30)), p.tasks().get(0).due());
        assertFalse(p.tasks().get(0).dueDerived());
        assertEquals(List.of(new Deadline(Deadline.DERIVED + "到2026年", Optional.of(LocalDate.of(2026, 12, 31)))),
                p.tasks().get(1).deadlines());
        Plan none = PARSER.parse("q", """
                某医院实施方案
                二、重点任务
                1.加强文化建设。（党办负责）
                """).plans().get(0);
        assertEquals(Optional.empty(), none.tasks().get(0).due());
        assertFalse(none.tasks().get(0).dueDerived());
    }
}
