package org.hqd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.ledger.Deadline;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TargetComparator;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the ledger briefing of two hand-made plans (nine tasks: two overdue, two at risk, three measured targets)
 * as Excel and PDF, and reads them back with POI and PDFBox. The PDF and its pages as PNG are left in
 * {@code target/ledger-brief/} to look at.
 */
final class LedgerBriefingRenderTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final String TITLE = "任务推进台账通报";
    private static final String PERIOD = "2025-01..2025-06";
    private static final String PLAN_A = "关于推动公立医院高质量发展的实施方案（2023—2025年）";
    private static final String PLAN_B = "医疗服务能力提升三年行动计划";
    private static final String WSJ = "市卫生健康委";
    private static final String FGW = "市发展改革委";
    private static final String LONG_NOTE = "医保支付政策尚未出台，日间手术病种目录需与医保部门共同确定；"
            + "已三次召开协调会，医保局表示将在第三季度研究出台配套政策，届时再组织各医院申报日间手术病种，"
            + "并同步调整收费项目和绩效考核办法，确保年底前日间手术占择期手术比例达到目标要求。"
            + "另需财政部门安排信息化改造经费，目前预算尚未下达，存在进度风险。";

    private static final Path DIR = Path.of("target", "ledger-brief");

    private static Path font;
    private static LedgerSummary summary;
    private static byte[] pdf;
    private static byte[] xlsx;

    @BeforeAll
    static void render() throws IOException {
        font = CjkFont.locate();
        summary = LedgerSummary.of(AS_OF, tasks());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LedgerBriefingPdf(font).write(summary, TITLE, PERIOD, out);
        pdf = out.toByteArray();
        out = new ByteArrayOutputStream();
        new LedgerBriefingExcel().write(summary, TITLE, PERIOD, out);
        xlsx = out.toByteArray();
        RenderedFiles.save(DIR, "ledger-brief", pdf);
        Files.write(DIR.resolve("ledger-brief.xlsx"), xlsx);
    }


    /**
     * Plan A: done; overdue (declared in progress, note); at risk by a missed target; not started. Plan B: overdue
     * (declared not started); at risk as declared (long note); done with a met target; in progress with a target
     * without data; done.
     */
    private static List<TrackedTask> tasks() {
        TaskTarget grade4 = new TaskTarget("力争达到35%", "四级手术占比", "35", OptionalDouble.of(35), "%",
                TargetComparator.REACH, Optional.of("grade4_surgery_share"), OptionalDouble.of(0.35));
        TaskTarget alos = new TaskTarget("控制在8天以内", "平均住院日", "8", OptionalDouble.of(8), "天",
                TargetComparator.AT_MOST, Optional.of("alos"), OptionalDouble.of(8));
        TaskTarget emr = new TaskTarget("达到5级", "电子病历应用水平", "5", OptionalDouble.of(5), "级",
                TargetComparator.REACH, Optional.of("emr_level"), OptionalDouble.of(5));
        List<TrackedTask> out = new ArrayList<>();
        out.add(tracked("PA", PLAN_A, task("PA-01", "（一）", "推进国家医学中心和区域医疗中心建设", List.of(WSJ),
                List.of(FGW, "市财政局"), "2025-12-31"), TaskStatus.DONE, TaskStatus.DONE, "", List.of(), null));
        out.add(tracked("PA", PLAN_A, task("PA-02", "（二）", "完善分级诊疗体系", List.of(WSJ), List.of("各区人民政府"),
                "2025-03-31"), TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE, "已过完成期限 2025-03-31", List.of(),
                note(LocalDate.of(2025, 3, 15), "已印发工作方案，正在推进")));
        TargetCheck missed = TargetCheck.of(grade4, OptionalDouble.of(0.31), "H001");
        out.add(tracked("PA", PLAN_A, task("PA-03", "（三）", "提升四级手术占比", List.of(WSJ), List.of(), "2025-08-31"),
                TaskStatus.IN_PROGRESS, TaskStatus.AT_RISK,
                "距完成期限 62 天，目标“四级手术占比力争达到35%”尚未达到（H001，实际 0.31，目标 ≥ 0.35）",
                List.of(missed), null));
        out.add(tracked("PA", PLAN_A, task("PA-04", "（四）", "改善患者就医体验", List.of(WSJ, "市医保局"), List.of(),
                "2026-12-31"), TaskStatus.NOT_STARTED, TaskStatus.NOT_STARTED, "", List.of(), null));
        out.add(tracked("PB", PLAN_B, task("PB-01", "1.", "建设区域医疗中心", List.of(FGW), List.of(WSJ), "2024-12-31"),
                TaskStatus.NOT_STARTED, TaskStatus.OVERDUE, "已过完成期限 2024-12-31", List.of(), null));
        out.add(tracked("PB", PLAN_B, task("PB-02", "2.", "推广日间手术", List.of(WSJ), List.of(), "2025-09-30"),
                TaskStatus.AT_RISK, TaskStatus.AT_RISK, "", List.of(), note(LocalDate.of(2025, 6, 10), LONG_NOTE)));
        out.add(tracked("PB", PLAN_B, task("PB-03", "3.", "缩短平均住院日", List.of(WSJ), List.of(), "2025-12-31"),
                TaskStatus.DONE, TaskStatus.DONE, "", List.of(TargetCheck.of(alos, OptionalDouble.of(7.6), "H001")),
                null));
        out.add(tracked("PB", PLAN_B, task("PB-04", "4.", "提高电子病历应用水平", List.of(WSJ), List.of(), "2026-06-30"),
                TaskStatus.IN_PROGRESS, TaskStatus.IN_PROGRESS, "",
                List.of(TargetCheck.of(emr, OptionalDouble.empty(), "无数据")), null));
        out.add(tracked("PB", PLAN_B, task("PB-05", "5.", "规范药品使用管理", List.of(WSJ), List.of(), "2025-06-30"),
                TaskStatus.DONE, TaskStatus.DONE, "", List.of(), null));
        return out;
    }

    private static PlanTask task(String id, String no, String title, List<String> lead, List<String> co, String due) {
        LocalDate d = LocalDate.parse(due);
        return new PlanTask(id, "", no, title, no + title + "。", lead, co,
                List.of(new Deadline(d.getYear() + "年" + d.getMonthValue() + "月底前", Optional.of(d))), Optional.of(d),
                List.of(), 0);
    }

    private static TrackedTask tracked(String planId, String planTitle, PlanTask task, TaskStatus declared,
                                       TaskStatus status, String reason, List<TargetCheck> checks, ProgressNote note) {
        PlanTask withTargets = new PlanTask(task.taskId(), task.section(), task.taskNo(), task.title(), task.text(),
                task.leadUnits(), task.coUnits(), task.deadlines(), task.due(),
                checks.stream().map(TargetCheck::target).toList(), task.sourceLine());
        return new TrackedTask(planId, planTitle, Optional.empty(), withTargets, declared, status, reason, checks,
                Optional.ofNullable(note), note == null ? 0 : 1);
    }

    private static ProgressNote note(LocalDate date, String text) {
        return new ProgressNote(date, "张三", Optional.empty(), text, "");
    }




    private static List<Object> values(Row r) {
        return RenderedFiles.values(r, LocalDateTime::toLocalDate);
    }

    // ---- the summary the renderings are made from

    @Test
    void summary_isWhatTheTestsExpect() {
        assertThat(summary.plans()).extracting(LedgerSummary.PlanProgress::title).containsExactly(PLAN_A, PLAN_B);
        assertThat(summary.followUp()).extracting(t -> t.task().taskId()).containsExactly("PB-01", "PA-02", "PA-03",
                "PB-02");
        assertThat(summary.units()).extracting(LedgerSummary.UnitProgress::unit)
                .containsExactly(WSJ, FGW, "各区人民政府", "市医保局", "市财政局");
    }

    // ---- Excel

    @Test
    void excel_sheetsInOrder_headersBoldAndFrozen() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            assertThat(names).containsExactly("概况", "按方案", "按单位", "逾期与风险", "目标与实际");
            for (String name : names.subList(1, names.size())) {
                XSSFSheet s = wb.getSheet(name);
                assertThat(s.getPaneInformation()).as(name).isNotNull();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
                Cell first = s.getRow(0).getCell(0);
                assertThat(wb.getFontAt(first.getCellStyle().getFontIndex()).getBold()).as(name).isTrue();
            }
        }
    }

    @Test
    void excel_overview_titleDatePeriodAndTotalsPerStatus() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("概况");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo(TITLE);
            assertThat(values(s.getRow(1))).containsExactly("截至日期", AS_OF);
            assertThat(values(s.getRow(2))).containsExactly("统计期间", PERIOD);
            assertThat(values(s.getRow(5))).containsExactly("状态", "任务数", "占比");
            assertThat(values(s.getRow(6))).containsExactly("未启动", 1.0, 1.0 / 9);
            assertThat(values(s.getRow(7))).containsExactly("推进中", 1.0, 1.0 / 9);
            assertThat(values(s.getRow(8))).containsExactly("有风险", 2.0, 2.0 / 9);
            assertThat(values(s.getRow(9))).containsExactly("已逾期", 2.0, 2.0 / 9);
            assertThat(values(s.getRow(10))).containsExactly("已完成", 3.0, 3.0 / 9);
            assertThat(values(s.getRow(11))).containsExactly("合计", 9.0, 1.0);
            assertThat(values(s.getRow(13))).containsExactly("方案数", 2.0);
            assertThat(values(s.getRow(15))).containsExactly("需回头看的任务", 4.0);
            assertThat(values(s.getRow(19))).containsExactly("其中未达标", 1.0);
            assertThat(s.getRow(6).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }

    @Test
    void excel_byPlan_countsPerStatusAndDoneShareAsPercent() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("按方案");
            assertThat(values(s.getRow(0))).containsExactly("方案", "任务数", "未启动", "推进中", "有风险", "已逾期", "已完成",
                    "完成率", "方案编号");
            assertThat(values(s.getRow(1))).containsExactly(PLAN_A, 4.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.25, "PA");
            assertThat(values(s.getRow(2))).containsExactly(PLAN_B, 5.0, 0.0, 1.0, 1.0, 1.0, 2.0, 0.4, "PB");
            Cell share = s.getRow(2).getCell(7);
            assertThat(share.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(s.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void excel_byUnit_leadCoAndStatusCountsInSummaryOrder() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("按单位");
            assertThat(values(s.getRow(0))).containsExactly("责任单位", "牵头", "配合", "任务数", "未启动", "推进中", "有风险",
                    "已逾期", "已完成");
            assertThat(values(s.getRow(1))).containsExactly(WSJ, 8.0, 1.0, 9.0, 1.0, 1.0, 2.0, 2.0, 3.0);
            assertThat(values(s.getRow(2))).containsExactly(FGW, 1.0, 1.0, 2.0, 0.0, 0.0, 0.0, 1.0, 1.0);
            assertThat(s.getLastRowNum()).isEqualTo(5);
        }
    }

    @Test
    void excel_followUp_overdueFirstByDueDate_withReasonsAndLastNotes() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("逾期与风险");
            assertThat(values(s.getRow(0))).containsExactly("方案", "序号", "任务编号", "任务", "牵头单位", "完成期限", "状态",
                    "原因", "最近进展日期", "最近进展");
            assertThat(values(s.getRow(1))).containsExactly(PLAN_B, "1.", "PB-01", "建设区域医疗中心", FGW,
                    LocalDate.of(2024, 12, 31), "已逾期", "已过完成期限 2024-12-31");
            assertThat(values(s.getRow(2))).containsExactly(PLAN_A, "（二）", "PA-02", "完善分级诊疗体系", WSJ,
                    LocalDate.of(2025, 3, 31), "已逾期", "已过完成期限 2025-03-31", LocalDate.of(2025, 3, 15),
                    "已印发工作方案，正在推进");
            assertThat(s.getRow(3).getCell(2).getStringCellValue()).isEqualTo("PA-03");
            assertThat(s.getRow(3).getCell(6).getStringCellValue()).isEqualTo("有风险");
            assertThat(s.getRow(3).getCell(7).getStringCellValue()).startsWith("距完成期限 62 天，目标“四级手术占比");
            // declared at risk: the ledger gives no reason, the sheet says it was declared
            assertThat(values(s.getRow(4))).containsExactly(PLAN_B, "2.", "PB-02", "推广日间手术", WSJ,
                    LocalDate.of(2025, 9, 30), "有风险", "填报为“有风险”", LocalDate.of(2025, 6, 10), LONG_NOTE);
            assertThat(s.getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    void excel_targets_oneRowPerCheckWithNumericTargetAndActual() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("目标与实际");
            assertThat(values(s.getRow(0))).containsExactly("方案", "序号", "任务", "目标", "指标", "比较", "目标值", "实际值",
                    "结果", "依据");
            assertThat(values(s.getRow(1))).containsExactly(PLAN_A, "（三）", "提升四级手术占比", "四级手术占比力争达到35%",
                    "grade4_surgery_share", "≥", 0.35, 0.31, "未达标", "H001");
            assertThat(values(s.getRow(2))).containsExactly(PLAN_B, "3.", "缩短平均住院日", "平均住院日控制在8天以内", "alos",
                    "≤", 8.0, 7.6, "达标", "H001");
            // no data: the actual cell is left empty
            assertThat(values(s.getRow(3))).containsExactly(PLAN_B, "4.", "提高电子病历应用水平", "电子病历应用水平达到5级",
                    "emr_level", "≥", 5.0, null, "无数据", "无数据");
            assertThat(s.getRow(1).getCell(7).getNumericCellValue()).isCloseTo(0.31, within(1e-12));
            assertThat(s.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void excel_emptyLedger_stillWritesEverySheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LedgerBriefingExcel().write(LedgerSummary.of(AS_OF, List.of()), TITLE, "", out);
        try (XSSFWorkbook wb = RenderedFiles.workbook(out.toByteArray())) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            assertThat(values(wb.getSheet("概况").getRow(11))).containsExactly("合计", 0.0, 0.0);
            assertThat(wb.getSheet("逾期与风险").getLastRowNum()).isZero();
        }
    }

    // ---- PDF

    @Test
    void pdf_pagesTitlePlansAndFollowUp() throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(TITLE);
        }
        String text = RenderedFiles.squeeze(RenderedFiles.text(pdf));
        assertThat(text).contains(TITLE, "截至2025-06-30", "统计期间" + PERIOD, "一、总体情况", "二、各方案推进情况",
                "三、各责任单位推进情况", "四、回头看：逾期与风险任务", "五、量化目标与实际");
        assertThat(text).contains(RenderedFiles.squeeze(PLAN_A), PLAN_B);
        assertThat(text).contains("建设区域医疗中心", "已过完成期限2024-12-31", "填报为“有风险”");
        assertThat(text).contains("四级手术占比力争达到35%", "grade4_surgery_share", "未达标");
        // the long note is cut with an ellipsis, not drawn over the page's edge
        assertThat(text).contains("医保支付政策尚未出台").doesNotContain("存在进度风险");
    }

    @Test
    void pdf_firstPageRendersSomethingVisible() throws IOException {
        RenderedFiles.assertFirstPageVisible(pdf);
    }

    @Test
    void pdf_manyTasksAndLongTexts_flowOverPagesAndListEveryFollowUpTask() throws IOException {
        // 25 plans (two charts), one with a very long title; 40 units; 80 overdue tasks, some with long texts
        String longPlan = "关于印发进一步改善医疗服务行动计划暨推动公立医院高质量发展、深化以公益性为导向的公立医院改革、"
                + "加强医疗质量安全管理的若干措施的通知（2023—2025年）";
        String longTitle = "建立健全现代医院管理制度，完善医院章程，健全医院决策机制，加强全面预算管理和成本核算";
        List<TrackedTask> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int p = i % 25;
            String plan = p == 0 ? longPlan : "专项方案" + p;
            String unit = i % 7 == 0 ? "市卫生健康委员会医政医管处会同市医疗保障局医药服务管理处第" + (i % 40) + "组" : "第" + (i % 40) + "责任单位";
            many.add(tracked("Q" + p, plan, task(String.format("Q-%02d", i), (i + 1) + ".",
                            (i % 5 == 0 ? longTitle : "") + "逾期任务第" + i + "项", List.of(unit), List.of(), "2025-01-31"),
                    TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE, "已过完成期限 2025-01-31", List.of(),
                    i % 4 == 0 ? note(LocalDate.of(2025, 1, 10), LONG_NOTE) : null));
        }
        String title = "某省卫生健康委员会关于全省公立医院高质量发展任务推进台账的通报（2025年上半年）——各方案、各责任单位推进情况";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LedgerBriefingPdf(font).write(LedgerSummary.of(AS_OF, many), title, PERIOD, out);
        RenderedFiles.save(DIR, "many-tasks", out.toByteArray());

        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
        }
        String text = RenderedFiles.squeeze(RenderedFiles.text(out.toByteArray()));
        for (int i = 0; i < 80; i++) {
            assertThat(text).contains("逾期任务第" + i + "项");
        }
        assertThat(text).contains(RenderedFiles.squeeze(title), "列出前30个单位（共52个）");
    }

    @Test
    void pdf_emptyLedger_stillWrites() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LedgerBriefingPdf(font).write(LedgerSummary.of(AS_OF, List.of()), TITLE, PERIOD, out);
        assertThat(RenderedFiles.squeeze(RenderedFiles.text(out.toByteArray()))).contains(TITLE, "没有已逾期或有风险的任务", "没有关联HQD指标的量化目标");
    }

    @Test
    void pdf_columnWidths_shortColumnsKeepTheirWidthLongOnesShareTheRest() throws IOException {
        try (PDDocument doc = new PDDocument(); PdfFont cjk = PdfFont.load(doc, font)) {
            PdfCanvas c = new PdfCanvas(doc, cjk.font, "");
            List<List<String>> rows = List.of(List.of("x".repeat(400), "12", "y".repeat(300)));
            float[] w = LedgerBriefingPdf.widths(c, List.of("a", "b", "c"), rows, 8, 500);

            assertThat(w[0] + w[1] + w[2]).isCloseTo(500, within(0.01f));
            assertThat(w[1]).isLessThan(30);
            assertThat(w[0]).isCloseTo(w[2], within(0.01f));
            String cut = LedgerBriefingPdf.clip(c, "x".repeat(400), 8, w[0] - 6, 3);
            assertThat(cut.split("\n")).hasSize(3);
            assertThat(cut).endsWith("…");
        }
    }
}
