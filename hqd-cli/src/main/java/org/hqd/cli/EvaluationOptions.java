package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.hqd.app.DataAccess;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.IndicatorSets;
import picocli.CommandLine.Option;

/** The shared options of the evaluation commands: period, region, indicator set, target set, warning margin. */
final class EvaluationOptions {
    @Option(names = "--period", required = true, paramLabel = "<期间>",
            description = "YYYY、YYYY-MM 或 YYYY-MM..YYYY-MM；按出院日期选择病例")
    String period;

    @Option(names = "--region", paramLabel = "<地区编码>", description = "只评价该省、市或县（区划编码）的医院")
    String region;

    @Option(names = "--set", defaultValue = IndicatorSets.DEFAULT, paramLabel = "<指标集>",
            description = "指标集：hqd（HQD 指标，默认）、national-tertiary（三级公立医院绩效考核 56 项）、"
                + "national-secondary（二级 28 项）、hqd-2022（公立医院高质量发展评价指标）")
    String set = IndicatorSets.DEFAULT;

    @Option(names = "--targets", paramLabel = "<目标集>",
            description = "目标集编号；默认为最近载入的目标集（若为该指标集制定），否则为指标集的内置目标集")
    String targets;

    @Option(names = "--margin", defaultValue = "0.10", paramLabel = "<比例>",
            description = "预警幅度：未达标但与目标相差不超过目标值的该比例时为预警；默认 ${DEFAULT-VALUE}")
    double margin = Evaluator.DEFAULT_MARGIN;

    /**
     * The evaluation of a data directory with the standard catalogue and weights; the DRG weights are computed
     * first if there are none yet (and said so on {@code err}).
     */
    static EvaluationService of(DataAccess data, PrintWriter err) {
        WeightsInUse.of(data, err);
        return new EvaluationService(data, Clock.systemUTC());
    }

    /** Says on {@code err} whom the set left out, e.g. 本指标体系适用于三级医院；不适用的 3 家医院未参评 (nothing if none). */
    static void sayScope(Evaluation e, PrintWriter err) {
        e.scopeNote().ifPresent(err::println);
    }

    EvaluationRequest request(boolean allIndicators) {
        return new EvaluationRequest(EvaluationPeriod.parse(period), Optional.ofNullable(region), set,
                Optional.ofNullable(targets), margin, allIndicators);
    }
}
