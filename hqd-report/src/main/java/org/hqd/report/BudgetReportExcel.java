package org.hqd.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.StructureIndicators;
import org.hqd.budget.Variance;

/**
 * Writes a hospital's budget report as an Excel workbook. The full report: 概况 (versions, totals by kind, time
 * progress, structure indicators, performance score), 执行明细 (every department × item line), 预警 (the lines
 * with alerts), 差异分析-科室, 差异分析-项目, 绩效评价 and 调整与审批记录. The public summary (财务信息公开): one
 * sheet with totals by category and the structure indicators, and nothing about departments, alerts, comments or
 * users. Amounts are numeric cells in yuan, rates numeric cells as percentages, times date-time cells (China
 * Standard Time).
 */
public final class BudgetReportExcel {
    /** The columns of 执行明细 and 预警. */
    static final List<String> LINES = List.of("科室", "项目编码", "项目", "收支", "年度预算（元）", "序时预算（元）",
            "累计实际（元）", "执行率", "时间进度", "预警");
    /** The columns of 绩效评价. */
    static final List<String> PERFORMANCE = List.of("维度", "绩效指标", "科室", "项目", "比较", "目标值", "单位", "权重",
            "实际值", "结果", "得分");
    /** The columns of 调整与审批记录. */
    static final List<String> HISTORY = List.of("时间", "版本", "操作", "状态变化", "说明", "操作人");

    private final boolean synthetic;

    public BudgetReportExcel() {
        this(false);
    }

    private BudgetReportExcel(boolean synthetic) {
        this.synthetic = synthetic;
    }

    /** This renderer for a report made from generated data: its titles carry the label 合成数据. */
    public BudgetReportExcel synthetic(boolean generated) {
        return new BudgetReportExcel(generated);
    }

    private String label(String title) {
        return synthetic ? org.hqd.hospital.SyntheticData.labelled(title) : title;
    }

