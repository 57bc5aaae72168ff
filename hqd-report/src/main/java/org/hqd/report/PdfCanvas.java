package org.hqd.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A minimal flowing layout on landscape A4 pages: headings, wrapped paragraphs, tables whose header repeats on a
 * new page, and images; a new page starts when the next block does not fit. Characters the font lacks are drawn
 * as '?' rather than failing.
 */
final class PdfCanvas implements AutoCloseable {
    private static final float MARGIN = 36;
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final Color HEADER_FILL = new Color(0xE8EEF7);
    private static final Color RULE = new Color(0xB0B8C4);

    private final PDDocument doc;
    private final PDFont font;
    private final String footer;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream out;
    private float y;
    private int pages;

    PdfCanvas(PDDocument doc, PDFont font, String footer) {
        this.doc = doc;
        this.font = font;
        this.footer = footer;
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    void heading(String text, float size) throws IOException {
        need(size * 2.2f);
        y -= size * 0.6f;
        text(MARGIN, y - size, text, size, Color.BLACK);
        y -= size * 1.6f;
    }

    void paragraph(String text, float size) throws IOException {
        for (String line : wrap(text, size, width())) {
            need(size * 1.5f);
            text(MARGIN, y - size, line, size, Color.BLACK);
            y -= size * 1.5f;
        }
        y -= size * 0.4f;
    }

    /** Starts a new page unless {@code height} points are left on this one (to keep a heading with its table). */
    void keep(float height) throws IOException {
        need(height);
    }

    void gap(float points) {
        y -= points;
    }

    /** A table; {@code widths} in points, summing to at most the page width. */
    void table(List<String> header, List<List<String>> rows, float[] widths, float size) throws IOException {
        float headerHeight = rowHeight(header, widths, size);
        need(headerHeight + rowHeight(rows.isEmpty() ? header : rows.get(0), widths, size));
        drawRow(header, widths, size, headerHeight, true);
        for (List<String> row : rows) {
            float h = rowHeight(row, widths, size);
            if (y - h < MARGIN + 14) {
                newPage();
                drawRow(header, widths, size, headerHeight, true);
            }
            drawRow(row, widths, size, h, false);
        }
        y -= size;
    }

    void image(byte[] png, float drawWidth) throws IOException {
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, png, "chart");
        float h = drawWidth * img.getHeight() / img.getWidth();
        need(h + 6);
        out.drawImage(img, MARGIN, y - h, drawWidth, h);
        y -= h + 8;
    }

    private float rowHeight(List<String> cells, float[] widths, float size) {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            lines = Math.max(lines, wrap(cells.get(c), size, widths[c] - 6).size());
        }
        return lines * size * 1.3f + 6;
    }

    private void drawRow(List<String> cells, float[] widths, float size, float h, boolean header) throws IOException {
        float x = MARGIN;
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        if (header) {
            out.setNonStrokingColor(HEADER_FILL);
            out.addRect(MARGIN, y - h, total, h);
            out.fill();
        }
        for (int c = 0; c < cells.size(); c++) {
            float ty = y - 3 - size;
            for (String line : wrap(cells.get(c), size, widths[c] - 6)) {
                text(x + 3, ty, line, size, Color.BLACK);
                ty -= size * 1.3f;
            }
            x += widths[c];
        }
        out.setStrokingColor(RULE);
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, y - h);
        out.lineTo(MARGIN + total, y - h);
        out.stroke();
        y -= h;
    }

    private void text(float x, float baseline, String s, float size, Color color) throws IOException {
        out.beginText();
        out.setNonStrokingColor(color);
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(drawable(s));
        out.endText();
    }

    /**
     * Splits text into lines that fit the width, breaking anywhere (Chinese has no spaces) or at newlines, except
     * inside a run of Latin letters, digits and signs ("63.6%", "R0101"): such a run moves to the next line whole,
     * unless it alone is wider than a line.
     */
    List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float w = 0;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float cw = charWidth(ch, size);
                if (w + cw > maxWidth && line.length() > 0) {
                    int cut = line.length();
                    if (unbreakable(cp)) {
                        while (cut > 0 && unbreakable(line.charAt(cut - 1))) {
                            cut--;
                        }
                    }
                    if (cut == 0 || cut == line.length()) {
                        lines.add(line.toString());
                        line.setLength(0);
                        w = 0;
                    } else {
                        String carry = line.substring(cut);
                        lines.add(line.substring(0, cut));
                        line.setLength(0);
                        line.append(carry);
                        w = textWidth(carry, size);
                    }
                }
                line.append(ch);
                w += cw;
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Whether a line should not break before this character when the one before it is also such (ASCII, no space). */
    private static boolean unbreakable(int cp) {
        return cp > ' ' && cp < 0x7F;
    }

    /** The width of the longest line of the text at this size. */
    float textWidth(String text, float size) {
        float max = 0;
        for (String line : text.split("\n", -1)) {
            float w = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                w += charWidth(new String(Character.toChars(cp)), size);
                i += Character.charCount(cp);
            }
            max = Math.max(max, w);
        }
        return max;
    }

    private float charWidth(String ch, float size) {
        try {
            return font.getStringWidth(drawable(ch)) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return size;
        }
    }

    private String drawable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(glyphs.computeIfAbsent(cp, this::hasGlyph) ? cp : '?'));
        return out.toString();
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private void need(float height) throws IOException {
        if (out == null || y - height < MARGIN + 14) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pages++;
        text(MARGIN, MARGIN - 12, footer + "  第 " + pages + " 页", 8, Color.GRAY);
        y = PAGE.getHeight() - MARGIN;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
