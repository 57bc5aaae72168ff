package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.casemix.performance.Ranks;
import org.hqd.hospital.HospitalTier;

/*
 * DESIGN §4. For each hospital and each indicator with a target for its tier (all indicators on request):
 *  value = the indicator's formula over the hospital's measures (empty: NO_DATA);
 *  status = MET when the comparison holds; WARNING when it does not but the value is within margin × |target| of
 *           the target (default margin 0.10; margin 0: no warnings); NOT_MET otherwise;
 *  gap = value − target;
 *  rank = competition rank among the hospitals of the same tier with a value, best first in the indicator's
 *         direction; tier size = how many those are.
 * Composite score of a dimension = Σ w_i · a_i / Σ w_i over its targeted indicators with a value, attainment
 * a_i = 100 when met, else 100 · v/t for a floor target (100 · t/v for a ceiling), clipped to [0, 100]; the
 * overall score is the dimension scores averaged with the dimensions' weights. Scores are ranked like values.
 */
/** Evaluates hospitals against a target set. */
public final class Evaluator {
    /** The default warning margin: within 10 % of the target (DESIGN §4). */
    public static final double DEFAULT_MARGIN = 0.10;

    private final IndicatorCatalog catalogue;
    private final TargetSet targets;
    private final Weights weights;
    private final double margin;

    public Evaluator(IndicatorCatalog catalogue, TargetSet targets, Weights weights, double margin) {
        if (!(margin >= 0)) {
            throw new org.hqd.HqdException("预警幅度不能为负：" + margin);
        }
        this.catalogue = catalogue;
        this.targets = targets;
        this.weights = weights;
        this.margin = margin;
    }

    /**
     * Evaluates the hospitals over the period; with {@code allIndicators} every catalogue indicator gets a row,
     * those without a target with an empty status.
     */
    public Evaluation evaluate(EvaluationPeriod period, List<HospitalMeasures> hospitals, boolean allIndicators) {
        List<HospitalMeasures> ordered = new ArrayList<>(hospitals);
        ordered.sort(Comparator.comparing((HospitalMeasures h) -> h.tier().map(Enum::ordinal).orElse(99))
                .thenComparing(HospitalMeasures::hospitalId));
        List<Draft> drafts = new ArrayList<>();
        for (HospitalMeasures h : ordered) {
            for (Indicator i : catalogue.indicators()) {
                Optional<Target> target = targets.applicable(i.id(), h.tier(), period.targetYear());
                if (target.isEmpty() && !allIndicators) {
                    continue;
                }
                drafts.add(new Draft(h, i, i.formula().evaluate(h.measures()), target));
            }
        }
        Map<String, List<Draft>> peers = new LinkedHashMap<>();
        for (Draft d : drafts) {
            peers.computeIfAbsent(d.indicator.id() + "|" + d.hospital.tier(), k -> new ArrayList<>()).add(d);
        }
        Map<Draft, int[]> ranks = new HashMap<>();
        for (List<Draft> group : peers.values()) {
            Indicator i = group.get(0).indicator;
            int[] r = Ranks.descending(group.stream().map(d -> oriented(d.value, i.direction())).toList());
            int size = (int) group.stream().filter(d -> d.value.isPresent()).count();
            for (int k = 0; k < group.size(); k++) {
                ranks.put(group.get(k), new int[] {r[k], size});
            }
        }
        List<EvaluationRow> rows = new ArrayList<>();
        for (Draft d : drafts) {
            int[] r = ranks.get(d);
            Optional<Status> status = d.target.map(t -> status(d.value, t));
            OptionalDouble gap = d.value.isPresent() && d.target.isPresent()
                    ? OptionalDouble.of(d.value.getAsDouble() - d.target.get().value()) : OptionalDouble.empty();
            rows.add(new EvaluationRow(d.hospital.hospitalId(), d.hospital.name(), d.hospital.tier(), d.indicator,
                    d.value, d.target, status, gap, r[0] == 0 ? OptionalInt.empty() : OptionalInt.of(r[0]), r[1]));
        }
        return new Evaluation(period, targets, margin, rows, scores(ordered, rows));
    }

    /** The status of a value against a target. */
    public Status status(OptionalDouble value, Target t) {
        if (value.isEmpty()) {
            return Status.NO_DATA;
        }
        double v = value.getAsDouble();
        if (t.comparison().met(v, t.value())) {
            return Status.MET;
        }
        double tolerance = margin * Math.abs(t.value());
        boolean near = margin > 0 && (t.comparison().floor() ? v >= t.value() - tolerance : v <= t.value() + tolerance);
        return near ? Status.WARNING : Status.NOT_MET;
    }

    private List<DimensionScore> scores(List<HospitalMeasures> hospitals, List<EvaluationRow> rows) {
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
                    if (r.indicator().dimension() != d || r.value().isEmpty() || r.target().isEmpty()) {
                        continue;
                    }
                    double w = weights.of(r.indicator());
                    sum += w * attainment(r.value().getAsDouble(), r.target().get());
                    weight += w;
                    n++;
                }
                OptionalDouble score = weight == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weight);
                raw.add(new DimensionScore(h.hospitalId(), h.tier(), Optional.of(d), score, n, OptionalInt.empty()));
                if (score.isPresent()) {
                    overall += weights.of(d) * score.getAsDouble();
                    overallWeight += weights.of(d);
                    overallCount += n;
                }
            }
            raw.add(new DimensionScore(h.hospitalId(), h.tier(), Optional.empty(), overallWeight == 0
                    ? OptionalDouble.empty() : OptionalDouble.of(overall / overallWeight), overallCount,
                    OptionalInt.empty()));
        }
        Map<String, List<Integer>> peers = new LinkedHashMap<>();
        for (int k = 0; k < raw.size(); k++) {
            peers.computeIfAbsent(raw.get(k).dimension() + "|" + raw.get(k).tier(), x -> new ArrayList<>()).add(k);
        }
        DimensionScore[] out = raw.toArray(new DimensionScore[0]);
        for (List<Integer> group : peers.values()) {
            int[] r = Ranks.descending(group.stream().map(k -> raw.get(k).score()).toList());
            for (int k = 0; k < group.size(); k++) {
                DimensionScore s = raw.get(group.get(k));
                out[group.get(k)] = new DimensionScore(s.hospitalId(), s.tier(), s.dimension(), s.score(),
                        s.indicators(), r[k] == 0 ? OptionalInt.empty() : OptionalInt.of(r[k]));
            }
        }
        return List.of(out);
    }

    /** 100 when met; else the value's share of the target (floor) or the target's share of the value (ceiling). */
    static double attainment(double value, Target t) {
        if (t.comparison().met(value, t.value())) {
            return 100;
        }
        double ratio;
        if (t.comparison().floor()) {
            ratio = t.value() <= 0 ? 0 : value / t.value();
        } else {
            ratio = value <= 0 ? 1 : t.value() / value;
        }
        return Math.max(0, Math.min(100, 100 * ratio));
    }

    private static OptionalDouble oriented(OptionalDouble v, Direction d) {
        return v.isEmpty() || d == Direction.HIGHER_BETTER ? v : OptionalDouble.of(-v.getAsDouble());
    }

    /** A row before ranking; identity-keyed. */
    private static final class Draft {
        final HospitalMeasures hospital;
        final Indicator indicator;
        final OptionalDouble value;
        final Optional<Target> target;

        Draft(HospitalMeasures hospital, Indicator indicator, OptionalDouble value, Optional<Target> target) {
            this.hospital = hospital;
            this.indicator = indicator;
            this.value = value;
            this.target = target;
        }
    }
}
