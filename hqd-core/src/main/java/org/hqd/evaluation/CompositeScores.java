package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.casemix.performance.Ranks;

/**
 * The composite scores of an evaluation (see {@link Evaluator}): per hospital the four dimensions in order, then
 * overall, each ranked among the hospital's peers.
 */
final class CompositeScores {
    private final Weights weights;

    CompositeScores(Weights weights) {
        this.weights = weights;
    }

    /** The score of one row, if it can be scored: attainment against its target, else its percentile. */
    static OptionalDouble score(EvaluationRow r) {
        if (r.value().isEmpty()) {
            return OptionalDouble.empty();
        }
        if (r.target().isPresent()) {
            return OptionalDouble.of(Evaluator.attainment(r.value().getAsDouble(), r.target().get()));
        }
        return r.percentile();
    }

    List<DimensionScore> of(List<HospitalMeasures> hospitals, List<EvaluationRow> rows) {
        Map<String, List<EvaluationRow>> byHospital = new HashMap<>();
        rows.forEach(r -> byHospital.computeIfAbsent(r.hospitalId(), k -> new ArrayList<>()).add(r));
        List<DimensionScore> raw = new ArrayList<>();
        for (HospitalMeasures h : hospitals) {
            List<EvaluationRow> own = byHospital.getOrDefault(h.hospitalId(), List.of());
            double overall = 0;
            double overallWeight = 0;
            int overallCount = 0;
            for (Dimension d : Dimension.values()) {
                double sum = 0;
                double weight = 0;
                int n = 0;
                for (EvaluationRow r : own) {
                    OptionalDouble s = r.indicator().dimension() == d ? score(r) : OptionalDouble.empty();
                    if (s.isEmpty()) {
                        continue;
                    }
                    double w = weights.of(r.indicator());
                    sum += w * s.getAsDouble();
                    weight += w;
                    n++;
                }
                OptionalDouble score = weight == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weight);
                raw.add(new DimensionScore(h.hospitalId(), h.tier(), h.type(), Optional.of(d), score, n,
                        OptionalInt.empty()));
                if (score.isPresent()) {
                    overall += weights.of(d) * score.getAsDouble();
                    overallWeight += weights.of(d);
                    overallCount += n;
                }
            }
            raw.add(new DimensionScore(h.hospitalId(), h.tier(), h.type(), Optional.empty(), overallWeight == 0
                    ? OptionalDouble.empty() : OptionalDouble.of(overall / overallWeight), overallCount,
                    OptionalInt.empty()));
        }
        Map<String, List<Integer>> peers = new LinkedHashMap<>();
        for (int k = 0; k < raw.size(); k++) {
            DimensionScore s = raw.get(k);
            peers.computeIfAbsent(s.dimension() + "|" + s.tier() + "|" + s.type(), x -> new ArrayList<>()).add(k);
        }
        DimensionScore[] out = raw.toArray(new DimensionScore[0]);
        for (List<Integer> group : peers.values()) {
            int[] r = Ranks.descending(group.stream().map(k -> raw.get(k).score()).toList());
            for (int k = 0; k < group.size(); k++) {
                DimensionScore s = raw.get(group.get(k));
                out[group.get(k)] = new DimensionScore(s.hospitalId(), s.tier(), s.type(), s.dimension(), s.score(),
                        s.indicators(), r[k] == 0 ? OptionalInt.empty() : OptionalInt.of(r[k]));
            }
        }
        return List.of(out);
    }
}