    public void write(BudgetReport r, boolean publicSummary, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            if (publicSummary) {
                disclosure(wb.createSheet("财务信息公开"), r.publicSummary(), st);
            } else {
                overview(wb.createSheet("概况"), r, st);
                lines(wb.createSheet("执行明细"), r.lines(), st, "");
                lines(wb.createSheet("预警"), r.alerts(), st, "没有触发预警的执行明细。");
                variance(wb.createSheet("差异分析-科室"), "科室", r.byDepartment(), st);
                variance(wb.createSheet("差异分析-项目"), "项目", r.byItem(), st);
                performance(wb.createSheet("绩效评价"), r, st);
                history(wb.createSheet("调整与审批记录"), r, st);
                BudgetCostSection.excel(wb.createSheet("成本核算"), r, st.base, st.money);
            }
            wb.write(out);
        }
    }

    /** The ledger's styles plus amounts, decimals and date-times. */
    private static final class Styles {
        final LedgerBriefingExcel.Styles base;
        final CellStyle money;
        final CellStyle decimal;
        final CellStyle time;

        Styles(XSSFWorkbook wb) {
            base = new LedgerBriefingExcel.Styles(wb);
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            time = wb.createCellStyle();
            time.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        }
    }

    // ---- full report

    private void overview(Sheet sh, BudgetReport r, Styles st) {
        LedgerBriefingExcel.cell(sh.createRow(0), 0, label(BudgetText.title(r)), st.base.title);
        int n = 1;
        n = fact(sh, n, "医院", r.hospitalName(), st);
        n = fact(sh, n, "医院编码", r.hospitalId(), st);
        n = fact(sh, n, "年度", r.year(), st);
        n = fact(sh, n, "截至月份", r.month(), st);
        Row row = sh.createRow(n++);
        LedgerBriefingExcel.cell(row, 0, "执行预算版本", st.base.bold);
        version(row, r.basis());
        row = sh.createRow(n++);
        LedgerBriefingExcel.cell(row, 0, "待批准版本", st.base.bold);
        if (r.pending().isPresent()) {
            version(row, r.pending().get());
        } else {
            row.createCell(1).setCellValue("无");
        }
        row = sh.createRow(n++);
        LedgerBriefingExcel.cell(row, 0, "时间进度", st.base.bold);
        LedgerBriefingExcel.share(row, 1, BudgetText.progress(r.month()), st.base);
        n++;
        LedgerBriefingExcel.header(sh, n++, List.of("收支", "年度预算（元）", "序时预算（元）", "累计实际（元）", "执行率",
                "时间进度"), st.base);
        for (BudgetKind k : BudgetKind.values()) {
            Execution.Total t = r.totals().get(k);
            row = sh.createRow(n++);
            row.createCell(0).setCellValue(k.label());
            money(row, 1, t.annualBudget(), st);
            money(row, 2, t.budgetToDate(), st);
            money(row, 3, t.actualToDate(), st);
            rate(row, 4, t.executionRate(), st);
            LedgerBriefingExcel.share(row, 5, BudgetText.progress(r.month()), st.base);
        }
        n++;
        n = indicators(sh, n, r.structure(), st);
        n++;
        row = sh.createRow(n++);
        LedgerBriefingExcel.cell(row, 0, "绩效评价得分", st.base.bold);
        decimal(row, 1, r.performance().score(), st);
        n = fact(sh, n, "绩效评价等级", r.performance().grade().isEmpty() ? "—" : r.performance().grade(), st);
        fact(sh, n, "预警事项（条）", r.alerts().size(), st);
        sh.setColumnWidth(0, 28 * 256);
        for (int c = 1; c <= 5; c++) {
            sh.setColumnWidth(c, 18 * 256);
        }
    }

    /** A version: label, state, and for an adjustment its reason. */
    private static void version(Row row, BudgetVersion v) {
        row.createCell(1).setCellValue(v.label());
        row.createCell(2).setCellValue(v.state().label());
        if (!v.reason().isBlank()) {
            row.createCell(3).setCellValue(v.reason());
        }
    }

    private static void lines(Sheet sh, List<ExecutionLine> lines, Styles st, String empty) {
        LedgerBriefingExcel.header(sh, 0, LINES, st.base);
        int n = 1;
        for (ExecutionLine l : lines) {
            Row row = sh.createRow(n++);
            row.createCell(0).setCellValue(l.department());
            row.createCell(1).setCellValue(l.item().code());
            row.createCell(2).setCellValue(l.item().name());
            row.createCell(3).setCellValue(l.item().kind().label());
            money(row, 4, l.annualBudget(), st);
            money(row, 5, l.budgetToDate(), st);
            money(row, 6, l.actualToDate(), st);
            rate(row, 7, l.executionRate(), st);
            LedgerBriefingExcel.share(row, 8, l.timeProgress(), st.base);
            row.createCell(9).setCellValue(BudgetText.alerts(l));
        }
        LedgerBriefingExcel.table(sh, n, LINES.size(), 1);
        if (lines.isEmpty() && !empty.isEmpty()) {
            sh.createRow(1).createCell(0).setCellValue(empty);
        }
        int[] widths = {16, 10, 24, 6, 16, 16, 16, 9, 9, 36};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void variance(Sheet sh, String key, List<Variance.Line> lines, Styles st) {
        List<String> columns = List.of(key, "收支", "序时预算（元）", "累计实际（元）", "差异（元）", "差异率");
        LedgerBriefingExcel.header(sh, 0, columns, st.base);
        int n = 1;
        for (Variance.Line l : lines) {
            Row row = sh.createRow(n++);
            row.createCell(0).setCellValue(l.key());
            row.createCell(1).setCellValue(l.kind().label());
            money(row, 2, l.budgetToDate(), st);
            money(row, 3, l.actualToDate(), st);
            money(row, 4, l.variance(), st);
            rate(row, 5, l.rate(), st);
        }
        LedgerBriefingExcel.table(sh, n, columns.size(), 1);
        int[] widths = {24, 6, 16, 16, 16, 9};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void performance(Sheet sh, BudgetReport r, Styles st) {
        LedgerBriefingExcel.header(sh, 0, PERFORMANCE, st.base);
        int n = 1;
        for (PerformanceAssessment.Result x : r.performance().results()) {
            PerformanceTarget t = x.target();
            Row row = sh.createRow(n++);
            row.createCell(0).setCellValue(t.dimension().label());
            row.createCell(1).setCellValue(t.name());
            row.createCell(2).setCellValue(t.department());
            row.createCell(3).setCellValue(BudgetText.item(r, t));
            row.createCell(4).setCellValue(t.comparison().symbol());
            target(row, 5, t, OptionalDouble.of(t.target()), st);
            row.createCell(6).setCellValue(BudgetText.unit(t));
            row.createCell(7).setCellValue(t.weight());
            target(row, 8, t, x.actual(), st);
            row.createCell(9).setCellValue(BudgetText.met(x));
            decimal(row, 10, OptionalDouble.of(x.earned()), st);
        }
        int last = n;
        n++;
        Row row = sh.createRow(n++);
        LedgerBriefingExcel.cell(row, 0, "综合得分", st.base.bold);
        decimal(row, 1, r.performance().score(), st);
        row = sh.createRow(n);
        LedgerBriefingExcel.cell(row, 0, "等级", st.base.bold);
        row.createCell(1).setCellValue(r.performance().grade().isEmpty() ? "—" : r.performance().grade());
        LedgerBriefingExcel.table(sh, last, PERFORMANCE.size(), 0);
        int[] widths = {10, 28, 16, 20, 6, 10, 6, 8, 10, 9, 9};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void history(Sheet sh, BudgetReport r, Styles st) {
        LedgerBriefingExcel.header(sh, 0, HISTORY, st.base);
        int n = 1;
        for (BudgetEvent e : r.history()) {
            Row row = sh.createRow(n++);
            Cell at = row.createCell(0);
            at.setCellValue(BudgetText.localTime(e.at()));
            at.setCellStyle(st.time);
            row.createCell(1).setCellValue(BudgetText.version(r, e));
            row.createCell(2).setCellValue(e.action().label());
            row.createCell(3).setCellValue(BudgetText.stateChange(e));
            LedgerBriefingExcel.cell(row, 4, e.comment() == null ? "" : e.comment(), st.base.wrap);
            row.createCell(5).setCellValue(e.user());
        }
        LedgerBriefingExcel.table(sh, n, HISTORY.size(), 0);
        int[] widths = {17, 12, 8, 18, 60, 12};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
    }

    // ---- public summary

    private void disclosure(Sheet sh, BudgetReport.PublicSummary p, Styles st) {
        LedgerBriefingExcel.cell(sh.createRow(0), 0, label(BudgetText.publicTitle(p)), st.base.title);
        int n = 1;
        n = fact(sh, n, "医院", p.hospitalName(), st);
        n = fact(sh, n, "年度", p.year(), st);
        n = fact(sh, n, "截至月份", p.month(), st);
        n++;
        LedgerBriefingExcel.header(sh, n++, List.of("收支", "类别", "年度预算（元）", "累计实际（元）", "执行率"), st.base);
        for (BudgetReport.CategoryLine c : p.categories()) {
            Row row = sh.createRow(n++);
            row.createCell(0).setCellValue(c.kind().label());
            row.createCell(1).setCellValue(c.category());
            money(row, 2, c.annualBudget(), st);
            money(row, 3, c.actualToDate(), st);
            rate(row, 4, c.executionRate(), st);
        }
        for (Map.Entry<BudgetKind, Execution.Total> e : p.totals().entrySet()) {
            Row row = sh.createRow(n++);
            LedgerBriefingExcel.cell(row, 0, e.getKey().label(), st.base.bold);
            LedgerBriefingExcel.cell(row, 1, "合计", st.base.bold);
            money(row, 2, e.getValue().annualBudget(), st);
            money(row, 3, e.getValue().actualToDate(), st);
            rate(row, 4, e.getValue().executionRate(), st);
        }
        n++;
        indicators(sh, n, p.structure(), st);
        sh.setColumnWidth(0, 28 * 256);
        sh.setColumnWidth(1, 18 * 256);
        sh.setColumnWidth(2, 18 * 256);
        sh.setColumnWidth(3, 18 * 256);
        sh.setColumnWidth(4, 10 * 256);
    }

    // ---- cells

    private static int indicators(Sheet sh, int n, StructureIndicators s, Styles st) {
        LedgerBriefingExcel.header(sh, n++, List.of("收支结构指标", "数值"), st.base);
        for (BudgetText.Indicator i : BudgetText.indicators(s)) {
            Row row = sh.createRow(n++);
            row.createCell(0).setCellValue(i.name());
            if (i.share()) {
                rate(row, 1, i.value(), st);
            } else {
                decimal(row, 1, i.value(), st);
            }
        }
        return n;
    }

    private static int fact(Sheet sh, int n, String label, String value, Styles st) {
        Row row = sh.createRow(n);
        LedgerBriefingExcel.cell(row, 0, label, st.base.bold);
        row.createCell(1).setCellValue(value);
        return n + 1;
    }

    /** A label and a number (a year, a month, a count) on row {@code n}; returns the next row. */
    private static int fact(Sheet sh, int n, String label, double value, Styles st) {
        Row row = sh.createRow(n);
        LedgerBriefingExcel.cell(row, 0, label, st.base.bold);
        row.createCell(1).setCellValue(value);
        return n + 1;
    }

    /** Fen as a numeric cell of yuan. */
    private static void money(Row row, int c, long fen, Styles st) {
        Cell cell = row.createCell(c);
        cell.setCellValue(BudgetText.yuanValue(fen));
        cell.setCellStyle(st.money);
    }

    /** A rate as a percentage cell, or none without one. */
    private static void rate(Row row, int c, OptionalDouble v, Styles st) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            LedgerBriefingExcel.share(row, c, v.getAsDouble(), st.base);
        }
    }

    private static void decimal(Row row, int c, OptionalDouble v, Styles st) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            Cell cell = row.createCell(c);
            cell.setCellValue(v.getAsDouble());
            cell.setCellStyle(st.decimal);
        }
    }

    /** A target's value: a percentage cell for fractions, else a plain number; none without a value. */
    private static void target(Row row, int c, PerformanceTarget t, OptionalDouble v, Styles st) {
        if (BudgetText.ratio(t)) {
            rate(row, c, v, st);
        } else {
            LedgerBriefingExcel.number(row, c, v);
        }
    }
}
