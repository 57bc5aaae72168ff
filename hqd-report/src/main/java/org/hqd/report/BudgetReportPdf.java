package org.hqd.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.StructureIndicators;
import org.hqd.budget.Variance;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Writes a hospital's budget report as a PDF in Chinese on landscape A4. The full report (预算执行与绩效报告):
 * 一、执行概况 (totals by kind, structure indicators, a chart of budget to date against actual to date by
 * category), 二、预警事项, 三、差异分析 (the first {@value #DEPARTMENTS_SHOWN} departments by the size of their
 * variance, every item), 四、预算绩效评价 (targets, score and grade) and 五、预算调整与审批 (the history). The public
 * summary (财务信息公开) shows only totals by kind and category and the structure indicators. Amounts in 万元; long
 * cells are cut after a few lines (see {@link LedgerBriefingPdf#table}), so nothing runs off the page.
 */
public final class BudgetReportPdf {
    /** Departments listed in 差异分析 (按科室). */
    static final int DEPARTMENTS_SHOWN = 15;

    private static final List<Color> CHART_COLORS = List.of(new Color(0x90A4AE), new Color(0x1565C0));
    private static final int CHART_WIDTH = 760;
    private static final int CHART_HEIGHT = 300;
    /** The chart's width on the page (points): about 210 points tall, so it fits under the first tables. */
    private static final float CHART_DRAWN = 540;

    private final Path fontFile;
    private final boolean synthetic;

    public BudgetReportPdf(Path font) {
        this(font, false);
    }

    private BudgetReportPdf(Path font, boolean synthetic) {
        this.fontFile = font;
        this.synthetic = synthetic;
    }

    /** This renderer for a report made from generated data: its title carries the label 合成数据. */
    public BudgetReportPdf synthetic(boolean generated) {
        return new BudgetReportPdf(fontFile, generated);
    }

    public void write(BudgetReport r, boolean publicSummary, OutputStream out) throws IOException {
        BudgetReport.PublicSummary p = publicSummary ? r.publicSummary() : null;
        String plain = publicSummary ? BudgetText.publicTitle(p) : BudgetText.title(r);
        String title = synthetic ? org.hqd.hospital.SyntheticData.labelled(plain) : plain;
        BriefingCharts.Chart chart = publicSummary ? publicChart(p) : chart(r);
        try (PDDocument doc = new PDDocument(); PdfFont cjk = PdfFont.load(doc, fontFile)) {
            PDFont font = cjk.font;
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("HQD");
            try (PdfCanvas c = new PdfCanvas(doc, font, LedgerBriefingPdf.shorten(title, 60))) {
                for (String line : c.wrap(title, 18, c.width())) {
                    c.heading(line, 18);
                }
                if (publicSummary) {
                    disclosure(c, p, chart);
                } else {
                    full(c, r, chart);
                }
            }
            doc.save(out);
        }
    }

    // ---- full report

    private static void full(PdfCanvas c, BudgetReport r, BriefingCharts.Chart chart) throws IOException {
        StringBuilder sub = new StringBuilder(BudgetText.asOf(r.year(), r.month()))
                .append("（时间进度 ").append(BudgetText.percent(BudgetText.progress(r.month()))).append("）；执行预算：")
                .append(BudgetText.version(r.basis()));
        r.pending().ifPresent(v -> sub.append("；").append(v.label()).append("待批准（").append(v.state().label())
                .append("）"));
        sub.append("。金额单位：万元。");
        c.paragraph(sub.toString(), 10);

        LedgerBriefingPdf.section(c, "一、执行概况");
        c.paragraph(summary(r), 10);
        totals(c, r.totals(), true, r.month());
        c.paragraph("收支结构（按累计实际数计算）：", 10);
        structure(c, r.structure());
        if (chart != null) {
            c.image(chart.png(), CHART_DRAWN);
        }

        LedgerBriefingPdf.section(c, "二、预警事项");
        alerts(c, r);

        LedgerBriefingPdf.section(c, "三、差异分析");
        c.paragraph("差异 = 累计实际 − 序时预算，差异率 = 差异 ÷ 序时预算；按差异绝对值从大到小排列。", 9);
        int n = r.byDepartment().size();
        subsection(c, "（一）按科室");
        if (n > DEPARTMENTS_SHOWN) {
            c.paragraph("列出差异最大的前 " + DEPARTMENTS_SHOWN + " 个科室（共 " + n + " 个）。", 9);
        }
        variance(c, "科室", r.byDepartment().subList(0, Math.min(DEPARTMENTS_SHOWN, n)));
        subsection(c, "（二）按项目");
        variance(c, "项目", r.byItem());

        LedgerBriefingPdf.section(c, "四、预算绩效评价");
        performance(c, r);

        LedgerBriefingPdf.section(c, "五、预算调整与审批");
        history(c, r);

        BudgetCostSection.pdf(c, r);
    }

    /** "收入年度预算 … 万元，序时预算 …，累计实际 …，执行率 …；支出…。" */
    private static String summary(BudgetReport r) {
        StringBuilder b = new StringBuilder();
        for (BudgetKind k : BudgetKind.values()) {
            Execution.Total t = r.totals().get(k);
            b.append(b.length() == 0 ? "" : "；").append(k.label()).append("年度预算 ").append(BudgetText.wan(t.annualBudget()))
                    .append(" 万元，序时预算 ").append(BudgetText.wan(t.budgetToDate())).append(" 万元，累计实际 ")
                    .append(BudgetText.wan(t.actualToDate())).append(" 万元，执行率 ")
                    .append(BudgetText.percent(t.executionRate()));
            String against = Formats.against(t.executionRate(), BudgetText.progress(r.month()), "时间进度");
            b.append(against.isEmpty() ? "" : "（" + against + "）");
        }
        b.append("。时间进度 ").append(BudgetText.percent(BudgetText.progress(r.month()))).append("。");
        int alerts = r.alerts().size();
        b.append(alerts == 0 ? "没有触发预警的执行明细。" : "触发预警的执行明细 " + alerts + " 条。");
        r.performance().score().ifPresent(s -> b.append("预算绩效评价综合得分 ").append(Formats.score(OptionalDouble.of(s)))
                .append(" 分，等级：").append(r.performance().grade()).append("。"));
        return b.toString();
    }

    private static void alerts(PdfCanvas c, BudgetReport r) throws IOException {
        List<ExecutionLine> lines = r.alerts();
        if (lines.isEmpty()) {
            c.paragraph("没有触发预警的执行明细。", 10);
            return;
        }
        c.paragraph("共 " + lines.size() + " 条执行明细触发预警；时间进度 "
                + BudgetText.percent(BudgetText.progress(r.month())) + "，执行率 = 累计实际 ÷ 年度预算。", 9);
        List<List<String>> rows = new ArrayList<>();
        for (ExecutionLine l : lines) {
            rows.add(List.of(l.department(), l.item().code(), l.item().name(), l.item().kind().label(),
                    BudgetText.wan(l.annualBudget()), BudgetText.wan(l.budgetToDate()), BudgetText.wan(l.actualToDate()),
                    BudgetText.percent(l.executionRate()), BudgetText.alerts(l)));
        }
        LedgerBriefingPdf.table(c, List.of("科室", "项目编码", "项目", "收支", "年度预算", "序时预算", "累计实际", "执行率",
                "预警"), rows, 9);
    }

    private static void variance(PdfCanvas c, String key, List<Variance.Line> lines) throws IOException {
        if (lines.isEmpty()) {
            c.paragraph("没有执行明细。", 10);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Variance.Line l : lines) {
            rows.add(List.of(l.key(), l.kind().label(), BudgetText.wan(l.budgetToDate()), BudgetText.wan(l.actualToDate()),
                    BudgetText.signedWan(l.variance()), signed(l.rate())));
        }
        compact(c, List.of(key, "收支", "序时预算", "累计实际", "差异", "差异率"), rows, 9, c.width() * 0.8f);
    }

    private static void performance(PdfCanvas c, BudgetReport r) throws IOException {
        PerformanceAssessment a = r.performance();
        if (a.results().isEmpty()) {
            c.paragraph("未设定预算绩效目标。", 10);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (PerformanceAssessment.Result x : a.results()) {
            PerformanceTarget t = x.target();
            rows.add(List.of(t.dimension().label(), t.name(), t.department(), BudgetText.item(r, t),
                    t.comparison().symbol() + " " + BudgetText.targetValue(t, OptionalDouble.of(t.target())),
                    BudgetText.unit(t).isEmpty() ? "—" : BudgetText.unit(t), BudgetText.number(t.weight()),
                    BudgetText.targetValue(t, x.actual()), BudgetText.met(x), BudgetText.number(x.earned())));
        }
        LedgerBriefingPdf.table(c, List.of("维度", "绩效指标", "科室", "项目", "目标", "单位", "权重", "实际值", "结果", "得分"),
                rows, 9);
        c.paragraph(a.score().isPresent()
                ? "综合得分 " + Formats.score(a.score()) + " 分，等级：" + a.grade() + "。"
                : "各目标权重均为 0，不计综合得分。", 11);
        c.paragraph("达标的目标得全部权重；未达标的按完成程度折算（下限目标为实际值 ÷ 目标值，上限目标为目标值 ÷ 实际值）；"
                + "无数据的不得分。综合得分 = 所得权重之和 ÷ 权重合计 × 100。", 8);
    }

    private static void history(PdfCanvas c, BudgetReport r) throws IOException {
        StringBuilder b = new StringBuilder("执行预算：").append(BudgetText.version(r.basis()));
        if (!r.basis().reason().isBlank()) {
            b.append("，调整原因：").append(r.basis().reason());
        }
        b.append("。");
        r.pending().ifPresent(v -> {
            b.append(v.label()).append("待批准（").append(v.state().label()).append("）");
            b.append(v.reason().isBlank() ? "。" : "，调整原因：" + v.reason() + "。");
        });
        c.paragraph(b.toString(), 10);
        if (r.history().isEmpty()) {
            c.paragraph("没有调整与审批记录。", 10);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (BudgetEvent e : r.history()) {
            rows.add(List.of(BudgetText.time(e.at()), BudgetText.version(r, e), e.action().label(),
                    BudgetText.stateChange(e), e.comment() == null || e.comment().isBlank() ? "—" : e.comment().strip(),
                    e.user()));
        }
        LedgerBriefingPdf.table(c, List.of("时间", "版本", "操作", "状态变化", "说明", "操作人"), rows, 8);
    }

    /** Budget to date against actual to date by category, in 万元; none without lines. */
    private BriefingCharts.Chart chart(BudgetReport r) {
        List<BudgetText.CategoryAmounts> cats = BudgetText.byCategory(r.lines());
        if (cats.isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Integer> names = counts(cats.stream().map(BudgetText.CategoryAmounts::category).toList());
        for (BudgetText.CategoryAmounts x : cats) {
            String label = label(x.kind(), x.category(), names);
            data.addValue(x.budgetToDate() / 1_000_000.0, "序时预算", label);
            data.addValue(x.actualToDate() / 1_000_000.0, "累计实际", label);
        }
        return new BriefingCharts(fontFile).grouped("各类别序时预算与累计实际（万元）", "", "万元", data, CHART_COLORS,
                CHART_WIDTH, CHART_HEIGHT);
    }

    // ---- public summary

    private static void disclosure(PdfCanvas c, BudgetReport.PublicSummary p, BriefingCharts.Chart chart)
            throws IOException {
        c.paragraph(BudgetText.asOf(p.year(), p.month()) + "（时间进度 " + BudgetText.percent(BudgetText.progress(p.month()))
                + "）。金额单位：万元。", 10);
        LedgerBriefingPdf.section(c, "一、收支预算执行情况");
        totals(c, p.totals(), false, p.month());
        LedgerBriefingPdf.section(c, "二、分类别执行情况");
        List<List<String>> rows = new ArrayList<>();
        for (BudgetReport.CategoryLine x : p.categories()) {
            rows.add(List.of(x.kind().label(), x.category(), BudgetText.wan(x.annualBudget()),
                    BudgetText.wan(x.actualToDate()), BudgetText.percent(x.executionRate())));
        }
        if (rows.isEmpty()) {
            c.paragraph("没有预算执行数据。", 10);
        } else {
            compact(c, List.of("收支", "类别", "年度预算", "累计实际", "执行率"), rows, 10, c.width() * 0.7f);
        }
        if (chart != null) {
            c.image(chart.png(), CHART_DRAWN);
        }
        LedgerBriefingPdf.section(c, "三、收支结构");
        structure(c, p.structure());
        c.paragraph("执行率 = 累计实际 ÷ 年度预算；医疗服务收入不含药品、卫生材料、检查和化验收入；"
                + "万元收入能耗支出 = 水电燃料能耗支出 ÷ 总收入（万元）。", 8);
    }

    /** Annual budget against actual to date by category, in 万元; none without categories. */
    private BriefingCharts.Chart publicChart(BudgetReport.PublicSummary p) {
        if (p.categories().isEmpty()) {
            return null;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Integer> names = counts(p.categories().stream().map(BudgetReport.CategoryLine::category).toList());
        for (BudgetReport.CategoryLine x : p.categories()) {
            String label = label(x.kind(), x.category(), names);
            data.addValue(x.annualBudget() / 1_000_000.0, "年度预算", label);
            data.addValue(x.actualToDate() / 1_000_000.0, "累计实际", label);
        }
        return new BriefingCharts(fontFile).grouped("各类别年度预算与累计实际（万元）", "", "万元", data, CHART_COLORS,
                CHART_WIDTH, CHART_HEIGHT);
    }

    // ---- shared blocks

    /** Totals by kind: annual budget, (budget to date,) actual to date, execution rate, time progress. */
    private static void totals(PdfCanvas c, Map<BudgetKind, Execution.Total> totals, boolean toDate, int month)
            throws IOException {
        List<String> header = toDate ? List.of("收支", "年度预算", "序时预算", "累计实际", "执行率", "时间进度")
                : List.of("收支", "年度预算", "累计实际", "执行率", "时间进度");
        List<List<String>> rows = new ArrayList<>();
        for (BudgetKind k : BudgetKind.values()) {
            Execution.Total t = totals.get(k);
            if (t == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(k.label(), BudgetText.wan(t.annualBudget())));
            if (toDate) {
                row.add(BudgetText.wan(t.budgetToDate()));
            }
            row.add(BudgetText.wan(t.actualToDate()));
            row.add(BudgetText.percent(t.executionRate()));
            row.add(BudgetText.percent(BudgetText.progress(month)));
            rows.add(row);
        }
        compact(c, header, rows, 10, c.width() * 0.7f);
    }

    private static void structure(PdfCanvas c, StructureIndicators s) throws IOException {
        List<String> header = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (BudgetText.Indicator i : BudgetText.indicators(s)) {
            header.add(i.name());
            values.add(i.text());
        }
        compact(c, header, List.of(values), 10, c.width() * 0.7f);
    }

    /** A table of short cells spanning {@code span} points (less than the page, so that a few columns do not sprawl). */
    private static void compact(PdfCanvas c, List<String> header, List<List<String>> rows, float size, float span)
            throws IOException {
        c.table(header, rows, LedgerBriefingPdf.widths(c, header, rows, size, span), size);
    }

    private static void subsection(PdfCanvas c, String heading) throws IOException {
        c.keep(90);
        c.heading(heading, 11);
    }

    /** A rate with its sign, or —. */
    private static String signed(OptionalDouble v) {
        return v.isPresent() && v.getAsDouble() > 0 ? "+" + BudgetText.percent(v) : BudgetText.percent(v);
    }

    private static Map<String, Integer> counts(List<String> names) {
        Map<String, Integer> out = new HashMap<>();
        names.forEach(n -> out.merge(n, 1, Integer::sum));
        return out;
    }

    /** A category's chart label, with its kind when a revenue and an expenditure category share the name. */
    private static String label(BudgetKind kind, String category, Map<String, Integer> counts) {
        return counts.getOrDefault(category, 0) > 1 ? kind.label() + "·" + category : category;
    }
}
