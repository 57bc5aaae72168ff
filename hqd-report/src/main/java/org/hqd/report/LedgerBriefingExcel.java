package org.hqd.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;

/**
 * Writes a ledger briefing (任务推进台账通报) as an Excel workbook: 概况 (title, date, period, tasks per status),
 * 按方案, 按单位, 逾期与风险 (the follow-up list, overdue first) and 目标与实际 (one row per measured target). Counts,
 * shares, target values and actuals are numeric cells, dates are date cells, so the sheets sort and filter.
 */
public final class LedgerBriefingExcel {
    /** The columns of 逾期与风险. */
    static final List<String> FOLLOW_UP = List.of("方案", "序号", "任务编号", "任务", "牵头单位", "完成期限", "状态", "原因",
            "最近进展日期", "最近进展");
    /** The columns of 目标与实际. */
    static final List<String> TARGETS = List.of("方案", "序号", "任务", "目标", "指标", "比较", "目标值", "实际值", "结果",
            "依据");

    public void write(LedgerSummary s, String title, String period, OutputStream out) throws IOException {
        LedgerText t = new LedgerText(s);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            overview(wb.createSheet("概况"), s, t, title, period, st);
            plans(wb.createSheet("按方案"), s, st);
            units(wb.createSheet("按单位"), s, st);
            followUp(wb.createSheet("逾期与风险"), s, st);
            targets(wb.createSheet("目标与实际"), s, st);
            wb.write(out);
        }
    }

    /** The cell styles of the workbook (a workbook holds at most 64 000 of them, so they are made once). */
    static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle bold;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle wrap;

        Styles(XSSFWorkbook wb) {
            header = BriefingExcel.headerStyle(wb);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            Font b = wb.createFont();
            b.setBold(true);
            bold = wb.createCellStyle();
            bold.setFont(b);
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }
    }

    private static void overview(Sheet sh, LedgerSummary s, LedgerText t, String title, String period, Styles st) {
        cell(sh.createRow(0), 0, title, st.title);
        Row r = sh.createRow(1);
        cell(r, 0, "截至日期", st.bold);
        date(r, 1, s.asOf(), st);
        r = sh.createRow(2);
        cell(r, 0, "统计期间", st.bold);
        r.createCell(1).setCellValue(period == null ? "" : period);
        sh.createRow(3).createCell(0).setCellValue(t.summary());
        header(sh, 5, List.of("状态", "任务数", "占比"), st);
        int total = t.total();
        int n = 6;
        for (TaskStatus status : LedgerText.STATUSES) {
            r = sh.createRow(n++);
            r.createCell(0).setCellValue(status.label());
            r.createCell(1).setCellValue(t.count(status));
            share(r, 2, total == 0 ? 0 : (double) t.count(status) / total, st);
        }
        r = sh.createRow(n++);
        cell(r, 0, "合计", st.bold);
        r.createCell(1).setCellValue(total);
        share(r, 2, total == 0 ? 0 : 1, st);
        n++;
        long overdue = t.count(TaskStatus.OVERDUE);
        Object[][] facts = {
            {"方案数", s.plans().size()},
            {"责任单位数", s.units().size()},
            {"需回头看的任务", s.followUp().size()},
            {"其中已逾期", overdue},
            {"其中有风险", s.followUp().size() - overdue},
            {"量化目标（项次）", t.checks()},
            {"其中未达标", t.missed()},
        };
        for (Object[] f : facts) {
            r = sh.createRow(n++);
            cell(r, 0, (String) f[0], st.bold);
            r.createCell(1).setCellValue(((Number) f[1]).doubleValue());
        }
        sh.setColumnWidth(0, 20 * 256);
        sh.setColumnWidth(1, 14 * 256);
        sh.setColumnWidth(2, 12 * 256);
    }

    private static void plans(Sheet sh, LedgerSummary s, Styles st) {
        List<String> columns = new ArrayList<>(List.of("方案", "任务数"));
        LedgerText.STATUSES.forEach(x -> columns.add(x.label()));
        columns.add("完成率");
        columns.add("方案编号");
        header(sh, 0, columns, st);
        int n = 1;
        for (LedgerSummary.PlanProgress p : s.plans()) {
            Row r = sh.createRow(n++);
            r.createCell(0).setCellValue(p.title());
            r.createCell(1).setCellValue(p.total());
            int c = 2;
            for (TaskStatus status : LedgerText.STATUSES) {
                r.createCell(c++).setCellValue(p.count(status));
            }
            share(r, c++, p.doneShare(), st);
            r.createCell(c).setCellValue(p.planId());
        }
        table(sh, n, columns.size(), 1);
        sh.setColumnWidth(0, 48 * 256);
        for (int c = 1; c < columns.size() - 1; c++) {
            sh.setColumnWidth(c, 9 * 256);
        }
        sh.setColumnWidth(columns.size() - 1, 14 * 256);
    }

    private static void units(Sheet sh, LedgerSummary s, Styles st) {
        List<String> columns = new ArrayList<>(List.of("责任单位", "牵头", "配合", "任务数"));
        LedgerText.STATUSES.forEach(x -> columns.add(x.label()));
        header(sh, 0, columns, st);
        int n = 1;
        for (LedgerSummary.UnitProgress u : s.units()) {
            Row r = sh.createRow(n++);
            r.createCell(0).setCellValue(u.unit());
            r.createCell(1).setCellValue(u.lead());
            r.createCell(2).setCellValue(u.co());
            r.createCell(3).setCellValue(u.total());
            int c = 4;
            for (TaskStatus status : LedgerText.STATUSES) {
                r.createCell(c++).setCellValue(u.count(status));
            }
        }
        table(sh, n, columns.size(), 1);
        sh.setColumnWidth(0, 30 * 256);
        for (int c = 1; c < columns.size(); c++) {
            sh.setColumnWidth(c, 9 * 256);
        }
    }

    private static void followUp(Sheet sh, LedgerSummary s, Styles st) {
        header(sh, 0, FOLLOW_UP, st);
        int n = 1;
        for (TrackedTask t : s.followUp()) {
            PlanTask k = t.task();
            Row r = sh.createRow(n++);
            r.createCell(0).setCellValue(t.planTitle());
            r.createCell(1).setCellValue(k.taskNo());
            r.createCell(2).setCellValue(k.taskId());
            r.createCell(3).setCellValue(k.title());
            r.createCell(4).setCellValue(LedgerText.leads(k));
            if (k.due().isPresent()) {
                date(r, 5, k.due().get(), st);
            } else {
                r.createCell(5).setCellValue(LedgerText.due(k));
            }
            r.createCell(6).setCellValue(t.status().label());
            cell(r, 7, LedgerText.reason(t), st.wrap);
            if (t.lastNote().isPresent()) {
                date(r, 8, t.lastNote().get().date(), st);
                cell(r, 9, t.lastNote().get().text(), st.wrap);
            }
        }
        table(sh, n, FOLLOW_UP.size(), 0);
        int[] widths = {30, 7, 14, 36, 22, 12, 8, 44, 13, 44};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void targets(Sheet sh, LedgerSummary s, Styles st) {
        header(sh, 0, TARGETS, st);
        int n = 1;
        for (TrackedTask t : s.measured()) {
            for (TargetCheck c : t.checks()) {
                TaskTarget x = c.target();
                Row r = sh.createRow(n++);
                r.createCell(0).setCellValue(t.planTitle());
                r.createCell(1).setCellValue(t.task().taskNo());
                r.createCell(2).setCellValue(t.task().title());
                r.createCell(3).setCellValue(LedgerText.target(x));
                r.createCell(4).setCellValue(x.indicator().orElse(""));
                r.createCell(5).setCellValue(x.comparator().symbol());
                number(r, 6, x.indicatorValue());
                number(r, 7, c.actual());
                r.createCell(8).setCellValue(LedgerText.result(c));
                r.createCell(9).setCellValue(c.basis());
            }
        }
        table(sh, n, TARGETS.size(), 0);
        int[] widths = {30, 7, 32, 36, 24, 6, 10, 10, 8, 30};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
    }

    static void header(Sheet sh, int row, List<String> columns, Styles st) {
        Row h = sh.createRow(row);
        for (int c = 0; c < columns.size(); c++) {
            cell(h, c, columns.get(c), st.header);
        }
    }

    /** A table from the first row: the header row frozen (with the first {@code frozenColumns}) and filterable. */
    static void table(Sheet sh, int rows, int columns, int frozenColumns) {
        sh.createFreezePane(frozenColumns, 1);
        sh.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, columns - 1));
    }

    static void cell(Row r, int c, String value, CellStyle style) {
        Cell cell = r.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void date(Row r, int c, LocalDate d, Styles st) {
        Cell cell = r.createCell(c);
        cell.setCellValue(d);
        cell.setCellStyle(st.date);
    }

    static void share(Row r, int c, double share, Styles st) {
        Cell cell = r.createCell(c);
        cell.setCellValue(share);
        cell.setCellStyle(st.percent);
    }

    /** A numeric cell, or none for no value. */
    static void number(Row r, int c, OptionalDouble v) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            r.createCell(c).setCellValue(v.getAsDouble());
        }
    }
}
