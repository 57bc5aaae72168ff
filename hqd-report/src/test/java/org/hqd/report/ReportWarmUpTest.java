package org.hqd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

final class ReportWarmUpTest {
    @Test
    void writesAPdfWithTextTableAndChart_andAWorkbook_inTheCjkFont() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        ByteArrayOutputStream book = new ByteArrayOutputStream();

        ReportWarmUp.write(CjkFont.locate(), pdf, book);

        String text = RenderedFiles.text(pdf.toByteArray());
        assertThat(text).contains("预热（合成数据）", "病例组合指数（CMI）", "1.02");
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            long images = 0;
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
                }
            }
            assertThat(images).isEqualTo(1);
        }
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(book.toByteArray()))) {
            assertThat(w.getSheet("预热").getRow(0).getCell(0).getStringCellValue()).isEqualTo("合成数据");
            assertThat(w.getSheet("预热").getLastRowNum()).isEqualTo(ReportWarmUp.ROWS);
            assertThat(w.getSheet("预热").getRow(2).getCell(0).getStringCellValue()).isEqualTo("上下丌不与丏丐丑丒专");
        }
    }

    @Test
    void aMissingFontIsAnError_notASilentSkip() {
        assertThatThrownBy(() -> ReportWarmUp.write(Path.of("/nonexistent/font.ttf"), new ByteArrayOutputStream(),
                new ByteArrayOutputStream())).isInstanceOf(UncheckedIOException.class);
    }
}
