package org.hqd.ledger;

import static org.hqd.ledger.PlanParserTest.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

/** The review file: written from an extraction, edited by hand, applied back. */
class LedgerReviewTest {
    static final PlanParser PARSER = PlanParserTest.PARSER;
    static final LedgerReview REVIEW = new LedgerReview(PARSER);

    static final String DOCUMENT = """
            某医院改革实施方案
            一、重点任务
            1.加强学科建设。到2025年建成5个重点专科。（牵头单位：医务部；责任单位：科教科、财务科）
            2.提升护理质量。2024年6月底前护士达到300名。（护理部负责）
            3.改善患者体验。（门诊部负责）
            """;
    static final String SECTION = "一、重点任务";

    static final ExtractedDocument DOC = PARSER.parse("review.txt", DOCUMENT);
    static final Plan PLAN = DOC.plans().get(0);
    static final String P = PLAN.planId();
    static final String T1 = id(P, SECTION, "加强学科建设");
    static final String T2 = id(P, SECTION, "提升护理质量");
    static final String T3 = id(P, SECTION, "改善患者体验");

    static ExtractedDocument apply(String review) {
        return REVIEW.apply(DOC, review, "review.tsv");
    }

    static String error(ExtractedDocument doc, String review) {
        return assertThrows(HqdException.class, () -> REVIEW.apply(doc, review, "review.tsv")).getMessage();
    }

