package org.hqd.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font of one PDF document, embedded as a subset: a TrueType file, or the first font of a collection (.ttc),
 * whose file stays open until this is closed — after the document is saved (declare it after the document in the
 * same try).
 */
final class PdfFont implements AutoCloseable {
    final PDFont font;
    private final TrueTypeCollection collection;

    private PdfFont(PDFont font, TrueTypeCollection collection) {
        this.font = font;
        this.collection = collection;
    }

    static PdfFont load(PDDocument doc, Path fontFile) throws IOException {
        if (!fontFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            return new PdfFont(PDType0Font.load(doc, fontFile.toFile()), null);
        }
        TrueTypeCollection ttc = new TrueTypeCollection(fontFile.toFile());
        try {
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return new PdfFont(PDType0Font.load(doc, first[0], true), ttc);
        } catch (IOException | RuntimeException e) {
            ttc.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (collection != null) {
            collection.close();
        }
    }
}
