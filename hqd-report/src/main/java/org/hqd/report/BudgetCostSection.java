package org.hqd.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.CostFigures;

/**
 * The budget report's section on cost (成本核算): the year's full cost after stepwise allocation, its 门诊 and 住院
 * parts, the 住院 cost per costed discharge, and the clinical departments with the largest full cost — from the cost
 * accounting (hqd costing run), or a note that the year is not costed.
 */
final class BudgetCostSection {
    static final String HEADING = "六、成本核算";
    static final int DEPARTMENTS_SHOWN = 15;
    static final List<String> COLUMNS = List.of("临床科室", "直接成本", "分摊转入", "全成本", "门诊", "住院");

    private BudgetCostSection() {
    }

    /** The summary sentence, or the note for a year not costed. */
    static String summary(BudgetReport r) {
        if (r.costs().isEmpty()) {
            return r.year() + " 年尚未核算成本（hqd costing run）。";
        }
        CostFigures f = r.costs().get();
        return f.year() + " 年经三级分摊后的医疗全成本 " + BudgetText.wan(f.totalCost()) + " 万元，其中门诊 "
                + BudgetText.wan(f.outpatient()) + " 万元、住院 " + BudgetText.wan(f.inpatient()) + " 万元；已核算成本的出院病例 "
                + f.costedCases() + " 人次，住院次均成本 " + BudgetText.number(f.costPerCase() / 100.0) + " 元。"
                + "成本依据全年财务实际数，与截至月份无关。";
    }

    static void pdf(PdfCanvas c, BudgetReport r) throws IOException {
        LedgerBriefingPdf.section(c, HEADING);
        c.paragraph(summary(r), 10);
        if (r.costs().isEmpty() || r.costs().get().departments().isEmpty()) {
            return;
        }
        List<CostFigures.Department> ds = r.costs().get().departments();
        if (ds.size() > DEPARTMENTS_SHOWN) {
            c.paragraph("列出全成本最高的前 " + DEPARTMENTS_SHOWN + " 个临床科室（共 " + ds.size() + " 个）；金额单位：万元。", 9);
        }
        List<List<String>> rows = new ArrayList<>();
        for (CostFigures.Department d : ds.subList(0, Math.min(DEPARTMENTS_SHOWN, ds.size()))) {
            rows.add(List.of(d.department(), BudgetText.wan(d.direct()), BudgetText.wan(d.allocatedIn()),
                    BudgetText.wan(d.full()), BudgetText.wan(d.outpatient()), BudgetText.wan(d.inpatient())));
        }
        LedgerBriefingPdf.table(c, COLUMNS, rows, 9);
    }

    /** The clinical departments' table (header frozen) with the summary sentence below it. */
    static void excel(Sheet sh, BudgetReport r, LedgerBriefingExcel.Styles st, CellStyle money) {
        List<String> header = new ArrayList<>();
        COLUMNS.forEach(x -> header.add(x.equals("临床科室") ? x : x + "（元）"));
        LedgerBriefingExcel.header(sh, 0, header, st);
        List<CostFigures.Department> ds = r.costs().map(CostFigures::departments).orElse(List.of());
        int n = 1;
        for (CostFigures.Department d : ds) {
            Row row = sh.createRow(n++);
            row.createCell(0).setCellValue(d.department());
            long[] v = {d.direct(), d.allocatedIn(), d.full(), d.outpatient(), d.inpatient()};
            for (int i = 0; i < v.length; i++) {
                row.createCell(1 + i).setCellValue(v[i] / 100.0);
                row.getCell(1 + i).setCellStyle(money);
            }
        }
        LedgerBriefingExcel.table(sh, n, COLUMNS.size(), 1);
        LedgerBriefingExcel.cell(sh.createRow(n + 1), 0, summary(r), st.wrap);
        sh.setColumnWidth(0, 20 * 256);
        for (int c = 1; c < COLUMNS.size(); c++) {
            sh.setColumnWidth(c, 16 * 256);
        }
    }
}
