package org.hqd.evaluation;

import java.util.List;
import java.util.Optional;
import org.hqd.hospital.Hospital;

/**
 * The outcome of evaluating hospitals over one period on an indicator set: a row per hospital × indicator, the
 * composite scores (per hospital the four dimensions in order, then overall), the hospitals left out because the set
 * does not apply to them ({@link IndicatorSet#applicability()}), and per indicator of the set the tier figures of the
 * evaluated hospitals' values ({@link TierFigures}).
 */
public record Evaluation(EvaluationPeriod period, IndicatorSet set, TargetSet targets, double margin,
                         List<EvaluationRow> rows, List<DimensionScore> scores, List<Hospital> notApplicable,
                         TierFigures tierFigures) {
    public Evaluation {
        rows = List.copyOf(rows);
        scores = List.copyOf(scores);
        notApplicable = List.copyOf(notApplicable);
        java.util.Objects.requireNonNull(tierFigures, "tierFigures");
    }

    /** How many hospitals were evaluated. */
    public int evaluated() {
        return (int) scores.stream().filter(s -> s.dimension().isEmpty()).count();
    }

    /** What the user is told of the set's scope when hospitals were left out (e.g. 本指标体系适用于三级医院；…). */
    public Optional<String> scopeNote() {
        return set.applicability().note(evaluated(), notApplicable.size());
    }

    /** The message for a hospital left out of this evaluation because the set does not apply to it. */
    public Optional<String> outsideScope(String hospitalId) {
        return notApplicable.stream().filter(h -> h.id().equals(hospitalId)).findFirst()
                .map(h -> set.applicability().outside(h.name(), h.tier(), set.name()));
    }
}
