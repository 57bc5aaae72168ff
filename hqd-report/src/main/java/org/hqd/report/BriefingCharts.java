package org.hqd.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.hqd.evaluation.Briefing;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The charts of a briefing, drawn with JFreeChart into PNG images in the given CJK font. */
public final class BriefingCharts {
    /** A rendered chart. */
    public record Chart(String title, byte[] png, int width, int height) { }

    private final StandardChartTheme theme;

    public BriefingCharts(Path fontFile) {
        Font base = awtFont(fontFile);
        theme = new StandardChartTheme("HQD");
        theme.setExtraLargeFont(base.deriveFont(Font.BOLD, 18f));
        theme.setLargeFont(base.deriveFont(14f));
        theme.setRegularFont(base.deriveFont(12f));
        theme.setSmallFont(base.deriveFont(10f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
    }

    /** 各层级达标率, 各层级平均综合得分, 各指标未达标率. */
    public List<Chart> render(Briefing b) {
        List<Chart> out = new ArrayList<>();
        DefaultCategoryDataset met = new DefaultCategoryDataset();
        DefaultCategoryDataset score = new DefaultCategoryDataset();
        for (Briefing.TierSummary t : b.tiers()) {
            String tier = Formats.tier(t.tier());
            met.addValue(t.metRate().isPresent() ? 100 * t.metRate().getAsDouble() : 0, "达标率", tier);
            score.addValue(t.meanScore().isPresent() ? t.meanScore().getAsDouble() : 0, "平均综合得分", tier);
        }
        out.add(bar("各层级指标达标率（%）", "层级", "达标率（%）", met, PlotOrientation.VERTICAL, new Color(0x2E7D32),
                100.0, 760, 360));
        out.add(bar("各层级医院平均综合得分", "层级", "得分（0–100）", score, PlotOrientation.VERTICAL,
                new Color(0x1565C0), 100.0, 760, 360));
        DefaultCategoryDataset missed = new DefaultCategoryDataset();
        for (Briefing.IndicatorMiss m : b.mostMissed()) {
            missed.addValue(m.missRate().isPresent() ? 100 * m.missRate().getAsDouble() : 0, "未达标率",
                    m.indicator().name());
        }
        int height = Math.max(300, 40 + 28 * b.mostMissed().size());
        out.add(bar("各指标未达标率（%）", "指标", "未达标医院占有数据医院的比例（%）", missed, PlotOrientation.HORIZONTAL,
                new Color(0xC62828), 100.0, 760, height));
        return out;
    }

    /** A small bar chart of two made-up values, to load and exercise the chart library once (see {@link ReportWarmUp}). */
    Chart sample() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(60, "达标率", "三级");
        data.addValue(40, "达标率", "二级");
        return bar("预热", "层级", "达标率（%）", data, PlotOrientation.VERTICAL, new Color(0x2E7D32), 100.0, 320, 200);
    }

    private Chart bar(String title, String category, String value, DefaultCategoryDataset data,
                      PlotOrientation orientation, Color color, double max, int width, int height) {
        JFreeChart chart = ChartFactory.createBarChart(title, category, value, data, orientation, false, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, color);
        ((BarRenderer) plot.getRenderer()).setMaximumBarWidth(0.12);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setRange(0, max);
        return png(chart, title, width, height);
    }

    /**
     * A horizontal stacked bar chart with a legend: one bar per column key of {@code data}, one segment per row key
     * in the given colours (in row order), counts on an integer axis. Long category labels wrap onto two lines.
     */
    Chart stackedHorizontal(String title, String category, String value, DefaultCategoryDataset data,
                            List<Color> colors, int width, int height) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, category, value, data, PlotOrientation.HORIZONTAL,
                true, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < colors.size(); i++) {
            renderer.setSeriesPaint(i, colors.get(i));
        }
        renderer.setMaximumBarWidth(0.15);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.32f);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart, title, width, height);
    }

    /**
     * A vertical bar chart with a legend: one group of bars per column key of {@code data}, one bar per row key in
     * the given colours (in row order), amounts on an axis with thousands separators. Long category labels wrap
     * onto two lines.
     */
    Chart grouped(String title, String category, String value, DefaultCategoryDataset data, List<Color> colors,
                  int width, int height) {
        JFreeChart chart = ChartFactory.createBarChart(title, category, value, data, PlotOrientation.VERTICAL, true,
                false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        for (int i = 0; i < colors.size(); i++) {
            renderer.setSeriesPaint(i, colors.get(i));
        }
        renderer.setMaximumBarWidth(0.08);
        renderer.setItemMargin(0.05);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        // with few categories the bars would sit far apart in wide slots: narrow the band the categories take
        double side = Math.max(0.02, 0.5 - 0.12 * data.getColumnCount());
        plot.getDomainAxis().setLowerMargin(side);
        plot.getDomainAxis().setUpperMargin(side);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        return png(chart, title, width, height);
    }

    private static Font awtFont(Path file) {
        try {
            Font[] fonts = Font.createFonts(file.toFile());
            return fonts[0];
        } catch (FontFormatException e) {
            throw new org.hqd.HqdException("无法读取字体文件 " + file + "：" + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart on white as a PNG of this size. */
    private static Chart png(JFreeChart chart, String title, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        BufferedImage image = chart.createBufferedImage(width, height);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Chart(title, png.toByteArray(), width, height);
    }
}
