package org.hqd.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.evaluation.Briefing;
import org.hqd.evaluation.EvaluationRow;

/**
 * Writes a briefing as an Excel workbook: 概要 (summary, tier table, charts), a sheet per tier, 差距最大的医院,
 * 最常未达标的指标, 各层级指标均值 (every indicator's mean and median per tier), and 明细 — every evaluation row
 * with numeric values, for sorting and filtering.
 */
public final class BriefingExcel {
    private final boolean synthetic;

    public BriefingExcel() {
        this(false);
    }

    private BriefingExcel(boolean synthetic) {
        this.synthetic = synthetic;
    }

    /** This renderer for a briefing made from generated data: its title and first lines carry the label 合成数据. */
    public BriefingExcel synthetic(boolean generated) {
        return new BriefingExcel(generated);
    }

    public void write(Briefing b, List<BriefingCharts.Chart> charts, OutputStream file) {
        BriefingText t = new BriefingText(b, synthetic);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle header = headerStyle(wb);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Sheet summary = wb.createSheet("概要");
            int r = 0;
            summary.createRow(r++).createCell(0).setCellValue(t.title());
            summary.createRow(r++).createCell(0).setCellValue(t.subtitle());
            Cell text = summary.createRow(r++).createCell(0);
            text.setCellValue(t.summary());
            r = table(summary, r + 1, t.tierSummary(), header);
            summary.setColumnWidth(0, 22 * 256);
            int chartRow = r + 1;
            Drawing<?> drawing = summary.createDrawingPatriarch();
            for (BriefingCharts.Chart chart : charts) {
                int picture = wb.addPicture(chart.png(), Workbook.PICTURE_TYPE_PNG);
                ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
                anchor.setCol1(0);
                anchor.setRow1(chartRow);
                drawing.createPicture(anchor, picture).resize();
                chartRow += (int) Math.ceil(chart.height() / 20.0) + 2;
            }
            for (BriefingText.Table tier : t.tierTables()) {
                Sheet s = wb.createSheet(sheetName(tier.title()));
                table(s, 0, tier, header);
                s.setColumnWidth(0, 30 * 256);
                for (int c = 1; c < tier.header().size(); c++) {
                    s.setColumnWidth(c, 16 * 256);
                }
                s.createFreezePane(1, 1);
            }
            Sheet far = wb.createSheet("差距最大的医院");
            table(far, 0, t.furthest(), header);
            far.setColumnWidth(1, 30 * 256);
            far.setColumnWidth(6, 50 * 256);
            Sheet missed = wb.createSheet("最常未达标的指标");
            table(missed, 0, t.mostMissed(), header);
            missed.setColumnWidth(0, 34 * 256);
            Sheet figures = wb.createSheet("各层级指标均值");
            table(figures, 0, t.tierFigures(), header);
            figures.setColumnWidth(0, 40 * 256);
            figures.setColumnWidth(1, 10 * 256);
            figures.setColumnWidth(2, 20 * 256);
            details(wb.createSheet("明细"), b, header);
            Sheet notes = wb.createSheet("说明");
            int n = 0;
            for (String note : t.notes()) {
                Cell c = notes.createRow(n++).createCell(0);
                c.setCellValue(note);
                c.setCellStyle(wrap);
            }
            notes.setColumnWidth(0, 150 * 256);
            wb.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int table(Sheet s, int start, BriefingText.Table table, CellStyle header) {
        int r = start;
        Row h = s.createRow(r++);
        for (int c = 0; c < table.header().size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(table.header().get(c).replace('\n', ' '));
            cell.setCellStyle(header);
        }
        for (List<String> row : table.rows()) {
            Row x = s.createRow(r++);
            for (int c = 0; c < row.size(); c++) {
                x.createCell(c).setCellValue(row.get(c));
            }
        }
        return r;
    }

    /**
     * Every row of the evaluation with raw values (numbers stay numbers), under Chinese headings: tiers, comparators
     * and statuses by their names; the hospital's and the indicator's codes kept beside their names.
     */
    private static void details(Sheet s, Briefing b, CellStyle header) {
        String[] columns = {"医院编码", "医院", "层级", "指标编码", "指标", "值", "目标", "比较", "状态", "差距",
            "同类排名", "同类医院数"};
        Row h = s.createRow(0);
        for (int c = 0; c < columns.length; c++) {
            h.createCell(c).setCellValue(columns[c]);
            h.getCell(c).setCellStyle(header);
        }
        int r = 1;
        for (EvaluationRow e : b.evaluation().rows()) {
            Row x = s.createRow(r++);
            x.createCell(0).setCellValue(e.hospitalId());
            x.createCell(1).setCellValue(e.hospitalName());
            x.createCell(2).setCellValue(e.tier().map(org.hqd.hospital.HospitalTier::label).orElse(""));
            x.createCell(3).setCellValue(e.indicator().id());
            x.createCell(4).setCellValue(e.indicator().name());
            if (e.value().isPresent()) {
                x.createCell(5).setCellValue(e.value().getAsDouble());
            }
            e.target().ifPresent(t -> {
                x.createCell(6).setCellValue(t.value());
                x.createCell(7).setCellValue(t.comparison().symbol());
            });
            x.createCell(8).setCellValue(e.status().map(org.hqd.evaluation.Status::label).orElse(""));
            if (e.gap().isPresent()) {
                x.createCell(9).setCellValue(e.gap().getAsDouble());
            }
            if (e.rankInPeers().isPresent()) {
                x.createCell(10).setCellValue(e.rankInPeers().getAsInt());
            }
            x.createCell(11).setCellValue(e.peers());
        }
        s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, columns.length - 1));
        s.createFreezePane(0, 1);
        s.setColumnWidth(1, 26 * 256);
        s.setColumnWidth(4, 30 * 256);
    }

    /** Bold header cells on a pale blue fill, wrapping. */
    static CellStyle headerStyle(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setWrapText(true);
        return style;
    }

    /** Sheet names: at most 31 characters, none of []:*?/\. */
    static String sheetName(String title) {
        String clean = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
