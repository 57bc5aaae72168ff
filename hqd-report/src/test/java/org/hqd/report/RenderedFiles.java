package org.hqd.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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

    static XSSFWorkbook workbook(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }
}
