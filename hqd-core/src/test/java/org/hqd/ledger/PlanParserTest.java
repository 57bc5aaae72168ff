package org.hqd.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

/**
 * The parser on small hand-written documents whose ledgers were worked out by hand from the rules
 * ({@code extraction-rules.json}, {@code indicator-links.tsv}).
 */
class PlanParserTest {
    static final PlanParser PARSER = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());

    /** A notice, a title, a general part, parts with groups and tasks, wrapped lines, restarted numbering. */
    static final String CITY_PLAN = """
            关于印发某市公立医院高质量发展实施方案的通知
            各区卫生健康委：
            现将《某市公立医院高质量发展实施方案》印发给你们，请认真贯彻落实。

            某市公立医院高质量发展实施方案

            一、总体要求
            （一）指导思想
            坚持以人民健康为中心，到2025年完成改革。（市卫健委负责）
            二、重点任务
            （一）加强学科建设
            1.建设临床重点专科。每年遴选10个

            市级重点专科，到2025年建成

            30个。（市卫健委负责）
            1.1 遴选原则另行制定。
            2.推进医疗技术创新。鼓励开展新技术。（市科技局、市卫健委按职责分工负责）
            （二）提升医疗质量
            1.规范诊疗行为。落实核心制度。（责任单位：市卫健委）
            三、保障措施
            （一）加强组织领导。各区要建立工作机制。（各区政府负责）
            （二）强化宣传引导。营造良好氛围。
            四、加强督导考核。定期通报进展。（市卫健委负责）
            五、附则。本方案自印发之日起施行。
            """;

    static ExtractedDocument parse(String text) {
        return PARSER.parse("test.txt", text);
    }

    /** A task of plan {@code planId}; its id is worked out by {@link #id} from its section and title. */
    static PlanTask task(String planId, String section, String no, String title, String text, List<String> lead,
                         List<String> co, List<Deadline> deadlines, List<TaskTarget> targets, int line) {
        return new PlanTask(id(planId, section, title), section, no, title, text, lead, co, deadlines,
                PlanTask.latest(deadlines), targets, line);
    }

    /**
     * A task's id as documented: the plan's id, "-", and the first 3 bytes (6 hex digits) of the SHA-256 of
     * "section\ntitle" in UTF-8. Worked out here with MessageDigest, not with the parser's own code.
     */
    static String id(String planId, String section, String title) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((section + "\n" + title).getBytes(StandardCharsets.UTF_8));
            return planId + "-" + HexFormat.of().formatHex(h).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Deadline deadline(String text, String date) {
        return new Deadline(text, date == null ? Optional.empty() : Optional.of(LocalDate.parse(date)));
    }

    static TaskTarget target(String text, String phrase, String valueText, double value, String unit,
                             TargetComparator c) {
        return new TaskTarget(text, phrase, valueText, OptionalDouble.of(value), unit, c, Optional.empty(),
                OptionalDouble.empty());
    }

    static TaskTarget linked(TaskTarget t, String indicator, double value) {
        return t.linked(Optional.of(indicator), OptionalDouble.of(value));
    }

    // ---------------------------------------------------------------- plans, levels, sections

    @Test
    void titleTypeset_gapBetweenChineseCharactersDropped_otherSpacesKept() {
        assertEquals("天津市人民政府关于贯彻落实《国家标准化发展纲要》的意见",
                PlanParser.typeset("天津市人民政府关于贯彻 落实《国家标准化发展纲要》 的意见"));
        assertEquals("HQD 医院 2024 年实施方案", PlanParser.typeset("HQD 医院 2024 年实施方案"));
        assertEquals("某市（试行）方案", PlanParser.typeset("某市（试行） 方案"));
    }

    @Test
    void cityPlanIsOnePlanWithItsTitleLine() {
        ExtractedDocument doc = parse(CITY_PLAN);
        assertEquals("test.txt", doc.name());
        assertEquals(1, doc.plans().size(), "the notice line must not start a plan");
        Plan plan = doc.plans().get(0);
        assertEquals("某市公立医院高质量发展实施方案", plan.title());
        assertEquals(5, plan.line());
        assertTrue(plan.planId().matches("P[0-9a-f]{8}"), plan.planId());
        assertEquals(6, doc.taskCount());
    }

    @Test
    void cityPlanTasksExactly() {
        Plan plan = parse(CITY_PLAN).plans().get(0);
        String p = plan.planId();
        // the tasks without a date of their own take the plan's horizon: 总体要求's "到2025年", marked as derived
        List<Deadline> h = List.of(deadline(Deadline.DERIVED + "到2025年", "2025-12-31"));
        List<PlanTask> expected = List.of(
                task(p, "二、重点任务", "1.", "建设临床重点专科",
                        "1.建设临床重点专科。每年遴选10个市级重点专科，到2025年建成30个。（市卫健委负责）1.1 遴选原则另行制定。",
                        List.of("市卫健委"), List.of(), List.of(deadline("到2025年", "2025-12-31")),
                        List.of(target("10个", "每年遴选", "10", 10, "个", TargetComparator.REACH),
                                target("30个", "到2025年建成", "30", 30, "个", TargetComparator.REACH)), 12),
                task(p, "二、重点任务", "2.", "推进医疗技术创新",
                        "2.推进医疗技术创新。鼓励开展新技术。（市科技局、市卫健委按职责分工负责）",
                        List.of("市科技局", "市卫健委"), List.of(), h, List.of(), 18),
                task(p, "二、重点任务", "1.", "规范诊疗行为", "1.规范诊疗行为。落实核心制度。（责任单位：市卫健委）",
                        List.of("市卫健委"), List.of(), h, List.of(), 20),
                task(p, "三、保障措施", "（一）", "加强组织领导", "（一）加强组织领导。各区要建立工作机制。（各区政府负责）",
                        List.of("各区政府"), List.of(), h, List.of(), 22),
                task(p, "三、保障措施", "（二）", "强化宣传引导", "（二）强化宣传引导。营造良好氛围。",
                        List.of(), List.of(), h, List.of(), 23),
                task(p, "四、加强督导考核", "四、", "加强督导考核", "四、加强督导考核。定期通报进展。（市卫健委负责）",
                        List.of("市卫健委"), List.of(), h, List.of(), 24));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), plan.tasks().get(i), "task " + (i + 1));
        }
        assertEquals(expected, plan.tasks());
    }

    @Test
    void wrappedNoticeTitleIsNotAPlanTitle() {
        ExtractedDocument doc = parse("""
                关于印发某市公立医院高质量发展实施方案
                的通知
                某市公立医院高质量发展实施方案
                1.加强学科建设。（市卫健委负责）
                """);
        assertEquals(1, doc.plans().size());
        assertEquals("某市公立医院高质量发展实施方案", doc.plans().get(0).title());
        assertEquals(3, doc.plans().get(0).line());
        assertEquals(List.of("加强学科建设"), doc.plans().get(0).tasks().stream().map(PlanTask::title).toList());
    }

    @Test
    void groupsWithTasksAreSectionsAndGroupsWithoutTasksAreTasks() {
        Plan plan = parse("""
                某医院高质量发展实施方案
                (一)提升医疗服务能力
                1、加强急诊建设。（医务部负责）
                2、完善日间手术。（医务部负责）
                (二)加强运营管理
                1、推进预算管理。（财务部负责）
                (三)加强人才队伍建设。
                (1)引进高层次人才。（人事部、医务部负责）
                (2)加强本土人才培养。（医务部、人事部、医务处负责）
                """).plans().get(0);
        String p = plan.planId();
        assertEquals("某医院高质量发展实施方案", plan.title());
        assertEquals(1, plan.line());
        assertEquals(List.of(
                task(p, "(一)提升医疗服务能力", "1、", "加强急诊建设", "1、加强急诊建设。（医务部负责）",
                        List.of("医务部"), List.of(), List.of(), List.of(), 3),
                task(p, "(一)提升医疗服务能力", "2、", "完善日间手术", "2、完善日间手术。（医务部负责）",
                        List.of("医务部"), List.of(), List.of(), List.of(), 4),
                task(p, "(二)加强运营管理", "1、", "推进预算管理", "1、推进预算管理。（财务部负责）",
                        List.of("财务部"), List.of(), List.of(), List.of(), 6),
                // a group with sub-items (1)(2) and no 1.-level item is a task; its units are deduplicated by
                // exact string across the sub-items (医务处 is not 医务部)
                task(p, "", "(三)", "加强人才队伍建设",
                        "(三)加强人才队伍建设。(1)引进高层次人才。（人事部、医务部负责）(2)加强本土人才培养。（医务部、人事部、医务处负责）",
                        List.of("人事部", "医务部", "医务处"), List.of(), List.of(), List.of(), 7)),
                plan.tasks());
    }

    @Test
    void documentWithoutTitleLineIsOnePlanNamedByItsFirstLine() {
        ExtractedDocument doc = parse("""
                某医院2024年重点工作任务
                1.完善分级诊疗体系。（医务部负责）
                2.推进医联体建设。（医务部、医联体办公室负责）
                """);
        assertEquals(1, doc.plans().size());
        Plan plan = doc.plans().get(0);
        String p = plan.planId();
        assertEquals("某医院2024年重点工作任务", plan.title());
        assertEquals(1, plan.line());
        assertEquals(List.of(
                task(p, "", "1.", "完善分级诊疗体系", "1.完善分级诊疗体系。（医务部负责）",
                        List.of("医务部"), List.of(), List.of(), List.of(), 2),
                task(p, "", "2.", "推进医联体建设", "2.推进医联体建设。（医务部、医联体办公室负责）",
                        List.of("医务部", "医联体办公室"), List.of(), List.of(), List.of(), 3)),
                plan.tasks());
    }

    @Test
    void documentWithoutTitleAndLongFirstLineIsNamedByTheFile() {
        String first = "说明文字".repeat(11) + "。"; // 45 characters: too long for a title
        ExtractedDocument doc = PARSER.parse("plan.txt", first + "\n1.完善分级诊疗体系。（医务部负责）\n");
        assertEquals(1, doc.plans().size());
        assertEquals("plan.txt", doc.plans().get(0).title());
        assertEquals(1, doc.taskCount());
    }

    @Test
    void severalPlansInOneDocumentRestartTheirNumbering() {
        ExtractedDocument doc = parse("""
                甲医院改革实施方案
                1.加强学科建设。（医务部负责）
                2.加强人才建设。（人事部负责）
                乙医院改革实施方案
                1.改善就医体验。（门诊部负责）
                """);
        assertEquals(List.of("甲医院改革实施方案", "乙医院改革实施方案"), doc.plans().stream().map(Plan::title).toList());
        assertEquals(List.of(1, 4), doc.plans().stream().map(Plan::line).toList());
        Plan a = doc.plans().get(0);
        Plan b = doc.plans().get(1);
        assertEquals(List.of(id(a.planId(), "", "加强学科建设"), id(a.planId(), "", "加强人才建设")),
                a.tasks().stream().map(PlanTask::taskId).toList());
        assertEquals(List.of(id(b.planId(), "", "改善就医体验")), b.tasks().stream().map(PlanTask::taskId).toList());
        assertEquals(List.of(5), b.tasks().stream().map(PlanTask::sourceLine).toList());
        assertEquals(List.of("门诊部"), b.tasks().get(0).leadUnits());
    }

    @Test
    void titleWithPianSuffixStartsAPlan() {
        ExtractedDocument doc = parse("""
                医疗服务提升行动方案篇一
                1.加强学科建设。（医务部负责）
                医疗服务提升行动方案篇二
                1.加强人才建设。（人事部负责）
                """);
        assertEquals(List.of("医疗服务提升行动方案篇一", "医疗服务提升行动方案篇二"),
                doc.plans().stream().map(Plan::title).toList());
    }

    @Test
    void generalHeadingsAreNotTasks() {
        Plan plan = parse("""
                某医院改革实施方案
                （一）指导思想
                坚持公益性。（党办负责）
                （二）总体目标
                到2025年，全面建成。（院办负责）
                （三）加强学科建设。（医务部负责）
                1.基本原则。坚持问题导向。（院办负责）
                2.建设重点专科。（医务部负责）
                """).plans().get(0);
        // （三） has 1.-level items under it, so it is a section, not a task; its item 1. is a general heading
        String p = plan.planId();
        assertEquals(List.of(task(p, "（三）加强学科建设", "2.", "建设重点专科", "2.建设重点专科。（医务部负责）",
                List.of("医务部"), List.of(), List.of(deadline(Deadline.DERIVED + "到2025年", "2025-12-31")), List.of(), 8)),
                plan.tasks());
    }

    @Test
    void generalHeadingsAloneMeanNoTask() {
        HqdException e = assertThrows(HqdException.class, () -> parse("""
                某医院改革实施方案
                一、总体要求
                （一）指导思想
                坚持公益性。（党办负责）
                （二）基本原则
                坚持问题导向。
                """));
        assertEquals("test.txt 中没有可识别的任务：找到 1 个方案标题，但没有编号任务（如“（一）…”“1.…”）"
                + "。请确认这是一份实施方案，或用 --rules 提供适合它的提取规则", e.getMessage());
    }

    @Test
    void decimalNumberingIsNotATask() {
        Plan plan = parse("""
                某医院改革实施方案
                1.加强学科建设。（医务部负责）
                1.1 制定学科规划。
                1.2 建设重点专科。
                """).plans().get(0);
        assertEquals(1, plan.tasks().size());
        assertEquals("1.加强学科建设。（医务部负责）1.1 制定学科规划。1.2 建设重点专科。", plan.tasks().get(0).text());
    }

    @Test
    void lineStartingWithGradeThreeAndFourSurgeryIsNotAPart() {
        Plan plan = parse("""
                某医院高质量发展实施方案
                一、重点任务
                1.提升手术能力。到2025年，
                三、四级手术占比达到60%以上。（医务部负责）
                2.加强学科建设。（医务部负责）
                """).plans().get(0);
        assertEquals(List.of("1.", "2."), plan.tasks().stream().map(PlanTask::taskNo).toList());
        PlanTask t = plan.tasks().get(0);
        assertEquals("一、重点任务", t.section());
        assertEquals("1.提升手术能力。到2025年，三、四级手术占比达到60%以上。（医务部负责）", t.text());
        assertEquals(List.of("医务部"), t.leadUnits());
        assertEquals(List.of(deadline("到2025年", "2025-12-31")), t.deadlines());
        assertEquals(List.of("达到60%以上"), t.targets().stream().map(TaskTarget::text).toList());
        assertEquals("一、重点任务", plan.tasks().get(1).section());
    }

    @Test
    void numberedTaskLineEndingInPlanIsNotAPlanTitle() {
        ExtractedDocument doc = parse("""
                某医院高质量发展实施方案
                一、重点任务
                1.实施青年人才培养计划
                每年选派10名骨干进修。（人事部负责）
                2.加强学科建设。（医务部负责）
                """);
        assertEquals(1, doc.plans().size());
        assertEquals(List.of("实施青年人才培养计划", "加强学科建设"),
                doc.plans().get(0).tasks().stream().map(PlanTask::title).toList());
    }

    @Test
    void titleDoesNotStopInsideTheUnitClause() {
        PlanTask t = parse("某医院改革实施方案\n1.规范诊疗行为（责任单位：医务部）\n").plans().get(0).tasks().get(0);
        assertEquals(List.of("医务部"), t.leadUnits());
        assertEquals("规范诊疗行为", t.title());
    }

    // ---------------------------------------------------------------- responsible units

    @Test
    void everyUnitPattern() {
        Plan plan = parse("""
                某县医疗卫生工作实施方案
                1.任务甲。内容。（牵头单位：县卫健局；责任单位：县医保局、县财政局）
                2.任务乙。内容。（牵头单位：县卫健局，责任单位：县医保局）
                3.任务丙。内容。(县发改局、县卫健局按照职责分工负责)
                4.任务丁。内容。（责任单位：天津市卫健委、市医保局；庆阳市卫健委、市医保局）
                5.任务戊。内容。（县卫健局、县人社局等负责）
                6.任务己。内容。（牵头单位：县卫健局）
                7.任务庚。内容。（责任单位：县卫健局，县中医院等单位）
                8.任务辛。内容。（县卫健局、县医保局等部门按职责分工负责）
                9.任务壬。
                (1)子项一。（县人社局、县卫健局负责）
                (2)子项二。（县卫健局、县卫生健康局负责）
                """).plans().get(0);
        List<List<String>> lead = plan.tasks().stream().map(PlanTask::leadUnits).toList();
        List<List<String>> co = plan.tasks().stream().map(PlanTask::coUnits).toList();
        assertEquals(List.of(
                List.of("县卫健局"),
                List.of("县卫健局"),
                List.of("县发改局", "县卫健局"),
                List.of("天津市卫健委", "市医保局"),
                List.of("县卫健局", "县人社局"),
                List.of("县卫健局"),
                List.of("县卫健局", "县中医院"),
                List.of("县卫健局", "县医保局"),
                List.of("县人社局", "县卫健局", "县卫生健康局")), lead);
        assertEquals(List.of(
                List.of("县医保局", "县财政局"),
                List.of("县医保局"),
                List.of(),
                List.of("庆阳市卫健委", "市医保局"),
                List.of(), List.of(), List.of(), List.of(), List.of()), co);
        assertEquals(List.of("天津市卫健委", "市医保局", "庆阳市卫健委"), plan.tasks().get(3).units());
        assertEquals("9.任务壬。(1)子项一。（县人社局、县卫健局负责）(2)子项二。（县卫健局、县卫生健康局负责）",
                plan.tasks().get(8).text());
        assertEquals("任务壬", plan.tasks().get(8).title());
    }

    @Test
    void leadingUnitNamedBeforeTheWord牵头_withItsPartners_andResponsibleUnitsOutsideBrackets() {
        Plan plan = parse("""
                示例县卫生健康事业发展方案
                1.建设县域医共体。（县卫生健康局牵头）
                2.加强急诊急救。（县卫生健康局牵头，县人民医院配合）
                3.完善人事制度。（县人社局牵头，县卫生健康局、县财政局参与）
                4.推进信息化。（县卫生健康局牵头，县医保局等按职责分工负责）
                5.改善就医体验。责任单位：县人民医院、县中医医院
                6.加强培训。由医院组织实施。
                """).plans().get(0);
        assertEquals(List.of(List.of("县卫生健康局"), List.of("县卫生健康局"), List.of("县人社局"),
                List.of("县卫生健康局"), List.of("县人民医院", "县中医医院"), List.of()),
                plan.tasks().stream().map(PlanTask::leadUnits).toList());
        assertEquals(List.of(List.of(), List.of("县人民医院"), List.of("县卫生健康局", "县财政局"), List.of("县医保局"),
                List.of(), List.of()), plan.tasks().stream().map(PlanTask::coUnits).toList());
        // the units clause is not part of the title
        assertEquals(List.of("建设县域医共体", "加强急诊急救", "完善人事制度", "推进信息化", "改善就医体验", "加强培训"),
                plan.tasks().stream().map(PlanTask::title).toList());
    }

    @Test
    void planWithoutAGeneralPart_takesItsHorizonFromTheSpanInItsTitle() {
        Plan plan = parse("""
                示例市推动公立医院高质量发展实施方案（2024—2026年）
                一、重点任务
                （一）提升医疗服务能力。推进临床专科建设。（市卫生健康委牵头，各医院配合）
                （二）优化住院服务。到2025年底前完成。（市医保局负责）
                """).plans().get(0);
        assertEquals(List.of(Optional.of(LocalDate.of(2026, 12, 31)), Optional.of(LocalDate.of(2025, 12, 31))),
                plan.tasks().stream().map(PlanTask::due).toList());
        assertTrue(plan.tasks().get(0).dueDerived());
        assertEquals(List.of("市卫生健康委"), plan.tasks().get(0).leadUnits());
        assertEquals(List.of("各医院"), plan.tasks().get(0).coUnits());
    }

    // ---------------------------------------------------------------- deadlines

    @Test
    void deadlinesAndDueDates() {
        Plan plan = parse("""
                某医院改革实施方案
                1.任务一。到2025年，全面建成。（医务部负责）
                2.任务二。2022年6月底前完成方案制定，到2023年底全面推开。（医务部负责）
                3.任务三。“十四五”期间持续推进。（医务部负责）
                4.任务四。用3至5年时间完成建设。（医务部负责）
                5.任务五。到2025年全面建成，2023年6月底前完成试点，到2025年实现全覆盖。（医务部负责）
                6.任务六。到2024年上半年完成评估；2024年，完成验收。（医务部负责）
                7.任务七。持续推进。（医务部负责）
                """).plans().get(0);
        List<List<Deadline>> deadlines = plan.tasks().stream().map(PlanTask::deadlines).toList();
        assertEquals(List.of(
                List.of(deadline("到2025年", "2025-12-31")),
                List.of(deadline("2022年6月底前", "2022-06-30"), deadline("到2023年底", "2023-12-31")),
                List.of(deadline("“十四五”期间", "2025-12-31")),
                List.of(deadline("用3至5年时间", null)),
                // the same words twice are one deadline
                List.of(deadline("到2025年", "2025-12-31"), deadline("2023年6月底前", "2023-06-30")),
                List.of(deadline("到2024年上半年", "2024-06-30"), deadline("2024年", "2024-12-31")),
                List.of()), deadlines);
        // due() is the latest date, not the last one written; none when no deadline means a date
        assertEquals(List.of(
                Optional.of(LocalDate.of(2025, 12, 31)),
                Optional.of(LocalDate.of(2023, 12, 31)),
                Optional.of(LocalDate.of(2025, 12, 31)),
                Optional.empty(),
                Optional.of(LocalDate.of(2025, 12, 31)),
                Optional.of(LocalDate.of(2024, 12, 31)),
                Optional.empty()), plan.tasks().stream().map(PlanTask::due).toList());
        for (PlanTask t : plan.tasks()) {
            assertEquals(List.of(), t.targets(), t.taskNo() + " has no quantitative target");
        }
    }

    @Test
    void latestOfDeadlines() {
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), PlanTask.latest(List.of(
                deadline("到2025年", "2025-12-31"), deadline("用3至5年时间", null), deadline("2022年6月底前", "2022-06-30"))));
        assertEquals(Optional.empty(), PlanTask.latest(List.of(deadline("用3至5年时间", null))));
        assertEquals(Optional.empty(), PlanTask.latest(List.of()));
    }

    // ---------------------------------------------------------------- targets

    @Test
    void targetsWithComparatorsAndIndicatorLinks() {
        Plan plan = parse("""
                某医院高质量发展实施方案
                1.提升运行效率。平均住院日控制在8天以内，四级手术占比力争达到35%。（医务部负责）
                2.加强护理队伍。医护比达到1:2左右，护士不少于300名。（护理部负责）
                3.扩大日间手术。日间手术占比达到20%以上，新增3-5个病区。（医务部负责）
                4.推进智慧医院。电子病历系统应用水平达到5级及以上，药占比降至25%。（信息科负责）
                """).plans().get(0);
        assertEquals(List.of(
                linked(target("控制在8天以内", "平均住院日", "8", 8, "天", TargetComparator.AT_MOST), "alos", 8),
                linked(target("力争达到35%", "四级手术占比", "35", 35, "%", TargetComparator.REACH),
                        "grade4_surgery_share", 0.35)), plan.tasks().get(0).targets());
        assertEquals(List.of(
                new TaskTarget("达到1:2左右", "医护比", "1:2", OptionalDouble.empty(), ":", TargetComparator.ABOUT,
                        Optional.of("nurse_to_physician_ratio"), OptionalDouble.of(2.0)),
                target("不少于300名", "护士", "300", 300, "名", TargetComparator.AT_LEAST)),
                plan.tasks().get(1).targets());
        assertEquals(List.of(
                linked(target("达到20%以上", "日间手术占比", "20", 20, "%", TargetComparator.AT_LEAST),
                        "day_surgery_share", 0.2),
                target("3-5个", "新增", "3-5", 3, "个", TargetComparator.REACH)), plan.tasks().get(2).targets());
        assertEquals(List.of(
                linked(target("达到5级及以上", "电子病历系统应用水平", "5", 5, "级", TargetComparator.AT_LEAST),
                        "emr_level", 5),
                linked(target("降至25%", "药占比", "25", 25, "%", TargetComparator.AT_MOST), "drug_share", 0.25)),
                plan.tasks().get(3).targets());
    }

    @Test
    void fullWidthRatioIsLinkedToo() {
        List<TaskTarget> targets = PARSER.targets("医护比达到1：2.5");
        assertEquals(List.of(new TaskTarget("达到1：2.5", "医护比", "1：2.5", OptionalDouble.empty(), ":",
                TargetComparator.REACH, Optional.of("nurse_to_physician_ratio"), OptionalDouble.of(2.5))), targets);
    }

    @Test
    void gradeThreeAndFourSurgeryShareLinksToItsOwnIndicator() {
        PlanTask t = parse("某医院改革实施方案\n1.提升手术能力。三、四级手术占比达到60%以上。（医务部负责）\n")
                .plans().get(0).tasks().get(0);
        assertEquals(1, t.targets().size());
        TaskTarget x = t.targets().get(0);
        assertEquals("达到60%以上", x.text());
        assertEquals(TargetComparator.AT_LEAST, x.comparator());
        assertEquals(Optional.of("grade3_4_surgery_share"), x.indicator());
        assertEquals(0.6, x.indicatorValue().getAsDouble(), 1e-12);
    }

    @Test
    void cmiTargetIsExtractedAndLinked() {
        PlanTask t = parse("某医院改革实施方案\n1.建设目标。医院病例组合指数(cmi)值力争达到1.3，平均住院日控制在8天以内。（医务部负责）\n")
                .plans().get(0).tasks().get(0);
        assertEquals(List.of("力争达到1.3", "控制在8天以内"), t.targets().stream().map(TaskTarget::text).toList());
        TaskTarget cmi = t.targets().get(0);
        assertEquals(TargetComparator.REACH, cmi.comparator());
        assertEquals(Optional.of("cmi"), cmi.indicator());
        assertEquals(1.3, cmi.indicatorValue().getAsDouble(), 1e-12);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void emptyTextIsRefused() {
        assertEquals("empty.txt 是空文件，没有可提取的方案",
                assertThrows(HqdException.class, () -> PARSER.parse("empty.txt", "")).getMessage());
        assertEquals("blank.txt 是空文件，没有可提取的方案",
                assertThrows(HqdException.class, () -> PARSER.parse("blank.txt", " \n\u3000\n\t")).getMessage());
        assertEquals("null.txt 是空文件，没有可提取的方案",
                assertThrows(HqdException.class, () -> PARSER.parse("null.txt", null)).getMessage());
    }

    @Test
    void textWithoutTitleOrTaskIsRefused() {
        HqdException e = assertThrows(HqdException.class,
                () -> PARSER.parse("notes.txt", "这是一段说明文字。\n没有任何编号。\n"));
        assertTrue(e.getMessage().contains("没有可识别的任务"), e.getMessage());
        assertEquals("notes.txt 中没有可识别的任务：没有找到方案标题。请确认这是一份实施方案，或用 --rules 提供适合它的提取规则",
                e.getMessage());
    }

    @Test
    void titleWithoutNumberedTaskIsRefused() {
        HqdException e = assertThrows(HqdException.class,
                () -> PARSER.parse("t.txt", "某医院改革实施方案\n这是说明。\n"));
        assertEquals("t.txt 中没有可识别的任务：找到 1 个方案标题，但没有编号任务（如“（一）…”“1.…”）"
                + "。请确认这是一份实施方案，或用 --rules 提供适合它的提取规则", e.getMessage());
    }

    // ---------------------------------------------------------------- ids

    @Test
    void sameTextGivesSameIds() {
        ExtractedDocument a = parse(CITY_PLAN);
        ExtractedDocument b = parse(CITY_PLAN);
        assertEquals(a, b);
        assertEquals(a.plans().get(0).planId(), b.plans().get(0).planId());
        assertEquals(a.plans().get(0).tasks().stream().map(PlanTask::taskId).toList(),
                b.plans().get(0).tasks().stream().map(PlanTask::taskId).toList());
    }

    @Test
    void idDependsOnTitle() {
        String other = CITY_PLAN.replace("某市公立医院高质量发展实施方案\n\n", "某区公立医院高质量发展实施方案\n\n");
        Plan a = parse(CITY_PLAN).plans().get(0);
        Plan b = parse(other).plans().get(0);
        assertEquals("某区公立医院高质量发展实施方案", b.title());
        assertNotEquals(a.planId(), b.planId());
    }

    @Test
    void plansWithTheSameTitleHaveDifferentIds() {
        ExtractedDocument doc = parse("""
                医院改革实施方案
                1.加强学科建设。（医务部负责）
                医院改革实施方案
                1.加强人才建设。（人事部负责）
                """);
        assertEquals(2, doc.plans().size());
        assertNotEquals(doc.plans().get(0).planId(), doc.plans().get(1).planId());
    }

    @Test
    void identicalPlansInOneDocumentAreNumbered() {
        ExtractedDocument doc = parse("""
                医院改革实施方案
                1.加强学科建设。（医务部负责）
                医院改革实施方案
                1.加强学科建设。（医务部负责）
                """);
        String first = doc.plans().get(0).planId();
        assertTrue(first.matches("P[0-9a-f]{8}"), first);
        assertEquals(first + "-2", doc.plans().get(1).planId());
        assertEquals(id(first, "", "加强学科建设"), doc.plans().get(0).tasks().get(0).taskId());
        assertEquals(id(first + "-2", "", "加强学科建设"), doc.plans().get(1).tasks().get(0).taskId());
    }

    @Test
    void taskIdsDoNotMoveWhenATaskIsInserted() {
        // the plan's id hashes the title and the first 100 characters of the body: task 1. is longer than that
        String first = "1.加强学科建设。" + "建设一批临床重点专科".repeat(10) + "。（医务部负责）\n";
        Plan before = parse("某医院改革实施方案\n一、重点任务\n" + first
                + "2.改善就医体验。（门诊部负责）\n").plans().get(0);
        Plan after = parse("某医院改革实施方案\n一、重点任务\n" + first
                + "2.加强人才建设。（人事部负责）\n3.改善就医体验。（门诊部负责）\n").plans().get(0);
        assertEquals(before.planId(), after.planId());
        String p = before.planId();
        assertEquals(List.of(id(p, "一、重点任务", "加强学科建设"), id(p, "一、重点任务", "改善就医体验")),
                before.tasks().stream().map(PlanTask::taskId).toList());
        assertEquals(List.of(id(p, "一、重点任务", "加强学科建设"), id(p, "一、重点任务", "加强人才建设"),
                id(p, "一、重点任务", "改善就医体验")), after.tasks().stream().map(PlanTask::taskId).toList());
    }

    @Test
    void tasksWithTheSameSectionAndTitleAreNumbered() {
        Plan plan = parse("""
                某医院改革实施方案
                一、重点任务
                1.加强学科建设。建设重点专科。（医务部负责）
                2.加强学科建设。建设研究型病房。（科教科负责）
                二、保障措施
                1.加强学科建设。保障经费。（财务科负责）
                """).plans().get(0);
        String p = plan.planId();
        String same = id(p, "一、重点任务", "加强学科建设");
        assertEquals(List.of(same, same + "-2", id(p, "二、保障措施", "加强学科建设")),
                plan.tasks().stream().map(PlanTask::taskId).toList());
    }
}
