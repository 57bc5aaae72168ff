package org.hqd.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Writes a ledger briefing (任务推进台账通报) as a PDF in Chinese on landscape A4: the title block with the totals,
 * a stacked bar chart of each plan's tasks by status, then the tables 按方案, 按单位 (the first {@value #UNITS_SHOWN}
 * units by overdue tasks, then by tasks), 逾期与风险 (every task on the follow-up list) and 目标与实际. Table columns
 * are as wide as their content allows; a cell longer than {@value #MAX_LINES} lines is cut with an ellipsis, so no
 * row is taller than a page.
 */
public final class LedgerBriefingPdf {
    /** Units listed in 按单位. */
    static final int UNITS_SHOWN = 30;
    /** Plans per chart; more plans make more charts (ten still fit on the first page under the totals). */
    static final int PLANS_PER_CHART = 10;
    /** Lines a table cell may take. */
    static final int MAX_LINES = 5;

    /** The order of the segments in the chart: done first, the problems at the end of each bar. */
    private static final List<TaskStatus> CHART_ORDER = List.of(TaskStatus.DONE, TaskStatus.IN_PROGRESS,
            TaskStatus.NOT_STARTED, TaskStatus.AT_RISK, TaskStatus.OVERDUE);
    private static final List<Color> CHART_COLORS = List.of(new Color(0x2E7D32), new Color(0x1565C0),
            new Color(0xB0B0B0), new Color(0xF9A825), new Color(0xC62828));
    private static final int CHART_WIDTH = 900;

    private final Path fontFile;

    public LedgerBriefingPdf(Path font) {
        this.fontFile = font;
    }

    public void write(LedgerSummary s, String title, String period, OutputStream out) throws IOException {
        LedgerText t = new LedgerText(s);
        List<BriefingCharts.Chart> charts = charts(s);
        try (PDDocument doc = new PDDocument(); PdfFont cjk = PdfFont.load(doc, fontFile)) {
            PDFont font = cjk.font;
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("HQD");
            String footer = shorten(title, 60);
            try (PdfCanvas c = new PdfCanvas(doc, font, footer)) {
                for (String line : c.wrap(title, 18, c.width())) {
                    c.heading(line, 18);
                }
                c.paragraph(t.subtitle(period), 10);
                c.heading("一、总体情况", 13);
                c.paragraph(t.summary(), 10);
                totals(c, t);
                for (BriefingCharts.Chart chart : charts) {
                    // no taller than about 470 points, so that a chart always fits on a page
                    c.image(chart.png(), Math.min(640, 470f * chart.width() / chart.height()));
                }
                section(c, "二、各方案推进情况");
                plans(c, s, t);
                section(c, "三、各责任单位推进情况");
                units(c, s);
                section(c, "四、回头看：逾期与风险任务");
                followUp(c, s);
                section(c, "五、量化目标与实际");
                targets(c, s);
            }
            doc.save(out);
        }
    }

    /** A section heading kept on the page with at least the start of what follows it. */
    static void section(PdfCanvas c, String heading) throws IOException {
        c.keep(150);
        c.heading(heading, 13);
    }

    private static void totals(PdfCanvas c, LedgerText t) throws IOException {
        List<String> header = new ArrayList<>(List.of("状态"));
        List<String> counts = new ArrayList<>(List.of("任务数"));
        List<String> shares = new ArrayList<>(List.of("占比"));
        int total = t.total();
        for (TaskStatus st : LedgerText.STATUSES) {
            header.add(st.label());
            counts.add(String.valueOf(t.count(st)));
            shares.add(LedgerText.percent(total == 0 ? 0 : (double) t.count(st) / total));
        }
        header.add("合计");
        counts.add(String.valueOf(total));
        shares.add(total == 0 ? "—" : "100.0%");
        float[] widths = new float[header.size()];
        Arrays.fill(widths, 64);
        c.table(header, List.of(counts, shares), widths, 9);
    }

    private static void plans(PdfCanvas c, LedgerSummary s, LedgerText t) throws IOException {
        List<String> header = new ArrayList<>(List.of("方案", "任务数"));
        LedgerText.STATUSES.forEach(x -> header.add(x.label()));
        header.add("完成率");
        List<List<String>> rows = new ArrayList<>();
        for (LedgerSummary.PlanProgress p : s.plans()) {
            List<String> row = new ArrayList<>(List.of(p.title(), String.valueOf(p.total())));
            LedgerText.STATUSES.forEach(x -> row.add(String.valueOf(p.count(x))));
            row.add(LedgerText.percent(p.doneShare()));
            rows.add(row);
        }
        if (s.plans().size() > 1) {
            int total = t.total();
            List<String> row = new ArrayList<>(List.of("合计", String.valueOf(total)));
            LedgerText.STATUSES.forEach(x -> row.add(String.valueOf(t.count(x))));
            row.add(LedgerText.percent(total == 0 ? 0 : (double) t.count(TaskStatus.DONE) / total));
            rows.add(row);
        }
        table(c, header, rows, 9);
    }

    private static void units(PdfCanvas c, LedgerSummary s) throws IOException {
        int n = s.units().size();
        if (n == 0) {
            c.paragraph("任务均未写明责任单位。", 10);
            return;
        }
        c.paragraph(n > UNITS_SHOWN ? "按已逾期任务数、任务总数从多到少排列，列出前 " + UNITS_SHOWN + " 个单位（共 " + n + " 个）。"
                : "按已逾期任务数、任务总数从多到少排列，共 " + n + " 个单位。", 9);
        List<String> header = new ArrayList<>(List.of("责任单位", "牵头", "配合", "任务数"));
        LedgerText.STATUSES.forEach(x -> header.add(x.label()));
        List<List<String>> rows = new ArrayList<>();
        for (LedgerSummary.UnitProgress u : s.units().subList(0, Math.min(UNITS_SHOWN, n))) {
            List<String> row = new ArrayList<>(List.of(u.unit(), String.valueOf(u.lead()), String.valueOf(u.co()),
                    String.valueOf(u.total())));
            LedgerText.STATUSES.forEach(x -> row.add(String.valueOf(u.count(x))));
            rows.add(row);
        }
        table(c, header, rows, 9);
    }

    private static void followUp(PdfCanvas c, LedgerSummary s) throws IOException {
        if (s.followUp().isEmpty()) {
            c.paragraph("没有已逾期或有风险的任务。", 10);
            return;
        }
        long overdue = s.followUp().stream().filter(x -> x.status() == TaskStatus.OVERDUE).count();
        c.paragraph("共 " + s.followUp().size() + " 项：已逾期 " + overdue + " 项、有风险 " + (s.followUp().size() - overdue)
                + " 项。已逾期的在前，各按完成期限排列。状态以完成期限和 HQD 数据为准：超过完成期限仍未完成的为“已逾期”；"
                + "临近完成期限仍未启动、或关联指标未达到目标的为“有风险”。", 9);
        List<String> header = List.of("方案", "序号", "任务", "牵头单位", "完成期限", "状态", "原因", "最近进展");
        List<List<String>> rows = new ArrayList<>();
        for (TrackedTask t : s.followUp()) {
            PlanTask k = t.task();
            rows.add(List.of(t.planTitle(), k.taskNo(), k.title(), LedgerText.leads(k).isEmpty() ? "—" : LedgerText.leads(k),
                    LedgerText.due(k), t.status().label(), LedgerText.reason(t),
                    t.lastNote().map(n -> n.date() + " " + n.text().strip()).orElse("—")));
        }
        table(c, header, rows, 8);
    }

    private static void targets(PdfCanvas c, LedgerSummary s) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (TrackedTask t : s.measured()) {
            for (TargetCheck k : t.checks()) {
                TaskTarget x = k.target();
                rows.add(List.of(t.planTitle(), t.task().taskNo(), t.task().title(), LedgerText.target(x),
                        x.indicator().orElse("—"), x.comparator().symbol() + " " + LedgerText.number(x.indicatorValue()),
                        LedgerText.number(k.actual()), LedgerText.result(k), k.basis().isEmpty() ? "—" : k.basis()));
            }
        }
        if (rows.isEmpty()) {
            c.paragraph("没有关联 HQD 指标的量化目标。", 10);
            return;
        }
        c.paragraph("目标值和实际值均按 HQD 指标的口径，比例以小数表示（0.35 即 35%）；“依据”为实际值的来源：医院编码，"
                + "或地区各医院的中位数及达标家数。关联指标未达到目标的任务不能标记为“已完成”。", 9);
        table(c, List.of("方案", "序号", "任务", "目标", "指标", "目标值", "实际值", "结果", "依据"), rows, 8);
    }

    /** A table spanning the page, its columns fitted to their content and long cells cut. */
    static void table(PdfCanvas c, List<String> header, List<List<String>> rows, float size) throws IOException {
        float[] widths = widths(c, header, rows, size, c.width());
        List<List<String>> clipped = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(clip(c, row.get(i), size, widths[i] - 6, MAX_LINES));
            }
            clipped.add(cells);
        }
        c.table(header, clipped, widths, size);
    }

    /**
     * Column widths: each column's widest cell (header included) plus padding; when they do not fit in
     * {@code span}, the widest columns are narrowed to a common width so that short columns (numbers, dates,
     * statuses) keep theirs and long texts wrap; when they fit, all are widened in proportion to fill the span.
     */
    static float[] widths(PdfCanvas c, List<String> header, List<List<String>> rows, float size, float span) {
        int n = header.size();
        float[] natural = new float[n];
        float sum = 0;
        for (int i = 0; i < n; i++) {
            float w = c.textWidth(header.get(i), size);
            for (List<String> row : rows) {
                w = Math.max(w, c.textWidth(row.get(i), size));
            }
            natural[i] = Math.max(w, 2 * size) + 10;
            sum += natural[i];
        }
        float[] out = new float[n];
        if (sum <= span) {
            for (int i = 0; i < n; i++) {
                out[i] = natural[i] * span / sum;
            }
            return out;
        }
        float[] sorted = natural.clone();
        Arrays.sort(sorted);
        float rest = span;
        float cap = sorted[n - 1];
        for (int i = 0; i < n; i++) {
            if (sorted[i] * (n - i) > rest) {
                cap = rest / (n - i);
                break;
            }
            rest -= sorted[i];
        }
        for (int i = 0; i < n; i++) {
            out[i] = Math.min(natural[i], cap);
        }
        return out;
    }

    /** The text, cut after {@code maxLines} lines of this width with an ellipsis. */
    static String clip(PdfCanvas c, String text, float size, float width, int maxLines) {
        List<String> lines = c.wrap(text, size, width);
        if (lines.size() <= maxLines) {
            return text;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.get(maxLines - 1);
        while (!last.isEmpty() && c.textWidth(last + "…", size) > width) {
            last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
        }
        kept.set(maxLines - 1, last + "…");
        return String.join("\n", kept);
    }

    /** One chart per {@value #PLANS_PER_CHART} plans: a bar per plan, its tasks by status. */
    private static List<BriefingCharts.Chart> charts(LedgerSummary s, BriefingCharts renderer) {
        List<BriefingCharts.Chart> out = new ArrayList<>();
        List<LedgerSummary.PlanProgress> plans = s.plans();
        for (int from = 0; from < plans.size(); from += PLANS_PER_CHART) {
            List<LedgerSummary.PlanProgress> part = plans.subList(from, Math.min(plans.size(), from + PLANS_PER_CHART));
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (int i = 0; i < part.size(); i++) {
                LedgerSummary.PlanProgress p = part.get(i);
                PlanKey key = new PlanKey(from + i, shorten(p.title(), 40));
                for (TaskStatus st : CHART_ORDER) {
                    data.addValue(p.count(st), st.label(), key);
                }
            }
            String title = "各方案任务推进情况" + (from == 0 ? "" : "（续）");
            int height = Math.max(220, 110 + 28 * part.size());
            out.add(renderer.stackedHorizontal(title, "", "任务数（项）", data, CHART_COLORS, CHART_WIDTH, height));
        }
        return out;
    }

    private List<BriefingCharts.Chart> charts(LedgerSummary s) {
        return s.plans().isEmpty() ? List.of() : charts(s, new BriefingCharts(fontFile));
    }

    /** A chart category: plans are told apart by their position, so two plans of the same title keep two bars. */
    private record PlanKey(int index, String label) implements Comparable<PlanKey> {
        @Override
        public int compareTo(PlanKey o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
