package org.hqd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What the render tests do with a written report: keep it and its pages to look at, read its text or cells. */
final class RenderedFiles {
    private RenderedFiles() {
    }

    /** Keeps a PDF and its pages as PNG (100 dpi) in {@code dir}, the pages of an earlier run removed. */
    static void save(Path dir, String name, byte[] pdf) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.newDirectoryStream(dir, name + "-page-*.png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ImageIO.write(r.renderImageWithDPI(i, 100), "png", dir.resolve(name + "-page-" + (i + 1) + ".png").toFile());
            }
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Text without any white space, so that a cell wrapped over lines reads as one. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * The first page of a PDF, rendered at 50 dpi, is A4 landscape (about 584 × 413 = 241 000 pixels) and something
     * was drawn on it: more than 1 % of its pixels are not white (a title, tables and charts cover far more).
     */
    static void assertFirstPageVisible(byte[] pdf) throws IOException {
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            page = new PDFRenderer(doc).renderImageWithDPI(0, 50);
        }
        int ink = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        assertThat(page.getWidth()).as("width at 50 dpi").isBetween(580, 590);
        assertThat(ink).as("pixels not white").isGreaterThan(2_500);
    }

    /** A sheet row's values: text, numbers, date cells through {@code date}, blank cells as {@code null}. */
    static List<Object> values(Row r, Function<LocalDateTime, Object> date) {
        List<Object> out = new ArrayList<>();
        for (int c = 0; c < r.getLastCellNum(); c++) {
            Cell cell = r.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                out.add(null);
            } else if (cell.getCellType() == CellType.NUMERIC) {
                out.add(DateUtil.isCellDateFormatted(cell) ? date.apply(cell.getLocalDateTimeCellValue())
                        : (Object) cell.getNumericCellValue());
            } else {
                out.add(cell.getStringCellValue());
            }
        }
        return out;
    }

    static XSSFWorkbook workbook(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }
}