    /** The review with one cell of the row of a task changed. */
    static String edit(String review, String taskId, String column, String value) {
        int task = LedgerReview.COLUMNS.indexOf("task_id");
        int col = LedgerReview.COLUMNS.indexOf(column);
        List<String> lines = new ArrayList<>();
        int changed = 0;
        for (String line : review.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == LedgerReview.COLUMNS.size() + 1 && f[task].equals(taskId)) {
                f[col] = value;
                line = String.join("\t", f);
                changed++;
            }
            lines.add(line);
        }
        assertEquals(1, changed, "row of " + taskId);
        return String.join("\n", lines) + "\n";
    }

    static String without(String review, String taskId) {
        return Arrays.stream(review.split("\n")).filter(l -> !l.contains("\t" + taskId + "\t"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    static String row(String... cells) {
        assertEquals(LedgerReview.COLUMNS.size(), cells.length);
        return String.join("\t", cells) + "\n";
    }

    static PlanTask task(String taskId) {
        return PLAN.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElseThrow();
    }

    static PlanTask only(ExtractedDocument doc, String taskId) {
        return doc.plans().get(0).tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElseThrow();
    }

    @Test
    void theExtractionReviewed() {
        assertEquals(List.of(T1, T2, T3), PLAN.tasks().stream().map(PlanTask::taskId).toList());
        assertEquals(new PlanTask(T1, SECTION, "1.", "加强学科建设",
                "1.加强学科建设。到2025年建成5个重点专科。（牵头单位：医务部；责任单位：科教科、财务科）", List.of("医务部"),
                List.of("科教科", "财务科"), List.of(new Deadline("到2025年", Optional.of(LocalDate.of(2025, 12, 31)))),
                Optional.of(LocalDate.of(2025, 12, 31)),
                List.of(new TaskTarget("5个", "到2025年建成", "5", OptionalDouble.of(5), "个", TargetComparator.REACH,
                        Optional.empty(), OptionalDouble.empty())), 3), task(T1));
    }

    @Test
    void writeGivesOneRowPerTask() {
        assertEquals("# document: review.txt\n"
                + "# 审核说明: 修改后保存为 UTF-8 制表符分隔文件；keep 填“否”或删除整行即删除任务；task_id 留空的新行为新增任务；"
                + "单位用“、”分隔，期限和目标用“|”分隔；due_date 为 YYYY-MM-DD；review 列是提请核定的事项（未写明责任单位、期限按方案期限推定），不读入\n"
                + "plan_id\tplan\tsection\ttask_no\ttask_id\ttitle\tlead_units\tco_units\tdeadlines\tdue_date\ttargets\tsource_line\tkeep"
                + "\treview\n"
                + row(P, "某医院改革实施方案", SECTION, "1.", T1, "加强学科建设", "医务部", "科教科、财务科", "到2025年", "2025-12-31",
                        "5个", "3", "是").replace("\n", "\t\n")
                + row(P, "某医院改革实施方案", SECTION, "2.", T2, "提升护理质量", "护理部", "", "2024年6月底前", "2024-06-30",
                        "达到300名", "4", "是").replace("\n", "\t\n")
                + row(P, "某医院改革实施方案", SECTION, "3.", T3, "改善患者体验", "门诊部", "", "", "", "", "5", "是").replace("\n", "\t\n"),
                LedgerReview.write(DOC));
    }

    @Test
    void unchangedReviewGivesTheSameDocument() {
        ExtractedDocument applied = apply(LedgerReview.write(DOC));
        assertEquals(DOC.plans(), applied.plans());
        assertEquals(DOC.plans().get(0).tasks(), applied.plans().get(0).tasks());
        assertEquals(DOC, applied);
    }

    @Test
    void unchangedReviewOfSeveralPlansGivesTheSameDocument() {
        ExtractedDocument doc = PARSER.parse("two.txt", """
                甲医院改革实施方案
                一、重点任务
                1.提升运行效率。平均住院日控制在8天以内。（医务部负责）
                乙医院改革实施方案
                （一）加强护理。医护比达到1:2左右。（责任单位：护理部；人事部）
                """);
        assertEquals(doc, REVIEW.apply(doc, LedgerReview.write(doc), "two.tsv"));
    }

    @Test
    void titleUnitsAndDueDateAreEdited() {
        String review = LedgerReview.write(DOC);
        review = edit(review, T1, "title", "加强重点学科建设");
        review = edit(review, T1, "lead_units", "医务部、 信息科、医务部");
        review = edit(review, T1, "co_units", "");
        review = edit(review, T2, "due_date", "2024-12-31");
        review = edit(review, T3, "section", "二、服务改进");
        ExtractedDocument applied = apply(review);
        PlanTask t1 = task(T1);
        PlanTask t2 = task(T2);
        PlanTask t3 = task(T3);
        assertEquals(List.of(
                new PlanTask(T1, SECTION, "1.", "加强重点学科建设", t1.text(), List.of("医务部", "信息科"), List.of(),
                        t1.deadlines(), t1.due(), t1.targets(), 3),
                new PlanTask(T2, SECTION, "2.", "提升护理质量", t2.text(), t2.leadUnits(), t2.coUnits(), t2.deadlines(),
                        Optional.of(LocalDate.of(2024, 12, 31)), t2.targets(), 4),
                new PlanTask(T3, "二、服务改进", "3.", "改善患者体验", t3.text(), t3.leadUnits(), t3.coUnits(),
                        t3.deadlines(), t3.due(), t3.targets(), 5)),
                applied.plans().get(0).tasks());
    }

    @Test
    void planTitleIsEdited() {
        String review = LedgerReview.write(DOC).replace("\t某医院改革实施方案\t", "\t某医院综合改革实施方案\t");
        Plan plan = apply(review).plans().get(0);
        assertEquals("某医院综合改革实施方案", plan.title());
        assertEquals(P, plan.planId());
        assertEquals(PLAN.tasks(), plan.tasks());
    }

    @Test
    void keepNoDropsTheTask() {
        for (String no : List.of("否", "N", "删除", "false")) {
            ExtractedDocument applied = apply(edit(LedgerReview.write(DOC), T2, "keep", no));
            assertEquals(List.of(task(T1), task(T3)), applied.plans().get(0).tasks(), no);
        }
    }

    @Test
    void emptyKeepKeepsTheTask() {
        assertEquals(DOC, apply(edit(LedgerReview.write(DOC), T2, "keep", "")));
    }

    @Test
    void deletedRowDropsTheTask() {
        ExtractedDocument applied = apply(without(LedgerReview.write(DOC), T1));
        assertEquals(List.of(task(T2), task(T3)), applied.plans().get(0).tasks());
        assertEquals(PLAN.title(), applied.plans().get(0).title());
    }

    @Test
    void everyRowDeletedLeavesThePlanEmpty() {
        String review = without(without(without(LedgerReview.write(DOC), T1), T2), T3);
        ExtractedDocument applied = apply(review);
        assertEquals(List.of(new Plan(P, PLAN.title(), 1, List.of())), applied.plans());
    }

    @Test
    void rowWithoutTaskIdIsANewTask() {
        String review = LedgerReview.write(DOC) + row(P, "某医院改革实施方案", SECTION, "4.", "", "加强信息化建设", "信息科", "",
                "到2026年", "2026-12-31", "电子病历系统应用水平达到5级", "", "是");
        List<PlanTask> tasks = apply(review).plans().get(0).tasks();
        assertEquals(List.of(task(T1), task(T2), task(T3),
                new PlanTask(id(P, SECTION, "加强信息化建设"), SECTION, "4.", "加强信息化建设", "加强信息化建设", List.of("信息科"),
                        List.of(), List.of(new Deadline("到2026年", Optional.of(LocalDate.of(2026, 12, 31)))),
                        Optional.of(LocalDate.of(2026, 12, 31)),
                        List.of(new TaskTarget("达到5级", "电子病历系统应用水平", "5", OptionalDouble.of(5), "级",
                                TargetComparator.REACH, Optional.of("emr_level"), OptionalDouble.of(5))), 0)),
                tasks);
    }

    @Test
    void newTaskWithTheTitleOfAnotherInItsSectionIsNumbered() {
        String review = LedgerReview.write(DOC) + row(P, "", SECTION, "", "", "改善患者体验", "", "", "", "", "", "", "");
        List<PlanTask> tasks = apply(review).plans().get(0).tasks();
        assertEquals(4, tasks.size());
        assertEquals(T3 + "-2", tasks.get(3).taskId());
        assertEquals(PLAN.title(), apply(review).plans().get(0).title());
    }

    @Test
    void newTaskBetweenDroppedOnes() {
        String review = edit(LedgerReview.write(DOC), T3, "keep", "否")
                + row(P, "", "二、服务改进", "1.", "", "优化预约服务", "门诊部", "", "", "", "", "", "");
        List<PlanTask> tasks = apply(review).plans().get(0).tasks();
        assertEquals(List.of(T1, T2, id(P, "二、服务改进", "优化预约服务")), tasks.stream().map(PlanTask::taskId).toList());
        assertEquals(new PlanTask(id(P, "二、服务改进", "优化预约服务"), "二、服务改进", "1.", "优化预约服务", "优化预约服务",
                List.of("门诊部"), List.of(), List.of(), Optional.empty(), List.of(), 0), tasks.get(2));
    }

    @Test
    void editedTargetIsExtractedAgain() {
        PlanTask t2 = apply(edit(LedgerReview.write(DOC), T2, "targets", "达到80%")).plans().get(0).tasks().get(1);
        assertEquals(List.of(new TaskTarget("达到80%", "", "80", OptionalDouble.of(80), "%", TargetComparator.REACH,
                Optional.empty(), OptionalDouble.empty())), t2.targets());
        assertEquals(task(T2).deadlines(), t2.deadlines());
    }

    @Test
    void severalEditedTargetsWithTheirPhrases() {
        PlanTask t1 = only(apply(edit(LedgerReview.write(DOC), T1, "targets", "平均住院日控制在8天以内 | 1:2左右")), T1);
        assertEquals(List.of(
                new TaskTarget("控制在8天以内", "平均住院日", "8", OptionalDouble.of(8), "天", TargetComparator.AT_MOST,
                        Optional.of("alos"), OptionalDouble.of(8)),
                new TaskTarget("1:2左右", "", "1:2", OptionalDouble.empty(), ":", TargetComparator.ABOUT, Optional.empty(),
                        OptionalDouble.empty())), t1.targets());
    }

    @Test
    void emptiedTargetsAreRemoved() {
        assertEquals(List.of(), only(apply(edit(LedgerReview.write(DOC), T1, "targets", "")), T1).targets());
    }

    @Test
    void editedDeadlinesAreExtractedAgainButTheDueDateIsTheColumns() {
        PlanTask t1 = only(apply(edit(LedgerReview.write(DOC), T1, "deadlines", "2025年6月底前|持续推进")), T1);
        assertEquals(List.of(new Deadline("2025年6月底前", Optional.of(LocalDate.of(2025, 6, 30))),
                new Deadline("持续推进", Optional.empty())), t1.deadlines());
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)), t1.due());
    }

    @Test
    void anEmptyDueDateIsTheLatestDeadlineAndWithoutDeadlinesNone() {
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)),
                only(apply(edit(LedgerReview.write(DOC), T1, "due_date", "")), T1).due());
        String noDeadline = edit(edit(LedgerReview.write(DOC), T1, "due_date", ""), T1, "deadlines", "");
        assertEquals(Optional.empty(), only(apply(noDeadline), T1).due());
    }

    // ---------------------------------------------------------------- errors, with the line (rows start on line 4)

    @Test
    void unknownPlanId() {
        assertEquals("review.tsv 第 5 行：plan_id 'Pdeadbeef' 不是这份文件提取出的方案（应为 " + P + "）",
                error(DOC, edit(LedgerReview.write(DOC), T2, "plan_id", "Pdeadbeef")));
    }

    @Test
    void unknownTaskId() {
        String bad = P + "-000000";
        assertEquals("review.tsv 第 6 行：task_id '" + bad + "' 不是方案 " + P + " 提取出的任务；新增任务请把 task_id 留空",
                error(DOC, edit(LedgerReview.write(DOC), T3, "task_id", bad)));
    }

    @Test
    void taskIdOfAnotherPlan() {
        ExtractedDocument doc = PARSER.parse("two.txt", """
                甲医院改革实施方案
                1.加强学科建设。（医务部负责）
                乙医院改革实施方案
                1.改善就医体验。（门诊部负责）
                """);
        String a = doc.plans().get(0).planId();
        String b = doc.plans().get(1).planId();
        String taskOfB = doc.plans().get(1).tasks().get(0).taskId();
        String review = edit(LedgerReview.write(doc), taskOfB, "plan_id", a);
        assertEquals("review.tsv 第 5 行：task_id '" + taskOfB + "' 不是方案 " + a + " 提取出的任务；新增任务请把 task_id 留空",
                error(doc, review));
        assertEquals(id(b, "", "改善就医体验"), taskOfB);
    }

    @Test
    void taskIdOfTheSecondOfTwoIdenticalPlans() {
        ExtractedDocument doc = PARSER.parse("two.txt", """
                医院改革实施方案
                1.加强学科建设。（医务部负责）
                医院改革实施方案
                1.加强学科建设。（医务部负责）
                """);
        String a = doc.plans().get(0).planId();
        assertEquals(a + "-2", doc.plans().get(1).planId());
        String taskOfSecond = doc.plans().get(1).tasks().get(0).taskId();
        String review = edit(LedgerReview.write(doc), taskOfSecond, "plan_id", a);
        assertEquals("review.tsv 第 5 行：task_id '" + taskOfSecond + "' 不是方案 " + a + " 提取出的任务；新增任务请把 task_id 留空",
                error(doc, review));
    }

    @Test
    void newTaskIdNeverRepeatsAnExistingOne() {
        ExtractedDocument doc = PARSER.parse("same.txt", """
                某医院改革实施方案
                一、重点任务
                1.加强学科建设。建设重点专科。（医务部负责）
                2.加强学科建设。建设研究型病房。（科教科负责）
                """);
        String x = id(doc.plans().get(0).planId(), SECTION, "加强学科建设");
        assertEquals(List.of(x, x + "-2"), doc.plans().get(0).tasks().stream().map(PlanTask::taskId).toList());
        String review = LedgerReview.write(doc) + row(doc.plans().get(0).planId(), "", SECTION, "3.", "", "加强学科建设",
                "信息科", "", "", "", "", "", "");
        List<String> ids = REVIEW.apply(doc, review, "review.tsv").plans().get(0).tasks().stream()
                .map(PlanTask::taskId).toList();
        assertEquals(3, ids.stream().distinct().count(), ids.toString());
    }

    @Test
    void badDueDate() {
        assertEquals("review.tsv 第 4 行：due_date '2025-02-30' 应为 YYYY-MM-DD 或留空",
                error(DOC, edit(LedgerReview.write(DOC), T1, "due_date", "2025-02-30")));
        assertEquals("review.tsv 第 5 行：due_date '2025/12/31' 应为 YYYY-MM-DD 或留空",
                error(DOC, edit(LedgerReview.write(DOC), T2, "due_date", "2025/12/31")));
    }

    @Test
    void targetWithoutNumber() {
        assertEquals("review.tsv 第 5 行：目标“显著提升”中没有数值（应写成如“达到70%”“控制在8天以内”“1:2左右”）",
                error(DOC, edit(LedgerReview.write(DOC), T2, "targets", "达到80%|显著提升")));
    }

    @Test
    void duplicatedTaskId() {
        assertEquals("review.tsv 第 5 行：task_id '" + T1 + "' 出现了两次",
                error(DOC, edit(LedgerReview.write(DOC), T2, "task_id", T1)));
    }

    @Test
    void emptyTitle() {
        assertEquals("review.tsv 第 6 行：title 不能为空", error(DOC, edit(LedgerReview.write(DOC), T3, "title", " ")));
    }

    @Test
    void badSourceLine() {
        assertEquals("review.tsv 第 4 行：source_line 'abc' 应为行号",
                error(DOC, edit(LedgerReview.write(DOC), T1, "source_line", "abc")));
    }

    @Test
    void missingColumn() {
        String review = LedgerReview.write(DOC).replace("\tkeep\t", "\t");
        assertEquals("review.tsv 第 3 行（表头）缺少列 keep；应有：" + String.join("、", LedgerReview.COLUMNS),
                error(DOC, review));
    }
}
