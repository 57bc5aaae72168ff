package org.hqd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hqd.evaluation.Briefing;
import org.hqd.evaluation.Dimension;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.Status;
import org.hqd.evaluation.TierFigures;

/** The words and tables of a briefing, shared by the PDF and the Excel renderings. */
final class BriefingText {
    /** A titled table. */
    record Table(String title, List<String> header, List<List<String>> rows) { }

    private final Briefing b;
    private final boolean synthetic;

    BriefingText(Briefing b, boolean synthetic) {
        this.b = b;
        this.synthetic = synthetic;
    }

    String title() {
        String title = b.region().map(r -> org.hqd.hospital.Regions.standard().label(r) + " ").orElse("") + "公立医院高质量发展评价通报（" + b.evaluation().period()
                + "）";
        return synthetic ? org.hqd.hospital.SyntheticData.labelled(title) : title;
    }

    String subtitle() {
        Evaluation e = b.evaluation();
        return (synthetic ? org.hqd.hospital.SyntheticData.NOTICE + "。" : "") + "指标集：" + e.set().name() + "；目标集：" + e.targets().name() + "；预警幅度：未达标但与目标相差不超过目标值的 "
                + Math.round(100 * e.margin()) + "%；按出院日期统计病例。";
    }

    String summary() {
        Briefing.TierSummary o = b.overall();
        StringBuilder tiers = new StringBuilder();
        for (Briefing.TierSummary t : b.tiers()) {
            tiers.append(tiers.length() == 0 ? "" : "，").append(Formats.tier(t.tier())).append(" ").append(t.hospitals())
                    .append(" 家");
        }
        int met = o.statuses().get(Status.MET);
        int warn = o.statuses().get(Status.WARNING);
        int notMet = o.statuses().get(Status.NOT_MET);
        int noData = o.statuses().get(Status.NO_DATA);
        String worst = b.mostMissed().stream().filter(m -> m.missRate().isPresent() && m.notMet() > 0).limit(3)
                .map(m -> m.indicator().name() + "（" + Formats.percent(m.missRate()) + "）")
                .reduce((x, y) -> x + "、" + y).orElse("无");
        return "本期共评价医院 " + o.hospitals() + " 家（" + tiers + "）。在有数据的 " + (met + warn + notMet) + " 项次评价中，达标 "
                + met + " 项次、预警 " + warn + " 项次、未达标 " + notMet + " 项次，总体达标率 " + Formats.percent(o.metRate())
                + "；另有 " + noData + " 项次因缺少数据无法评价（不计为零）。未达标率最高的指标为：" + worst
                + "。全部医院平均综合得分 " + Formats.score(o.meanScore()) + " 分。"
                + b.evaluation().scopeNote().map(n -> n + "。").orElse("");
    }

    /**
     * Every indicator of the set (with a target or not), per tier and overall: the hospitals, those with a value, the
     * mean and the median of their values (each hospital counts once).
     */
    Table tierFigures() {
        List<List<String>> rows = new ArrayList<>();
        for (TierFigures.Line l : b.evaluation().tierFigures().lines()) {
            List<TierFigures.Cell> cells = new ArrayList<>(l.tiers());
            cells.add(l.overall());
            for (TierFigures.Cell c : cells) {
                rows.add(List.of(l.indicator().name(), Formats.unitLabel(l.indicator().unit()), c.label(),
                        String.valueOf(c.hospitals()),
                        String.valueOf(c.withValue()), Formats.value(c.mean(), l.indicator()),
                        Formats.value(c.median(), l.indicator())));
            }
        }
        return new Table("各层级指标均值与中位数（按医院计，每家医院权重相同）", List.of("指标", "单位", "层级", "医院数", "有值医院数",
                "均值", "中位数"), rows);
    }

    Table tierSummary() {
        List<List<String>> rows = new ArrayList<>();
        List<Briefing.TierSummary> all = new ArrayList<>(b.tiers());
        all.add(b.overall());
        for (Briefing.TierSummary t : all) {
            boolean total = t == b.overall();
            rows.add(List.of(total ? "合计" : Formats.tier(t.tier()), String.valueOf(t.hospitals()),
                    String.valueOf(t.statuses().get(Status.MET)), String.valueOf(t.statuses().get(Status.WARNING)),
                    String.valueOf(t.statuses().get(Status.NOT_MET)), String.valueOf(t.statuses().get(Status.NO_DATA)),
                    Formats.percent(t.metRate()), Formats.score(t.meanScore())));
        }
        return new Table("各层级评价概况", List.of("层级", "医院数", "达标", "预警", "未达标", "无数据", "达标率", "平均综合得分"),
                rows);
    }

