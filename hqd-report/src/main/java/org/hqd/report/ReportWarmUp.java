package org.hqd.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A PDF with a chart and a table in the CJK font, and a workbook, written to nowhere a few times: the first briefing
 * or report of a process paid for loading the PDF, font, chart and spreadsheet libraries and for compiling their busy
 * code (glyph lookup and font subsetting, image encoding, the workbook's XML writer; most of it the just-in-time
 * compiler), so a server does it in the background when it starts. One small document was not enough: the first real
 * Excel briefing still cost 1.6–2.3 CPU-seconds (1.2–1.4 s after this sample).
 */
public final class ReportWarmUp {
    /** Table and workbook rows of the sample: 2,000 distinct CJK characters, many cells. */
    static final int ROWS = 200;
    /** Times the sample is written at start, so that the busy code is compiled, not just loaded. */
    static final int ROUNDS = 3;

    private ReportWarmUp() {
    }

    public static void run(Path fontFile) {
        for (int i = 0; i < ROUNDS; i++) {
            write(fontFile, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        }
    }

    /** Row 0 is a real indicator; the others each carry ten CJK characters no other row has. */
    static List<List<String>> rows() {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("病例组合指数（CMI）", "1.02"));
        for (int i = 1; i < ROWS; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                text.appendCodePoint(0x4E00 + 10 * i + k);
            }
            rows.add(List.of(text.toString(), String.format("%,.2f", i * 1234.5)));
        }
        return rows;
    }

    /** The two documents of {@link #run}, written where a test can read them. */
    static void write(Path fontFile, OutputStream pdf, OutputStream workbook) {
        BriefingCharts.Chart chart = new BriefingCharts(fontFile).sample();
        try (PDDocument doc = new PDDocument(); PdfFont cjk = PdfFont.load(doc, fontFile)) {
            PDFont font = cjk.font;
            try (PdfCanvas c = new PdfCanvas(doc, font, "预热")) {
                c.heading("预热（合成数据）", 13);
                c.paragraph("三级公立医院绩效考核 0123456789 ％ 万元", 10);
                c.table(List.of("指标", "值"), rows(), new float[] {300, 100}, 9);
                c.image(chart.png(), 240);
            }
            doc.save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("预热");
            sheet.createRow(0).createCell(0).setCellValue("合成数据");
            var style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            List<List<String>> rows = rows();
            for (int i = 0; i < rows.size(); i++) {
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(rows.get(i).get(0));
                var value = row.createCell(1);
                value.setCellValue(i * 1234.5);
                value.setCellStyle(style);
            }
            book.write(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
