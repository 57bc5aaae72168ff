package org.hqd.evaluation;

import java.util.List;

/**
 * The outcome of evaluating hospitals over one period on an indicator set: a row per hospital × indicator and the
 * composite scores (per hospital the four dimensions in order, then overall).
 */
public record Evaluation(EvaluationPeriod period, IndicatorSet set, TargetSet targets, double margin,
                         List<EvaluationRow> rows, List<DimensionScore> scores) {
    public Evaluation {
        rows = List.copyOf(rows);
        scores = List.copyOf(scores);
    }
}
