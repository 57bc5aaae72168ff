package org.hqd.evaluation;

import java.util.Optional;

/**
 * What to evaluate: the region (empty: all), the indicator set (its id), the target set (empty: the default for
 * that indicator set), the warning margin.
 */
public record EvaluationRequest(EvaluationPeriod period, Optional<String> region, String indicatorSet,
                                Optional<String> targetSet, double margin, boolean allIndicators) {
    /** On HQD's own indicator set. */
    public EvaluationRequest(EvaluationPeriod period, Optional<String> region, Optional<String> targetSet, double margin,
                             boolean allIndicators) {
        this(period, region, IndicatorSets.DEFAULT, targetSet, margin, allIndicators);
    }
}