    List<Table> tierTables() {
        List<Table> out = new ArrayList<>();
        for (Briefing.TierTable t : b.tables()) {
            List<String> header = new ArrayList<>(List.of("医院", "综合得分", "同类排名"));
            for (Indicator i : t.indicators()) {
                header.add(i.name() + "\n" + targetOf(t, i));
            }
            List<List<String>> rows = new ArrayList<>();
            for (Briefing.TierLine l : t.lines()) {
                List<String> row = new ArrayList<>(List.of(l.hospitalId() + " " + l.hospitalName(), Formats.score(l.score()),
                        l.rank().isPresent() ? String.valueOf(l.rank().getAsInt()) : "—"));
                for (Indicator i : t.indicators()) {
                    EvaluationRow r = l.rows().get(i.id());
                    row.add(r == null ? "—" : Formats.cell(r));
                }
                rows.add(row);
            }
            out.add(new Table(Formats.tier(t.tier()) + "（" + t.lines().size() + " 家）", header, rows));
        }
        return out;
    }

    private static String targetOf(Briefing.TierTable t, Indicator i) {
        return t.lines().stream().map(l -> l.rows().get(i.id())).filter(r -> r != null && r.target().isPresent())
                .findFirst().map(r -> "目标 " + Formats.target(r.target(), i)).orElse("");
    }

    Table furthest() {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Briefing.HospitalGap g : b.furthest()) {
            String worst = g.worst().map(r -> r.indicator().name() + " " + Formats.value(r.value(), r.indicator())
                    + "（目标 " + Formats.target(r.target(), r.indicator()) + "）").orElse("—");
            rows.add(List.of(String.valueOf(++n), g.hospitalId() + " " + g.hospitalName(), Formats.tier(g.tier()),
                    g.notMet() + " / " + g.targets(), String.valueOf(g.warnings()),
                    Formats.percent(OptionalDouble.of(g.meanShortfall())), worst));
        }
        return new Table("距目标差距最大的医院", List.of("序号", "医院", "层级", "未达标项 / 有目标项", "预警项",
                "平均差距（占目标）", "差距最大的指标"), rows);
    }

    Table mostMissed() {
        List<List<String>> rows = new ArrayList<>();
        for (Briefing.IndicatorMiss m : b.mostMissed()) {
            rows.add(List.of(m.indicator().name(), m.indicator().dimension().label(), String.valueOf(m.withTarget()),
                    String.valueOf(m.withData()), String.valueOf(m.notMet()), String.valueOf(m.warnings()),
                    Formats.percent(m.missRate())));
        }
        return new Table("最常未达标的指标", List.of("指标", "维度", "有目标医院", "有数据医院", "未达标", "预警", "未达标率"),
                rows);
    }

    List<String> notes() {
        List<String> out = new ArrayList<>();
        out.add("状态：达标（√）= 满足目标；预警（△）= 未满足但与目标相差不超过目标值的 " + Math.round(100 * b.evaluation().margin())
                + "%；未达标（×）= 其余；无数据（—）= 缺少输入或分母为零，不计为零。");
        out.add("综合得分：各维度（" + String.join("、", java.util.Arrays.stream(Dimension.values()).map(Dimension::label).toList())
                + "）内有目标且有数据的指标按权重平均其完成度（达标 100；下限目标为 100×实际/目标，上限目标为 100×目标/实际，"
                + "截于 0–100），总分为各维度得分按维度权重的平均。排名为同类医院（同层级、同类型）中的名次，并列同名次。");
        StringBuilder sources = new StringBuilder("目标来源：");
        b.evaluation().targets().targets().stream().map(t -> t.source()).distinct()
                .forEach(s -> sources.append(sources.length() > 5 ? "；" : "").append(s));
        out.add(sources.toString());
        return out;
    }
}
