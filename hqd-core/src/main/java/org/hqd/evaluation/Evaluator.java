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
import org.hqd.HqdException;
import org.hqd.casemix.performance.Ranks;
import org.hqd.hospital.Hospital;

/*
 * DESIGN §4 on an indicator set. Only the hospitals the set applies to are evaluated (Applicability: the national
 * tertiary set rates tertiary hospitals only); the others are listed as not applicable. For each hospital and each
 * indicator of the set with a target for its tier (every indicator on request):
 *  value = the indicator's formula over the hospital's measures (and those of a year earlier); none: NO_DATA, with
 *          the missing inputs named;
 *  status = MET when the comparison holds; WARNING when it does not but the value is within margin × |target| of
 *           the target (default margin 0.10; margin 0: no warnings); NOT_MET otherwise;
 *  gap = value − target;
 *  peers = the hospitals of the same tier and type; rank = competition rank among the peers with a value, best
 *          first in the indicator's direction (none for MONITOR indicators); percentile = 100 · (n − rank) / (n − 1)
 *          among the n peers with a value (100 best, 0 worst; none when n < 2). The national grading bands are not
 *          public as a formula, so no grade is invented: the rank and percentile are what a hospital is told.
 * Score of an indicator (0–100): its attainment when it has a target — 100 when met, else 100 · v/t for a floor
 * target (100 · t/v for a ceiling), clipped to [0, 100] — otherwise its percentile among the peers; MONITOR
 * indicators without a target, and values without a percentile, are not scored. Composite score of a dimension =
 * Σ w_i · s_i / Σ w_i over its scored indicators (weights.tsv); the overall score is the dimension scores averaged
 * with the dimensions' weights. Scores are ranked among peers like values. Tier figures (TierFigures) are made of
 * every indicator's values, targeted or not.
 */
/** Evaluates hospitals on an indicator set against a target set. */
public final class Evaluator {
    /** The default warning margin: within 10 % of the target (DESIGN §4). */
    public static final double DEFAULT_MARGIN = 0.10;

    private final IndicatorSet set;
    private final TargetSet targets;
    private final Weights weights;
    private final double margin;

    /**
     * @throws HqdException when the margin is negative or the target set was written for another indicator set
     */
    public Evaluator(IndicatorSet set, TargetSet targets, Weights weights, double margin) {
        if (!(margin >= 0)) {
            throw new HqdException("预警幅度不能为负：" + margin);
        }
        List<String> problems = targets.problemsWith(set);
        if (!problems.isEmpty()) {
            throw new HqdException(String.join("；", problems) + "；请用 --targets 选择指标集 " + set.id() + " 的目标集");
        }
        this.set = set;
        this.targets = targets;
        this.weights = weights;
        this.margin = margin;
    }

    /**
     * Evaluates the hospitals over the period; with {@code allIndicators} every indicator of the set gets a row,
     * those without a target with an empty status.
     */
    public Evaluation evaluate(EvaluationPeriod period, List<HospitalMeasures> hospitals, boolean allIndicators) {
        Applicability scope = set.applicability();
        List<HospitalMeasures> ordered = new ArrayList<>(hospitals.stream().filter(h -> scope.appliesTo(h.tier()))
                .toList());
        List<Hospital> notApplicable = hospitals.stream().filter(h -> !scope.appliesTo(h.tier()))
                .map(h -> new Hospital(h.hospitalId(), h.name(), h.tier(), h.type())).toList();
        ordered.sort(Comparator.comparing((HospitalMeasures h) -> h.tier().map(Enum::ordinal).orElse(99))
                .thenComparing(h -> h.type().map(Enum::ordinal).orElse(99))
                .thenComparing(HospitalMeasures::hospitalId));
        List<Draft> drafts = new ArrayList<>();
        for (HospitalMeasures h : ordered) {
            for (Indicator i : set.indicators()) {
                Optional<Target> target = targets.applicable(i.id(), h.tier(), period.targetYear());
                drafts.add(new Draft(h, i, i.formula().outcome(h.measures(), h.prior()), target));
            }
        }
        Map<String, List<Draft>> peers = new LinkedHashMap<>();
        for (Draft d : drafts) {
            peers.computeIfAbsent(d.indicator.id() + "|" + d.hospital.peers(), k -> new ArrayList<>()).add(d);
        }
        Map<Draft, Standing> standings = new HashMap<>();
        for (List<Draft> group : peers.values()) {
            Indicator i = group.get(0).indicator;
            List<OptionalDouble> values = group.stream().map(d -> oriented(d.outcome.value(), i.direction())).toList();
            List<Standing> s = Standing.of(values, i.direction().ranked());
            for (int k = 0; k < group.size(); k++) {
                standings.put(group.get(k), s.get(k));
            }
        }
        List<EvaluationRow> all = new ArrayList<>();
        for (Draft d : drafts) {
            Standing s = standings.get(d);
            OptionalDouble value = d.outcome.value();
            Optional<Status> status = d.target.map(t -> status(value, t));
            OptionalDouble gap = value.isPresent() && d.target.isPresent()
                    ? OptionalDouble.of(value.getAsDouble() - d.target.get().value()) : OptionalDouble.empty();
            all.add(new EvaluationRow(d.hospital.hospitalId(), d.hospital.name(), d.hospital.tier(), d.hospital.type(),
                    d.indicator, value, d.outcome.sources(), d.outcome.reason(), d.target, status, gap, s.rank(),
                    s.size(), s.percentile()));
        }
        // every indicator is ranked and scored; the rows shown are the targeted ones unless all are asked for
        List<EvaluationRow> rows = allIndicators ? all : all.stream().filter(r -> r.target().isPresent()).toList();
        return new Evaluation(period, set, targets, margin, rows, new CompositeScores(weights).of(ordered, all),
                notApplicable, TierFigures.of(set, all));
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
        return v.isEmpty() || d != Direction.LOWER_BETTER ? v : OptionalDouble.of(-v.getAsDouble());
    }

    /** A hospital's place among its peers: rank, how many peers have a value, percentile. */
    record Standing(OptionalInt rank, int size, OptionalDouble percentile) {
        /** The standings of values already oriented so that higher is better; unranked ones get no rank. */
        static List<Standing> of(List<OptionalDouble> values, boolean ranked) {
            int n = (int) values.stream().filter(OptionalDouble::isPresent).count();
            int[] r = Ranks.descending(values);
            List<Standing> out = new ArrayList<>(values.size());
            for (int k = 0; k < values.size(); k++) {
                if (!ranked || r[k] == 0) {
                    out.add(new Standing(OptionalInt.empty(), n, OptionalDouble.empty()));
                } else {
                    out.add(new Standing(OptionalInt.of(r[k]), n,
                            n < 2 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * (n - r[k]) / (n - 1))));
                }
            }
            return out;
        }
    }

    /** A row before ranking; identity-keyed. */
    private static final class Draft {
        final HospitalMeasures hospital;
        final Indicator indicator;
        final FormulaOutcome outcome;
        final Optional<Target> target;

        Draft(HospitalMeasures hospital, Indicator indicator, FormulaOutcome outcome, Optional<Target> target) {
            this.hospital = hospital;
            this.indicator = indicator;
            this.outcome = outcome;
            this.target = target;
        }
    }
}
