package org.hqd.evaluation;

import java.util.List;

/** The outcome of evaluating hospitals over one period: a row per hospital × indicator and the composite scores. */
public record Evaluation(EvaluationPeriod period, TargetSet targets, double margin, List<EvaluationRow> rows,
                         List<DimensionScore> scores) {
}
