package org.hqd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.app.Workspace;
import org.hqd.evaluation.DimensionScore;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.IndicatorSet;
import org.hqd.evaluation.Status;
import org.hqd.hospital.HospitalTier;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.report.Formats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hqd evaluate}: every hospital on an indicator set against the tiered targets, ranked among its peers (same
 * tier and type) with its percentile, with composite scores.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"高质量发展评价：每家医院在所选指标集（--set）上的各项指标对照其层级的目标，给出达标（MET）、"
            + "预警（WARNING）、未达标（NOT_MET）或无数据（NO_DATA，并说明缺少的输入），与目标的差距，以及在同类医院（同层级、同类型）"
            + "中的排名与百分位（100 最好）；不编造国家分档（A++…C）。--scores 输出四个维度与总体的综合得分；"
            + "--by-tier 输出各层级的指标均值与中位数。只评价指标集适用的医院（国考三级指标只评三级医院，二级指标只评县级医院）。"})
final class EvaluateCommand extends DataCommand {
    static final String HEADER = "hospital_id,hospital_name,tier,indicator,value,target,comparator,status,gap,"
            + "rank_in_peers,peers,type,national_no,percentile,source,no_data";
    static final String SCORE_HEADER = "hospital_id,tier,type,dimension,score,indicators,rank_in_peers";

    @Mixin
    private EvaluationOptions evaluation;

    @Option(names = "--all", description = "也列出没有目标的指标（状态为空）")
    private boolean all;

    @Option(names = "--scores", description = "输出各维度与总体综合得分（0–100）及层级内排名，而非逐项指标")
    private boolean scores;

    @Option(names = "--by-tier", description = "输出指标集每项指标（含无目标的监测指标）在各层级及全部参评医院中的"
            + "有值医院数、均值与中位数（按医院计，每家医院权重相同），而非逐项指标")
    private boolean byTier;

    @Mixin
    private FormatOption output;

    @Override
    void run(Workspace dir, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        Evaluation e = EvaluationOptions.of(dir, err).evaluate(evaluation.request(all));
        err.printf("期间 %s，指标集 %s（%s），目标集 %s（%s），预警幅度 %.0f%%%n", e.period(), e.set().id(),
                e.set().name(), e.targets().id(), e.targets().name(), 100 * e.margin());
        EvaluationOptions.sayScope(e, err);
        if (byTier && output.csv()) {
            TierFiguresOutput.csv(out, e);
        } else if (byTier) {
            TierFiguresOutput.table(out, e);
        } else if (scores) {
            printScores(out, e);
        } else if (output.csv()) {
            out.println(HEADER);
            e.rows().forEach(r -> out.println(csv(r, e.set())));
        } else {
            printTable(out, e.rows());
        }
    }

    static String csv(EvaluationRow r, IndicatorSet set) {
        StringBuilder s = new StringBuilder();
        ResultCsv.field(s, r.hospitalId()).append(',');
        ResultCsv.field(s, r.hospitalName()).append(',').append(r.tier().map(Enum::name).orElse("")).append(',')
                .append(r.indicator().id()).append(',').append(Cells.csv(r.value())).append(',')
                .append(r.target().map(t -> Cells.plain(t.value())).orElse("")).append(',')
                .append(r.target().map(t -> t.comparison().name()).orElse("")).append(',')
                .append(r.status().map(Enum::name).orElse("")).append(',').append(Cells.csv(r.gap())).append(',')
                .append(r.rankInPeers().isPresent() ? String.valueOf(r.rankInPeers().getAsInt()) : "").append(',')
                .append(r.peers()).append(',').append(r.type().map(Enum::name).orElse("")).append(',')
                .append(set.member(r.indicator().id()).flatMap(m -> m.nationalNo().isPresent()
                        ? Optional.of(String.valueOf(m.nationalNo().getAsInt())) : Optional.empty()).orElse(""))
                .append(',').append(Cells.csv(r.percentile())).append(',');
        ResultCsv.field(s, r.value().isPresent() ? r.source() : "").append(',');
        ResultCsv.field(s, r.value().isPresent() ? "" : r.noData());
        return s.toString();
    }

    /** A target as written in the set: no trailing zeros. */
    private static void printTable(PrintWriter out, List<EvaluationRow> rows) {
        Optional<HospitalTier> tier = null;
        String hospital = null;
        for (EvaluationRow r : rows) {
            if (!r.tier().equals(tier)) {
                tier = r.tier();
                out.println();
                out.println("【" + HospitalTier.labelOf(tier) + "】");
            }
            if (!r.hospitalId().equals(hospital)) {
                hospital = r.hospitalId();
                out.println(r.hospitalId() + " " + r.hospitalName());
            }
            String unit = r.indicator().unit();
            out.println("  " + TextColumns.left(r.indicator().name(), 34) + TextColumns.right(Formats.value(r.value(), unit), 12)
                    + TextColumns.right(r.target().map(t -> t.comparison().symbol() + " "
                    + Formats.value(OptionalDouble.of(t.value()), unit)).orElse("（无目标）"), 14)
                    + "  " + TextColumns.left(r.status().map(Status::label).orElse(""), 8)
                    + (r.rankInPeers().isPresent() ? String.format("同类第 %d / %d，百分位 %s", r.rankInPeers().getAsInt(),
                    r.peers(), Cells.fixed(r.percentile(), 0)) : "")
                    + (r.value().isEmpty() ? "  " + r.noData() : ""));
        }
    }

    private void printScores(PrintWriter out, Evaluation e) {
        if (output.csv()) {
            out.println(SCORE_HEADER);
            for (DimensionScore s : e.scores()) {
                out.println(String.join(",", s.hospitalId(), s.tier().map(Enum::name).orElse(""),
                        s.type().map(Enum::name).orElse(""), s.dimension().map(Enum::name).orElse("OVERALL"),
                        Cells.csv(s.score()), String.valueOf(s.indicators()), s.rankInPeers().isPresent()
                        ? String.valueOf(s.rankInPeers().getAsInt()) : ""));
            }
            return;
        }
        printScoreTable(out, e, "");
    }

    /** The composite scores, a line per hospital: four dimensions, overall, rank among the peers. */
    static void printScoreTable(PrintWriter out, Evaluation e, String indent) {
        out.println(indent + TextColumns.left("医院", 10) + TextColumns.left("层级", 18) + TextColumns.right("医疗质量", 10)
                + TextColumns.right("运营效率", 10) + TextColumns.right("持续发展", 10) + TextColumns.right("满意度评价", 12)
                + TextColumns.right("总分", 8) + TextColumns.right("同类排名", 10));
        List<DimensionScore> all = e.scores();
        int perHospital = org.hqd.evaluation.Dimension.values().length + 1; // the dimensions, then overall
        for (int i = 0; i < all.size(); i += perHospital) {
            DimensionScore overall = all.get(i + perHospital - 1);
            StringBuilder line = new StringBuilder(TextColumns.left(overall.hospitalId(), 10)
                    + TextColumns.left(HospitalTier.labelOf(overall.tier()), 18));
            for (int d = 0; d < perHospital - 1; d++) {
                line.append(TextColumns.right(Cells.fixed(all.get(i + d).score(), 1), d == 3 ? 12 : 10));
            }
            line.append(TextColumns.right(Cells.fixed(overall.score(), 1), 8)).append(TextColumns.right(
                    overall.rankInPeers().isPresent() ? String.valueOf(overall.rankInPeers().getAsInt()) : "—", 10));
            out.println(indent + line);
        }
    }
}
