package org.hqd.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.io.AtomicFile;
import org.hqd.report.CjkFont;

/**
 * A report the command line writes ({@code --output}): a PDF, with the Chinese font it needs, or an Excel workbook,
 * chosen by the file's extension; written whole or not at all.
 */
record ReportFile(Path path, Optional<Path> font) {
    /** Writes the PDF form with the font. */
    interface Pdf {
        void write(Path font, OutputStream out) throws IOException;
    }

    /** Writes the Excel form. */
    interface Excel {
        void write(OutputStream out) throws IOException;
    }

    /** The report file of {@code --output}: .pdf or .xlsx, anything else is refused; a PDF needs a Chinese font. */
    static ReportFile of(Path output) {
        String lower = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pdf = lower.endsWith(".pdf");
        if (!pdf && !lower.endsWith(".xlsx")) {
            throw new HqdException("--output 应以 .pdf 或 .xlsx 结尾，实际为 " + output);
        }
        return new ReportFile(output, pdf ? Optional.of(CjkFont.locate()) : Optional.empty());
    }

    String name() {
        return path.getFileName().toString();
    }

    void write(Pdf pdf, Excel excel) throws IOException {
        AtomicFile.write(path, out -> {
            if (font.isPresent()) {
                pdf.write(font.get(), out);
            } else {
                excel.write(out);
            }
            return null;
        });
    }
}
