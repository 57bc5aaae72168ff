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
 * One small PDF with a chart and a table in the CJK font, and one small workbook, written to nowhere: the first
 * briefing of a process pays for loading the PDF, font, chart and spreadsheet libraries (about 3 CPU-seconds, more
 * than a request may cost), so a server does it once in the background when it starts.
 */
public final class ReportWarmUp {
    private ReportWarmUp() {
    }

    public static void run(Path fontFile) {
        write(fontFile, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    }

    /** The two documents of {@link #run}, written where a test can read them. */
    static void write(Path fontFile, OutputStream pdf, OutputStream workbook) {
        BriefingCharts.Chart chart = new BriefingCharts(fontFile).sample();
        try (PDDocument doc = new PDDocument(); PdfFont cjk = PdfFont.load(doc, fontFile)) {
            PDFont font = cjk.font;
            try (PdfCanvas c = new PdfCanvas(doc, font, "预热")) {
                c.heading("预热（合成数据）", 13);
                c.paragraph("三级公立医院绩效考核 0123456789 ％ 万元", 10);
                c.table(List.of("指标", "值"), List.of(List.of("病例组合指数（CMI）", "1.02")), new float[] {300, 100}, 9);
                c.image(chart.png(), 240);
            }
            doc.save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("预热").createRow(0).createCell(0).setCellValue("合成数据");
            book.write(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
