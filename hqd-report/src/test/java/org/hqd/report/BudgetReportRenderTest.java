package org.hqd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.evaluation.Comparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the budget report of a hand-made hospital as of June 2025 (time progress 50 %) — four departments, nine
 * department × item lines (four with alerts, one without budget), four performance targets (score 73, 中), seven
 * history events — as the full and the public Excel and PDF, and reads them back with POI and PDFBox. The files and
 * the PDF pages as PNG are left in {@code target/budget-report/} to look at.
 *
 * <p>The lines (yuan; budget spread evenly over the months unless said; actuals of months 1–6):
 * <pre>
 * 全院       R0201 财政基本支出补助收入  annual 1,000,000 (months 1 and 7)  to date   500,000  actual 500,000  50.0 %
 * 全院       E0401 水电燃料能耗费        annual   120,000                   to date    60,000  actual  58,000  48.3 %
 * 心血管内科 R0101 门急诊诊察治疗收入    annual 1,200,000                   to date   600,000  actual 630,000  52.5 %
 * 心血管内科 R0114 住院药品收入          annual   600,000                   to date   300,000  actual 180,000  30.0 % 收入进度慢于时间进度
 * 心血管内科 E0101 人员经费              annual   720,000                   to date   360,000  actual 370,000  51.4 %
 * 院办公室   E0501 单位管理费用          no budget                                             actual  12,000  —      无预算执行
 * 骨科       R0101 门急诊诊察治疗收入    annual   960,000                   to date   480,000  actual 500,000  52.1 %
 * 骨科       E0201 药品费                annual   240,000                   to date   120,000  actual 180,000  75.0 % 支出进度快于时间进度
 * 骨科       E0202 卫生材料费            annual   100,000 (months 1–2)      to date   100,000  actual 130,000 130.0 % 超预算、支出进度快于时间进度
 * </pre>
 * Revenue: annual 3,760,000, to date 1,880,000, actual 1,810,000; expenditure: 1,180,000, 640,000, 750,000.
 */
