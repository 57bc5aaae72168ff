package org.hqd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.HqdException;
import org.hqd.evaluation.Briefing;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.IndicatorSet;
import org.hqd.evaluation.IndicatorSets;
import org.hqd.evaluation.Measure;
import org.hqd.evaluation.TargetSet;
import org.hqd.evaluation.Weights;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the briefing of a small hand-made province (2 city, 3 county, 1 untiered hospital; five indicators, one
 * untargeted) as charts, PDF and Excel, and reads the results back with ImageIO, PDFBox and POI.
 */
final class BriefingRenderTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final String CATALOGUE_TSV = String.join("\n",
            "id\tname\tdimension\tformula\tunit\tdirection\tsource\tnote",
            "volume\tDRG 组数\t医疗质量\tdrg_count\t组\tHIGHER_BETTER\t病案首页\t",
            "mortality\t死亡率\t医疗质量\tdeaths / cases\tratio\tLOWER_BETTER\t病案首页\t",
            "stay\t平均住院日\t运营效率\tlos_days / cases\t天\tLOWER_BETTER\t病案首页\t",
            "emr\t电子病历\t持续发展\temr_level\t级\tHIGHER_BETTER\t机构报表\t",
            "satisfaction\t患者满意度\t满意度评价\tpatient_satisfaction\t分\tHIGHER_BETTER\t机构报表\t");
    private static final String TARGETS_TSV = String.join("\n",
            "# id: render-test",
            "# name: 渲染测试目标集",
            "indicator\ttier\tcomparison\ttarget\tyear\tsource",
            "volume\tCITY_TERTIARY\tGE\t200\t\trender.txt:1",
            "volume\tCOUNTY\tGE\t100\t\trender.txt:2",
            "mortality\t*\tLE\t0.05\t\trender.txt:3",
            "stay\t*\tLE\t8\t\trender.txt:4",
            "emr\tCITY_TERTIARY\tGE\t5\t\trender.txt:5");
    private static final IndicatorCatalog CATALOGUE = IndicatorCatalog.parse(CATALOGUE_TSV, "render-indicators.tsv");
    private static final TargetSet TARGETS = TargetSet.parse(TARGETS_TSV, "render-targets.tsv", CATALOGUE);

    private static final List<String> NAMES = List.of("第一人民医院", "中心医院", "东县医院", "西县医院", "南县医院",
            "民营康复医院");
    private static final List<String> TIER_LABELS = List.of("城市三级医院", "县级医院", "未登记层级");

    private static Path font;
    private static List<HospitalMeasures> province;
    private static Evaluation evaluation;
    private static Briefing briefing;
    private static List<BriefingCharts.Chart> charts;
    private static byte[] pdf;
    private static byte[] xlsx;

    @BeforeAll
    static void render() {
        font = CjkFont.locate();
        province = List.of(
                hospital("B1", NAMES.get(0), HospitalTier.CITY_TERTIARY, Measure.DRG_COUNT, 250, Measure.DEATHS, 1,
                        Measure.CASES, 100, Measure.LOS_DAYS, 700, Measure.EMR_LEVEL, 4.6),
                hospital("B2", NAMES.get(1), HospitalTier.CITY_TERTIARY, Measure.DRG_COUNT, 170, Measure.DEATHS, 3,
                        Measure.CASES, 100, Measure.LOS_DAYS, 900, Measure.EMR_LEVEL, 6),
                hospital("C1", NAMES.get(2), HospitalTier.COUNTY, Measure.DRG_COUNT, 100, Measure.DEATHS, 10,
                        Measure.CASES, 100),
                hospital("C2", NAMES.get(3), HospitalTier.COUNTY, Measure.DRG_COUNT, 80, Measure.DEATHS, 7,
                        Measure.CASES, 100, Measure.LOS_DAYS, 850),
                hospital("C3", NAMES.get(4), HospitalTier.COUNTY, Measure.DRG_COUNT, 120, Measure.DEATHS, 2,
                        Measure.CASES, 100, Measure.LOS_DAYS, 700, Measure.PATIENT_SATISFACTION, 92),
                hospital("A1", NAMES.get(5), null, Measure.DEATHS, 10, Measure.CASES, 1000, Measure.LOS_DAYS,
                        6000));
        evaluation = evaluate(province);
        briefing = Briefing.of(evaluation, Optional.empty(), 10);
        charts = new BriefingCharts(font).render(briefing);
        pdf = pdf(briefing, charts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BriefingExcel().write(briefing, charts, out);
        xlsx = out.toByteArray();
    }

    private static Evaluation evaluate(List<HospitalMeasures> hospitals) {
        return new Evaluator(IndicatorSet.whole(IndicatorSets.DEFAULT, CATALOGUE), TARGETS, Weights.equal(), Evaluator.DEFAULT_MARGIN)
                .evaluate(EvaluationPeriod.parse("2024"), hospitals, false);
    }

    private static HospitalMeasures hospital(String id, String name, HospitalTier tier, Object... pairs) {
        Map<Measure, Double> m = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Measure) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return new HospitalMeasures(id, name, Optional.ofNullable(tier), m);
    }

    private static byte[] pdf(Briefing b, List<BriefingCharts.Chart> c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BriefingPdf(font).write(b, c, out);
        return out.toByteArray();
    }

    private static String text(byte[] pdfBytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    // ---- (a) PDF

    @Test
    void pdf_loadsAndHasTitleHeadingsHospitalsAndTiers() throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            assertThat(doc.getDocumentInformation().getTitle()).contains("公立医院高质量发展评价通报");
        }
        String text = text(pdf);

        assertThat(text).contains("公立医院高质量发展评价通报", "一、总体情况", "二、各层级评价结果", "三、距目标差距最大的医院",
                "四、最常未达标的指标");
        assertThat(text).contains(NAMES);
        assertThat(text).contains(TIER_LABELS);
        assertThat(text).contains("DRG 组数", "死亡率", "平均住院日", "电子病历");
    }

    @Test
    void pdf_namesTheSetsByTheirNames_andAWholeLevelWithoutDecimals() throws IOException {
        String text = text(pdf);
        // the indicator set (a national one would otherwise go unsaid; this test's whole set is called by its id) and the
        // target set by its Chinese name, not its id; 电子病历 (unit 级): target 5 and B2's 6 as whole numbers
        assertThat(text).contains("指标集：" + evaluation.set().name() + "；目标集：渲染测试目标集；")
                .doesNotContain("render-test");
        assertThat(text.replaceAll("\\s+", " ")).contains("目标 ≥5 ", " 6 √").doesNotContain("≥5.00");
        assertThat(Formats.value(java.util.OptionalDouble.of(4.6), "级")).isEqualTo("4.60");
    }

    @Test
    void pdf_firstPageRendersSomethingVisible() throws IOException {
        RenderedFiles.assertFirstPageVisible(pdf);
    }

    @Test
    void pdf_nameWithCharactersMissingFromTheFont_doesNotFail() throws IOException {
        String emoji = "笑脸😀医院";
        String plane16 = "私用" + new String(Character.toChars(0x10FFFD)) + "医院";
        Evaluation e = evaluate(List.of(
                hospital("E1", emoji, HospitalTier.COUNTY, Measure.DRG_COUNT, 80, Measure.DEATHS, 7,
                        Measure.CASES, 100, Measure.LOS_DAYS, 850),
                hospital("E2", plane16, HospitalTier.COUNTY, Measure.DRG_COUNT, 120, Measure.DEATHS, 2,
                        Measure.CASES, 100, Measure.LOS_DAYS, 700)));
        Briefing b = Briefing.of(e, Optional.of("测试😀区"), 5);

        byte[] bytes = pdf(b, new BriefingCharts(font).render(b));

        String text = text(bytes);
        assertThat(text).contains("笑脸", "私用", "公立医院高质量发展评价通报");
        // the missing glyphs are drawn as '?'
        assertThat(text).contains("笑脸?医院", "私用?医院");
    }

    @Test
    void pdf_manyHospitals_tablesFlowOverPagesAndEveryHospitalIsListed() throws IOException {
        List<HospitalMeasures> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(hospital(String.format("K%02d", i), "县医院" + i, HospitalTier.COUNTY, Measure.DRG_COUNT, 60 + i,
                    Measure.DEATHS, i % 9, Measure.CASES, 100, Measure.LOS_DAYS, 700 + 5 * i));
        }
        Briefing b = Briefing.of(evaluate(many), Optional.empty(), 10);

        byte[] bytes = pdf(b, new BriefingCharts(font).render(b));

        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
        }
        String text = text(bytes);
        for (int i = 0; i < 60; i++) {
            assertThat(text).contains(String.format("K%02d", i) + " 县医院" + i);
        }
    }

    @Test
    void pdfAndExcel_nothingMissed_emptyTablesStillRender() throws IOException {
        Briefing b = Briefing.of(evaluate(List.of(
                hospital("G1", "达标医院", HospitalTier.COUNTY, Measure.DRG_COUNT, 120, Measure.DEATHS, 1,
                        Measure.CASES, 100, Measure.LOS_DAYS, 700))), Optional.of("样例"), 10);
        assertThat(b.furthest()).isEmpty();
        List<BriefingCharts.Chart> c = new BriefingCharts(font).render(b);

        assertThat(text(pdf(b, c))).contains("地区 样例", "三、距目标差距最大的医院", "达标医院");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BriefingExcel().write(b, c, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheet("差距最大的医院").getLastRowNum()).isZero();
            assertThat(wb.getSheet("明细").getLastRowNum()).isEqualTo(b.evaluation().rows().size());
        }
    }

    @Test
    void pdf_withoutCharts_stillWrites() throws IOException {
        assertThat(text(pdf(briefing, List.of()))).contains("四、最常未达标的指标", NAMES.get(0));
    }

    // ---- (b) Excel

    @Test
    void excel_sheets() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }

            assertThat(names).containsExactly("概要", "城市三级医院（2 家）", "县级医院（3 家）", "未登记层级（1 家）",
                    "差距最大的医院", "最常未达标的指标", "各层级指标均值", "明细", "说明");
        }
    }

    /**
     * By hand: stay B1 7.0, B2 9.0 | C1 none, C2 8.5, C3 7.0 | A1 6.0; satisfaction only C3 92; mortality B1 0.01,
     * B2 0.03 | C1 0.10, C2 0.07, C3 0.02 | A1 0.01.
     */
    @Test
    void excel_tierFigures_everyIndicatorPerTierAndOverall_untargetedToo() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("各层级指标均值");
            Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
            Map<String, String> units = new java.util.HashMap<>();
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                List<String> cells = new ArrayList<>();
                s.getRow(r).forEach(c -> cells.add(c.getStringCellValue()));
                units.put(cells.get(0), cells.get(1));
                rows.put(cells.get(0) + "|" + cells.get(2), cells.subList(3, cells.size()));
            }

            assertThat(s.getRow(0).getCell(1).getStringCellValue()).isEqualTo("单位");
            assertThat(units).containsEntry("平均住院日", "天").containsEntry("死亡率", "%").containsEntry("患者满意度", "分");
            assertThat(rows).hasSize(5 * 4);
            assertThat(rows.get("平均住院日|城市三级医院")).containsExactly("2", "2", "8.00", "8.00");
            assertThat(rows.get("平均住院日|县级医院")).containsExactly("3", "2", "7.75", "7.75");
            assertThat(rows.get("平均住院日|未登记层级")).containsExactly("1", "1", "6.00", "6.00");
            assertThat(rows.get("平均住院日|全部")).containsExactly("6", "5", "7.50", "7.00");
            assertThat(rows.get("患者满意度|县级医院")).containsExactly("3", "1", "92.00", "92.00");
            assertThat(rows.get("患者满意度|城市三级医院")).containsExactly("2", "0", "—", "—");
            assertThat(rows.get("死亡率|县级医院")).containsExactly("3", "3", "6.3%", "7.0%");
            assertThat(rows.get("死亡率|全部")).containsExactly("6", "6", "4.0%", "2.5%");
        }
    }

    @Test
    void summary_scopedSet_saysHowManyHospitalsWereNotRated() {
        IndicatorSet scoped = IndicatorSet.parse("# id: hqd\n# applies_to: CITY_TERTIARY\n# scope: 三级医院\n"
                + "national_no\tindicator\tname\tdimension\tgroup\tmonitored\n\tvolume\n\tmortality\n\tstay\n"
                + "\temr\n\tsatisfaction", "scoped.tsv", CATALOGUE);
        Evaluation e = new Evaluator(scoped, TARGETS, Weights.equal(), Evaluator.DEFAULT_MARGIN)
                .evaluate(EvaluationPeriod.parse("2024"), province, false);

        String summary = new BriefingText(Briefing.of(e, Optional.empty(), 10), false).summary();
        assertThat(summary).startsWith("本期共评价医院 2 家（城市三级医院 2 家）")
                .endsWith("本指标体系适用于三级医院；不适用的 4 家医院未参评。");
    }

    @Test
    void excel_summaryHasTheThreeCharts() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getAllPictures()).hasSize(3);
            Sheet summary = wb.getSheet("概要");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).contains("公立医院高质量发展评价通报");
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) summary).getDrawingPatriarch().getShapes())
                    .hasSize(3);
        }
    }

    @Test
    void excel_tierSheets_oneLinePerHospitalInRankOrder() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int t = 0; t < briefing.tables().size(); t++) {
                Briefing.TierTable table = briefing.tables().get(t);
                Sheet s = wb.getSheetAt(1 + t);
                assertThat(s.getLastRowNum()).isEqualTo(table.lines().size());
                for (int i = 0; i < table.lines().size(); i++) {
                    Briefing.TierLine l = table.lines().get(i);
                    assertThat(s.getRow(1 + i).getCell(0).getStringCellValue())
                            .isEqualTo(l.hospitalId() + " " + l.hospitalName());
                }
            }
        }
    }

    @Test
    void excel_details_oneRowPerEvaluationRowWithNumericValuesAndStatus() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("明细");
            List<EvaluationRow> rows = evaluation.rows();

            // Chinese headings; tiers, comparators and statuses by name (no NATIONAL_CENTER, GE, MET in a document)
            assertThat(s.getRow(0).getCell(5).getStringCellValue()).isEqualTo("值");
            assertThat(s.getRow(0).getCell(8).getStringCellValue()).isEqualTo("状态");
            assertThat(s.getLastRowNum()).isEqualTo(rows.size());
            assertThat(rows).anySatisfy(r -> assertThat(r.value()).isEmpty()); // the NO_DATA path is exercised
            for (int i = 0; i < rows.size(); i++) {
                EvaluationRow r = rows.get(i);
                Row x = s.getRow(i + 1);
                assertThat(x.getCell(0).getStringCellValue()).isEqualTo(r.hospitalId());
                assertThat(x.getCell(3).getStringCellValue()).isEqualTo(r.indicator().id());
                Cell value = x.getCell(5);
                if (r.value().isPresent()) {
                    assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(value.getNumericCellValue()).isCloseTo(r.value().getAsDouble(), within(1e-12));
                } else {
                    assertThat(value == null || value.getCellType() == CellType.BLANK).isTrue();
                }
                assertThat(x.getCell(8).getStringCellValue()).isEqualTo(r.status().orElseThrow().label());
                assertThat(x.getCell(2).getStringCellValue()).isEqualTo(r.tier().map(HospitalTier::label).orElse(""));
                if (r.target().isPresent()) {
                    assertThat(x.getCell(7).getStringCellValue()).isIn("≥", ">", "≤", "<");
                }
            }
        }
    }

    @Test
    void excel_furthestAndMostMissedSheets() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet far = wb.getSheet("差距最大的医院");
            assertThat(far.getLastRowNum()).isEqualTo(briefing.furthest().size());
            for (int i = 0; i < briefing.furthest().size(); i++) {
                Briefing.HospitalGap g = briefing.furthest().get(i);
                assertThat(far.getRow(1 + i).getCell(1).getStringCellValue())
                        .isEqualTo(g.hospitalId() + " " + g.hospitalName());
            }
            Sheet missed = wb.getSheet("最常未达标的指标");
            assertThat(missed.getLastRowNum()).isEqualTo(briefing.mostMissed().size());
            assertThat(missed.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo(briefing.mostMissed().get(0).indicator().name());
        }
    }

    // ---- (c) charts

    @Test
    void charts_threeReadablePngsOfTheDeclaredSize() throws IOException {
        assertThat(charts).hasSize(3);
        assertThat(charts).extracting(BriefingCharts.Chart::title)
                .containsExactly("各层级指标达标率（%）", "各层级医院平均综合得分", "各指标未达标率（%）");
        for (BriefingCharts.Chart c : charts) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(c.png()));
            assertThat(image).as(c.title()).isNotNull();
            assertThat(image.getWidth()).as(c.title()).isEqualTo(c.width());
            assertThat(image.getHeight()).as(c.title()).isEqualTo(c.height());
        }
        assertThat(charts.get(0).width()).isEqualTo(760);
        assertThat(charts.get(0).height()).isEqualTo(360);
        // 4 targeted indicators: max(300, 40 + 28 × 4) = 300
        assertThat(charts.get(2).height()).isEqualTo(300);
    }

    // ---- (d) font

    @Test
    void cjkFont_configuredPathMissing_failsNamingThePath() {
        assertThatThrownBy(() -> CjkFont.locate(Optional.of("/nonexistent.ttf")))
                .isInstanceOf(HqdException.class)
                .hasMessageContaining("/nonexistent.ttf");
    }

    @Test
    void cjkFont_notConfigured_findsAnInstalledFont() {
        assertThat(CjkFont.locate(Optional.empty())).isRegularFile();
        assertThat(CjkFont.locate(Optional.of(" "))).isRegularFile();
    }
}
