package org.hqd.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.hqd.evaluation.Briefing;

/** Writes a briefing as a PDF in Chinese: summary, charts, a table per tier, the furthest hospitals, the most missed indicators. */
public final class BriefingPdf {
    private final Path fontFile;
    private final boolean synthetic;

    public BriefingPdf(Path fontFile) {
        this(fontFile, false);
    }

    private BriefingPdf(Path fontFile, boolean synthetic) {
        this.fontFile = fontFile;
        this.synthetic = synthetic;
    }

    /** This renderer for a briefing made from generated data: its title and first lines carry the label 合成数据. */
    public BriefingPdf synthetic(boolean generated) {
        return new BriefingPdf(fontFile, generated);
    }

    public void write(Briefing b, List<BriefingCharts.Chart> charts, OutputStream file) {
        BriefingText t = new BriefingText(b, synthetic);
        try (PDDocument doc = new PDDocument(); PdfFont cjk = PdfFont.load(doc, fontFile)) {
            PDFont font = cjk.font;
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(t.title());
            info.setCreator("HQD");
            try (PdfCanvas c = new PdfCanvas(doc, font, t.title())) {
                c.heading(t.title(), 18);
                c.paragraph(t.subtitle(), 9);
                c.heading("一、总体情况", 13);
                c.paragraph(t.summary(), 10);
                table(c, t.tierSummary(), 9);
                for (BriefingCharts.Chart chart : charts.subList(0, Math.min(2, charts.size()))) {
                    c.image(chart.png(), 460);
                }
                c.heading("二、各层级评价结果", 13);
                c.paragraph("表中为各指标实际值及状态：√ 达标，△ 预警，× 未达标，— 无数据；表头为该层级适用的目标。", 9);
                for (BriefingText.Table table : t.tierTables()) {
                    c.heading(table.title(), 11);
                    table(c, table, 7);
                }
                c.heading("三、" + t.furthest().title(), 13);
                table(c, t.furthest(), 9);
                c.heading("四、" + t.mostMissed().title(), 13);
                table(c, t.mostMissed(), 9);
                if (charts.size() > 2) {
                    c.image(charts.get(2).png(), 560);
                }
                c.heading("说明", 11);
                for (String note : t.notes()) {
                    c.paragraph(note, 8);
                }
            }
            doc.save(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Column widths from the content: each column's widest cell (header lines included), capped at 200 points so
     * long cells wrap, then scaled so the table spans the page width.
     */
    private static void table(PdfCanvas c, BriefingText.Table table, float size) throws IOException {
        int n = table.header().size();
        float[] widths = new float[n];
        float total = 0;
        for (int i = 0; i < n; i++) {
            float w = c.textWidth(table.header().get(i), size);
            for (List<String> row : table.rows()) {
                w = Math.max(w, c.textWidth(row.get(i), size));
            }
            widths[i] = Math.min(200, w + 10);
            total += widths[i];
        }
        for (int i = 0; i < n; i++) {
            widths[i] *= c.width() / total;
        }
        c.table(table.header(), table.rows(), widths, size);
    }
}