final class BudgetReportRenderTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final String HOSPITAL = "H001";
    private static final String NAME = "市第一人民医院";
    private static final int YEAR = 2025;
    private static final int MONTH = 6;
    private static final String TITLE = NAME + " 2025 年预算执行与绩效报告";
    private static final String PUBLIC_TITLE = NAME + " 2025 年财务信息公开（预算执行情况）";

    private static final String ALL = "全院";
    private static final String CARDIO = "心血管内科";
    private static final String OFFICE = "院办公室";
    private static final String ORTHO = "骨科";
    private static final List<String> DEPARTMENTS = List.of(ALL, CARDIO, OFFICE, ORTHO);
    private static final String CLERK = "王会计";
    private static final String DIRECTOR = "李院长";
    private static final String ADJUST_REASON = "新院区开诊追加人员经费预算";
    private static final String LONG_COMMENT = ("因新院区于五月开诊，门急诊量和住院量明显增加，需追加人员经费及水电燃料能耗费预算，"
            + "并相应调增门急诊诊察治疗收入预算；调整方案已经院长办公会和党委会研究同意，报主管部门备案后执行。").repeat(5)
            + "以上为调整说明全文。";
    private static final List<String> COMMENTS = List.of("依据上年实际增长5%编制", "提交院长办公会审议",
            "药品费预算偏高请压缩", "已按意见压缩药品费", "同意按此预算执行", LONG_COMMENT, "提交第一次调整",
            ADJUST_REASON);
    private static final List<String> TARGET_NAMES = List.of("门急诊收入预算执行率", "药品费执行率", "患者满意度",
            "预算批复及时率");

    private static final Path DIR = Path.of("target", "budget-report");

    private static Path font;
    private static BudgetReport report;
    private static byte[] xlsx;
    private static byte[] publicXlsx;
    private static byte[] pdf;
    private static byte[] publicPdf;

    @BeforeAll
    static void render() throws IOException {
        font = CjkFont.locate();
        report = report();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BudgetReportExcel().write(report, false, out);
        xlsx = out.toByteArray();
        out = new ByteArrayOutputStream();
        new BudgetReportExcel().write(report, true, out);
        publicXlsx = out.toByteArray();
        out = new ByteArrayOutputStream();
        new BudgetReportPdf(font).write(report, false, out);
        pdf = out.toByteArray();
        out = new ByteArrayOutputStream();
        new BudgetReportPdf(font).write(report, true, out);
        publicPdf = out.toByteArray();
        RenderedFiles.save(DIR, "budget-report", pdf);
        RenderedFiles.save(DIR, "budget-public", publicPdf);
        Files.write(DIR.resolve("budget-report.xlsx"), xlsx);
        Files.write(DIR.resolve("budget-public.xlsx"), publicXlsx);
    }

    private static BudgetReport report() {
        BudgetCatalog catalog = BudgetCatalog.standard();
        BudgetRules rules = BudgetRules.standard();
        List<BudgetLine> budget = new ArrayList<>();
        List<BudgetLine> actuals = new ArrayList<>();
        budget.add(line(ALL, "R0201", 1, 500_000));
        budget.add(line(ALL, "R0201", 7, 500_000));
        actuals.add(line(ALL, "R0201", 3, 500_000));
        monthly(budget, ALL, "E0401", 10_000);
        actuals.add(line(ALL, "E0401", 2, 28_000));
        actuals.add(line(ALL, "E0401", 5, 30_000));
        monthly(budget, CARDIO, "R0101", 100_000);
        actuals.add(line(CARDIO, "R0101", 6, 630_000));
        actuals.add(line(CARDIO, "R0101", 7, 999_999)); // after the month of the report: not counted
        monthly(budget, CARDIO, "R0114", 50_000);
        actuals.add(line(CARDIO, "R0114", 4, 180_000));
        monthly(budget, CARDIO, "E0101", 60_000);
        actuals.add(line(CARDIO, "E0101", 6, 370_000));
        actuals.add(line(OFFICE, "E0501", 3, 12_000));
        monthly(budget, ORTHO, "R0101", 80_000);
        actuals.add(line(ORTHO, "R0101", 6, 500_000));
        monthly(budget, ORTHO, "E0201", 20_000);
        actuals.add(line(ORTHO, "E0201", 6, 180_000));
        budget.add(line(ORTHO, "E0202", 1, 50_000));
        budget.add(line(ORTHO, "E0202", 2, 50_000));
        actuals.add(line(ORTHO, "E0202", 6, 130_000));
        List<ExecutionLine> lines = Execution.of(budget, actuals, MONTH, rules, catalog);

        List<PerformanceTarget> targets = List.of(
                target(CARDIO, "R0101", PerformanceDimension.QUANTITY, TARGET_NAMES.get(0), Comparison.GE, 0.5, "ratio",
                        30, PerformanceTarget.EXECUTION_RATE),
                target(ORTHO, "E0201", PerformanceDimension.COST, TARGET_NAMES.get(1), Comparison.LE, 0.55, "ratio", 20,
                        PerformanceTarget.EXECUTION_RATE),
                target(CARDIO, "", PerformanceDimension.QUALITY, TARGET_NAMES.get(2), Comparison.GE, 90, "分", 30,
                        PerformanceTarget.MANUAL),
                target(ALL, "", PerformanceDimension.TIMELINESS, TARGET_NAMES.get(3), Comparison.GE, 100, "%", 20,
                        PerformanceTarget.MANUAL));
        Map<String, Double> reported = Map.of(TARGET_NAMES.get(2), 85.0);
        PerformanceAssessment performance = PerformanceAssessment.assess(targets, t -> {
            if (t.source().equals(PerformanceTarget.EXECUTION_RATE)) {
                return lines.stream().filter(l -> l.department().equals(t.department())
                        && l.item().code().equals(t.item())).findFirst().map(ExecutionLine::executionRate)
                        .orElse(OptionalDouble.empty());
            }
            Double v = reported.get(t.name());
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }, rules);

        List<BudgetEvent> history = List.of(
                event(1, BudgetAction.COMPILE, null, BudgetState.DRAFT, COMMENTS.get(0), CLERK, "2025-01-05T01:30:00Z"),
                event(1, BudgetAction.SUBMIT, BudgetState.DRAFT, BudgetState.SUBMITTED, COMMENTS.get(1), CLERK,
                        "2025-01-10T02:00:00Z"),
                event(1, BudgetAction.RETURN, BudgetState.SUBMITTED, BudgetState.RETURNED, COMMENTS.get(2), DIRECTOR,
                        "2025-01-12T06:00:00Z"),
                event(1, BudgetAction.SUBMIT, BudgetState.RETURNED, BudgetState.SUBMITTED, COMMENTS.get(3), CLERK,
                        "2025-01-15T03:00:00Z"),
                event(1, BudgetAction.APPROVE, BudgetState.SUBMITTED, BudgetState.APPROVED, COMMENTS.get(4), DIRECTOR,
                        "2025-01-20T08:15:00Z"),
                event(2, BudgetAction.ADJUST, BudgetState.APPROVED, BudgetState.DRAFT, LONG_COMMENT, CLERK,
                        "2025-06-18T07:00:00Z"),
                event(2, BudgetAction.SUBMIT, BudgetState.DRAFT, BudgetState.SUBMITTED, COMMENTS.get(6), CLERK,
                        "2025-06-20T16:30:00Z"));
        BudgetVersion inForce = new BudgetVersion(HOSPITAL, YEAR, 1, false, BudgetState.APPROVED, "");
        BudgetVersion pending = new BudgetVersion(HOSPITAL, YEAR, 2, true, BudgetState.SUBMITTED, ADJUST_REASON);
        List<BudgetLine> toDate = actuals.stream().filter(a -> a.month() <= MONTH).toList();
        // the year's cost accounting: 100 万元 in all, 30 门诊 and 70 住院; 120 costed discharges cost 70 万元
        org.hqd.budget.CostFigures costs = new org.hqd.budget.CostFigures(YEAR, 100_000_000, 30_000_000, 70_000_000, 120,
                70_000_000, List.of(new org.hqd.budget.CostFigures.Department(CARDIO, 40_000_000, 15_000_000, 55_000_000,
                        10_000_000, 45_000_000), new org.hqd.budget.CostFigures.Department(ORTHO, 30_000_000, 15_000_000,
                        45_000_000, 20_000_000, 25_000_000)));
        return BudgetReport.of(HOSPITAL, NAME, YEAR, MONTH, inForce, Optional.of(pending), lines, toDate, catalog,
                performance, history).withCosts(Optional.of(costs));
    }

    private static BudgetLine line(String department, String item, int month, long yuan) {
        return new BudgetLine(HOSPITAL, YEAR, department, item, month, yuan * 100);
    }

    private static void monthly(List<BudgetLine> budget, String department, String item, long yuan) {
        for (int m = 1; m <= 12; m++) {
            budget.add(line(department, item, m, yuan));
        }
    }

    private static PerformanceTarget target(String department, String item, PerformanceDimension dimension, String name,
                                            Comparison comparison, double target, String unit, double weight,
                                            String source) {
        return new PerformanceTarget(HOSPITAL, YEAR, department, item, dimension, name, comparison, target, unit, weight,
                source);
    }

    private static BudgetEvent event(int version, BudgetAction action, BudgetState from, BudgetState to, String comment,
                                     String user, String at) {
        return new BudgetEvent(version, action, Optional.ofNullable(from), to, comment, user, Instant.parse(at));
    }





    /** A row's cells: strings, doubles, date-times, null for none. */
    private static List<Object> values(Row r) {
        return RenderedFiles.values(r, d -> d);
    }

    /** Every cell of the workbook as text. */
    private static List<String> allCells(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        for (Sheet s : wb) {
            out.add(s.getSheetName());
            for (Row r : s) {
                for (Cell c : r) {
                    out.add(c.getCellType() == CellType.NUMERIC ? String.valueOf(c.getNumericCellValue())
                            : c.getCellType() == CellType.STRING ? c.getStringCellValue() : "");
                }
            }
        }
        return out;
    }

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            names.add(wb.getSheetName(i));
        }
        return names;
    }

    // ---- the report the renderings are made from

    @Test
    void report_isWhatTheTestsExpect() {
        assertThat(report.lines()).hasSize(9);
        assertThat(report.alerts()).hasSize(4);
        assertThat(report.totals().get(org.hqd.budget.BudgetKind.REVENUE).actualToDate()).isEqualTo(181_000_000L);
        assertThat(report.totals().get(org.hqd.budget.BudgetKind.EXPENDITURE).annualBudget()).isEqualTo(118_000_000L);
        assertThat(report.performance().score().getAsDouble()).isCloseTo(73.0, within(1e-9));
        assertThat(report.performance().grade()).isEqualTo("中");
    }

    // ---- Excel, full report

    @Test
    void excel_sheetsInOrder_headersBoldAndFrozen() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            List<String> names = sheetNames(wb);
            assertThat(names).containsExactly("概况", "执行明细", "预警", "差异分析-科室", "差异分析-项目", "绩效评价",
                    "调整与审批记录", "成本核算");
            for (String name : names.subList(1, names.size())) {
                XSSFSheet s = wb.getSheet(name);
                assertThat(s.getPaneInformation()).as(name).isNotNull();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
                Cell first = s.getRow(0).getCell(0);
                assertThat(wb.getFontAt(first.getCellStyle().getFontIndex()).getBold()).as(name).isTrue();
                assertThat(s.getColumnWidth(0)).as(name).isGreaterThan(8 * 256);
            }
        }
    }

    @Test
    void excel_overview_versionsTotalsProgressStructureAndScore() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("概况");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo(TITLE);
            assertThat(values(s.getRow(1))).containsExactly("医院", NAME);
            assertThat(values(s.getRow(3))).containsExactly("年度", 2025.0);
            assertThat(values(s.getRow(4))).containsExactly("截至月份", 6.0);
            assertThat(values(s.getRow(5))).containsExactly("执行预算版本", "年初预算", "已批准");
            assertThat(values(s.getRow(6))).containsExactly("待批准版本", "第 1 次调整", "已提交", ADJUST_REASON);
            assertThat(values(s.getRow(7))).containsExactly("时间进度", 0.5);
            assertThat(values(s.getRow(9))).containsExactly("收支", "年度预算（元）", "序时预算（元）", "累计实际（元）", "执行率",
                    "时间进度");
            assertThat(values(s.getRow(10))).containsExactly("收入", 3_760_000.0, 1_880_000.0, 1_810_000.0,
                    1_810_000.0 / 3_760_000, 0.5);
            assertThat(values(s.getRow(11))).containsExactly("支出", 1_180_000.0, 640_000.0, 750_000.0,
                    750_000.0 / 1_180_000, 0.5);
            assertThat(s.getRow(10).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(s.getRow(10).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            // 医疗服务收入 630,000 + 500,000 of 医疗收入 1,310,000; 人员 370,000 of 业务支出 738,000 (单位管理费用 is not);
            // 能耗 58,000 per 181 万元 of revenue (1,810,000)
            assertThat(values(s.getRow(14))).containsExactly("医疗服务收入占医疗收入比例", 1_130_000.0 / 1_310_000);
            assertThat(values(s.getRow(15))).containsExactly("人员支出占业务支出比例", 370_000.0 / 738_000);
            assertThat(s.getRow(16).getCell(1).getNumericCellValue()).isCloseTo(58_000.0 / 181, within(1e-9));
            assertThat(s.getRow(18).getCell(0).getStringCellValue()).isEqualTo("绩效评价得分");
            assertThat(s.getRow(18).getCell(1).getNumericCellValue()).isCloseTo(73.0, within(1e-9));
            assertThat(values(s.getRow(19))).containsExactly("绩效评价等级", "中");
            assertThat(values(s.getRow(20))).containsExactly("预警事项（条）", 4.0);
        }
    }

    @Test
    void excel_executionLines_everyLineWithRatesAndAlerts() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("执行明细");
            assertThat(values(s.getRow(0))).containsExactly("科室", "项目编码", "项目", "收支", "年度预算（元）", "序时预算（元）",
                    "累计实际（元）", "执行率", "时间进度", "预警");
            assertThat(s.getLastRowNum()).isEqualTo(9);
            assertThat(values(s.getRow(1))).containsExactly(ALL, "R0201", "财政基本支出补助收入", "收入", 1_000_000.0,
                    500_000.0, 500_000.0, 0.5, 0.5, "");
            // the July actual of 999,999 is not counted
            assertThat(values(s.getRow(3))).containsExactly(CARDIO, "R0101", "门急诊诊察治疗收入", "收入", 1_200_000.0,
                    600_000.0, 630_000.0, 0.525, 0.5, "");
            assertThat(values(s.getRow(4))).containsExactly(CARDIO, "R0114", "住院药品收入", "收入", 600_000.0, 300_000.0,
                    180_000.0, 0.3, 0.5, "收入进度慢于时间进度");
            // no budget: no execution rate
            assertThat(values(s.getRow(6))).containsExactly(OFFICE, "E0501", "单位管理费用", "支出", 0.0, 0.0, 12_000.0,
                    null, 0.5, "无预算执行");
            assertThat(values(s.getRow(9))).containsExactly(ORTHO, "E0202", "卫生材料费", "支出", 100_000.0, 100_000.0,
                    130_000.0, 1.3, 0.5, "超预算、支出进度快于时间进度");
            assertThat(s.getRow(3).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }

    @Test
    void excel_alerts_onlyTheLinesWithAlerts() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("预警");
            assertThat(values(s.getRow(0))).isEqualTo(values(wb.getSheet("执行明细").getRow(0)));
            assertThat(s.getLastRowNum()).isEqualTo(4);
            assertThat(values(s.getRow(1))).containsExactly(CARDIO, "R0114", "住院药品收入", "收入", 600_000.0, 300_000.0,
                    180_000.0, 0.3, 0.5, "收入进度慢于时间进度");
            assertThat(values(s.getRow(3))).containsExactly(ORTHO, "E0201", "药品费", "支出", 240_000.0, 120_000.0,
                    180_000.0, 0.75, 0.5, "支出进度快于时间进度");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo(OFFICE);
            assertThat(s.getRow(4).getCell(9).getStringCellValue()).isEqualTo("超预算、支出进度快于时间进度");
        }
    }

    @Test
    void excel_variance_byDepartmentAndItem_largestFirst() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet d = wb.getSheet("差异分析-科室");
            assertThat(values(d.getRow(0))).containsExactly("科室", "收支", "序时预算（元）", "累计实际（元）", "差异（元）",
                    "差异率");
            // 心血管内科 revenue 900,000 → 810,000 and 骨科 expenditure 220,000 → 310,000 both differ by 90,000
            assertThat(values(d.getRow(1))).containsExactly(CARDIO, "收入", 900_000.0, 810_000.0, -90_000.0, -0.1);
            assertThat(values(d.getRow(2))).containsExactly(ORTHO, "支出", 220_000.0, 310_000.0, 90_000.0,
                    90_000.0 / 220_000);
            assertThat(values(d.getRow(4))).containsExactly(OFFICE, "支出", 0.0, 12_000.0, 12_000.0);
            assertThat(values(d.getRow(7))).containsExactly(ALL, "收入", 500_000.0, 500_000.0, 0.0, 0.0);
            assertThat(d.getLastRowNum()).isEqualTo(7);

            Sheet i = wb.getSheet("差异分析-项目");
            assertThat(values(i.getRow(0))).containsExactly("项目", "收支", "序时预算（元）", "累计实际（元）", "差异（元）",
                    "差异率");
            assertThat(values(i.getRow(1))).containsExactly("住院药品收入", "收入", 300_000.0, 180_000.0, -120_000.0, -0.4);
            // 门急诊诊察治疗收入 of both departments: 600,000 + 480,000 → 630,000 + 500,000
            assertThat(values(i.getRow(3))).containsExactly("门急诊诊察治疗收入", "收入", 1_080_000.0, 1_130_000.0, 50_000.0,
                    50_000.0 / 1_080_000);
            assertThat(i.getLastRowNum()).isEqualTo(8);
        }
    }

    @Test
    void excel_performance_targetsEarnedWeightsScoreAndGrade() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("绩效评价");
            assertThat(values(s.getRow(0))).containsExactly("维度", "绩效指标", "科室", "项目", "比较", "目标值", "单位", "权重",
                    "实际值", "结果", "得分");
            assertThat(values(s.getRow(1))).containsExactly("数量", TARGET_NAMES.get(0), CARDIO, "门急诊诊察治疗收入", "≥",
                    0.5, "%", 30.0, 0.525, "达标", 30.0);
            // a ceiling missed: earns 20 × 0.55 / 0.75
            List<Object> cost = values(s.getRow(2));
            assertThat(cost.subList(0, 8)).containsExactly("成本", TARGET_NAMES.get(1), ORTHO, "药品费", "≤", 0.55, "%",
                    20.0);
            assertThat(cost.subList(8, 10)).containsExactly(0.75, "未达标");
            assertThat((Double) cost.get(10)).isCloseTo(20 * 0.55 / 0.75, within(1e-9));
            // a floor missed: earns 30 × 85 / 90
            assertThat(values(s.getRow(3)).subList(0, 10)).containsExactly("质量", TARGET_NAMES.get(2), CARDIO, "全部项目",
                    "≥", 90.0, "分", 30.0, 85.0, "未达标");
            assertThat(s.getRow(3).getCell(10).getNumericCellValue()).isCloseTo(30 * 85.0 / 90, within(1e-9));
            // no data: no actual, nothing earned
            assertThat(values(s.getRow(4))).containsExactly("时效", TARGET_NAMES.get(3), ALL, "全部项目", "≥", 100.0, "%",
                    20.0, null, "无数据", 0.0);
            assertThat(s.getRow(6).getCell(0).getStringCellValue()).isEqualTo("综合得分");
            assertThat(s.getRow(6).getCell(1).getNumericCellValue()).isCloseTo(73.0, within(1e-9));
            assertThat(values(s.getRow(7))).containsExactly("等级", "中");
        }
    }

    @Test
    void excel_history_everyEventInChinaTime() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("调整与审批记录");
            assertThat(values(s.getRow(0))).containsExactly("时间", "版本", "操作", "状态变化", "说明", "操作人");
            assertThat(s.getLastRowNum()).isEqualTo(7);
            assertThat(values(s.getRow(1))).containsExactly(LocalDateTime.of(2025, 1, 5, 9, 30), "年初预算", "编制", "编制中",
                    COMMENTS.get(0), CLERK);
            assertThat(values(s.getRow(3))).containsExactly(LocalDateTime.of(2025, 1, 12, 14, 0), "年初预算", "退回",
                    "已提交 → 已退回", COMMENTS.get(2), DIRECTOR);
            assertThat(values(s.getRow(6))).containsExactly(LocalDateTime.of(2025, 6, 18, 15, 0), "第 1 次调整", "调整",
                    "已批准 → 编制中", LONG_COMMENT, CLERK);
            // 16:30 UTC is past midnight in China
            assertThat(values(s.getRow(7)).get(0)).isEqualTo(LocalDateTime.of(2025, 6, 21, 0, 30));
        }
    }

    // ---- Excel, public summary

    @Test
    void excel_public_oneSheetWithCategoriesTotalsAndStructure() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(publicXlsx)) {
            assertThat(sheetNames(wb)).containsExactly("财务信息公开");
            Sheet s = wb.getSheet("财务信息公开");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo(PUBLIC_TITLE);
            assertThat(values(s.getRow(1))).containsExactly("医院", NAME);
            assertThat(values(s.getRow(2))).containsExactly("年度", 2025.0);
            assertThat(values(s.getRow(3))).containsExactly("截至月份", 6.0);
            assertThat(values(s.getRow(5))).containsExactly("收支", "类别", "年度预算（元）", "累计实际（元）", "执行率");
            // categories revenue first, in item-code order (医疗收入 R01…, 财政补助收入 R02…); 医疗收入: 1,200,000 +
            // 600,000 + 960,000 budgeted, 630,000 + 180,000 + 500,000 actual
            assertThat(values(s.getRow(6))).containsExactly("收入", "医疗收入", 2_760_000.0, 1_310_000.0,
                    1_310_000.0 / 2_760_000);
            assertThat(values(s.getRow(7))).containsExactly("收入", "财政补助收入", 1_000_000.0, 500_000.0, 0.5);
            assertThat(values(s.getRow(8))).containsExactly("支出", "业务活动费用", 1_180_000.0, 738_000.0,
                    738_000.0 / 1_180_000);
            // 单位管理费用 has no budget: no execution rate
            assertThat(values(s.getRow(9))).containsExactly("支出", "单位管理费用", 0.0, 12_000.0);
            assertThat(values(s.getRow(10))).containsExactly("收入", "合计", 3_760_000.0, 1_810_000.0,
                    1_810_000.0 / 3_760_000);
            assertThat(values(s.getRow(11))).containsExactly("支出", "合计", 1_180_000.0, 750_000.0, 750_000.0 / 1_180_000);
            assertThat(values(s.getRow(13))).containsExactly("收支结构指标", "数值");
            assertThat(values(s.getRow(14))).containsExactly("医疗服务收入占医疗收入比例", 1_130_000.0 / 1_310_000);
            assertThat(s.getLastRowNum()).isEqualTo(16);
        }
    }

    @Test
    void excel_public_noDepartmentUserCommentTargetOrAlert() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(publicXlsx)) {
            List<String> cells = allCells(wb);
            List<String> secret = new ArrayList<>(DEPARTMENTS);
            secret.addAll(List.of(CLERK, DIRECTOR));
            secret.addAll(COMMENTS);
            secret.addAll(TARGET_NAMES);
            secret.addAll(List.of("预警", "超预算", "无预算执行", "年初预算", "调整", "绩效"));
            for (String cell : cells) {
                for (String x : secret) {
                    assertThat(cell).as("cell must not disclose '%s'", x).doesNotContain(x);
                }
            }
            assertThat(cells).contains(NAME, "医疗收入");
        }
    }

    // ---- PDF

    @Test
    void pdf_fullReport_titleSectionsDepartmentsScoreAndHistory() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(2, 4);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(TITLE);
            // landscape A4
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
        }
        String text = RenderedFiles.squeeze(RenderedFiles.text(pdf));
        assertThat(text).contains(RenderedFiles.squeeze(TITLE), "截至2025年6月", "一、执行概况", "二、预警事项", "三、差异分析",
                "四、预算绩效评价", "五、预算调整与审批");
        // totals in 万元: revenue 376.00 / 188.00 / 181.00, 48.1 %
        assertThat(text).contains("376.00", "188.00", "181.00", "48.1%", "63.6%", "86.3%", "50.1%", "320.44");
        // execution against the time progress (6 / 12 = 50 %): a difference of two rates, in 百分点 (181 / 376 = 48.14 %,
        // 75 / 118 = 63.56 %)
        assertThat(text).contains("执行率48.1%（低于时间进度1.9个百分点）", "执行率63.6%（高于时间进度13.6个百分点）");
        assertThat(text).contains(CARDIO, ORTHO, OFFICE, "超预算、支出进度快于时间进度", "收入进度慢于时间进度");
        // variance of 心血管内科 revenue: −9.00 万元, −10.0 %
        assertThat(text).contains("-9.00", "-10.0%", "+9.00", "+40.9%");
        assertThat(text).contains("综合得分73.0分，等级：中", TARGET_NAMES.get(2), "52.5%");
        assertThat(text).contains("2025-01-0509:30", "已提交→已退回", CLERK, DIRECTOR, "第1次调整待批准");
        // the long comment is cut with an ellipsis, not drawn over the page's edge
        assertThat(text).contains("因新院区于五月开诊").doesNotContain("以上为调整说明全文");
        // cost accounting: 700,000.00 / 120 = 5,833.33 yuan per costed discharge
        assertThat(text).contains("六、成本核算", "医疗全成本100.00万元，其中门诊30.00万元、住院70.00万元", "120人次",
                "住院次均成本5833.33元", "55.00", "45.00");
    }

    @Test
    void excel_costSheet_clinicalDepartmentsByFullCost() throws IOException {
        try (XSSFWorkbook wb = RenderedFiles.workbook(xlsx)) {
            Sheet s = wb.getSheet("成本核算");
            assertThat(values(s.getRow(0))).containsExactly("临床科室", "直接成本（元）", "分摊转入（元）", "全成本（元）",
                    "门诊（元）", "住院（元）");
            assertThat(values(s.getRow(1))).containsExactly(CARDIO, 400_000.0, 150_000.0, 550_000.0, 100_000.0, 450_000.0);
            assertThat(values(s.getRow(2))).containsExactly(ORTHO, 300_000.0, 150_000.0, 450_000.0, 200_000.0, 250_000.0);
            assertThat(s.getRow(4).getCell(0).getStringCellValue()).contains("住院次均成本 5833.33 元");
        }
    }

    @Test
    void pdf_public_onlyTheSummary() throws IOException {
        try (PDDocument doc = Loader.loadPDF(publicPdf)) {
            // the totals, the categories and their chart on page 1; the structure on page 2
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(PUBLIC_TITLE);
        }
        String text = RenderedFiles.squeeze(RenderedFiles.text(publicPdf));
        assertThat(text).contains(RenderedFiles.squeeze(PUBLIC_TITLE), "截至2025年6月", "医疗收入", "财政补助收入", "业务活动费用", "276.00",
                "131.00", "47.5%", "86.3%", "320.44");
        List<String> secret = new ArrayList<>(DEPARTMENTS);
        secret.addAll(List.of(CLERK, DIRECTOR));
        COMMENTS.forEach(c -> secret.add(RenderedFiles.squeeze(c)));
        secret.addAll(TARGET_NAMES);
        secret.addAll(List.of("预警", "超预算", "无预算执行", "年初预算", "调整", "绩效", "门急诊诊察治疗收入"));
        for (String x : secret) {
            assertThat(text).as("public PDF must not disclose '%s'", x).doesNotContain(x);
        }
    }

    @Test
    void pdf_manyDepartments_varianceListsTheFirst15() throws IOException {
        BudgetCatalog catalog = BudgetCatalog.standard();
        BudgetRules rules = BudgetRules.standard();
        List<BudgetLine> budget = new ArrayList<>();
        List<BudgetLine> actuals = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String d = String.format("测试科室%02d", i);
            monthly(budget, d, "E0404", 10_000);
            actuals.add(line(d, "E0404", 6, 60_000 + 1_000L * i)); // variance i × 1,000
        }
        List<ExecutionLine> lines = Execution.of(budget, actuals, MONTH, rules, catalog);
        BudgetReport r = BudgetReport.of(HOSPITAL, NAME, YEAR, MONTH,
                new BudgetVersion(HOSPITAL, YEAR, 1, false, BudgetState.APPROVED, ""), Optional.empty(), lines, actuals,
                catalog, PerformanceAssessment.assess(List.of(), t -> OptionalDouble.empty(), rules), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BudgetReportPdf(font).write(r, false, out);
        RenderedFiles.save(DIR, "many-departments", out.toByteArray());
        String text = RenderedFiles.squeeze(RenderedFiles.text(out.toByteArray()));
        assertThat(text).contains("列出差异最大的前15个科室（共20个）", "测试科室20", "测试科室06", "未设定预算绩效目标",
                "没有调整与审批记录");
        // 01–05 have the smallest variances, and their rates (50.8 %–54.2 %) raise no alert
        assertThat(text).doesNotContain("测试科室05", "测试科室01");
    }
}
