package org.hqd.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The assessment of performance targets (预算绩效评价): a target met earns its weight; one not met earns its weight
 * times how far it got (actual / target for a floor, target / actual for a ceiling, at most 1); one without an
 * actual earns nothing and says so. The score is the earned weight over the total weight, 0–100, with its grade.
 */
public record PerformanceAssessment(List<Result> results, OptionalDouble score, String grade) {

    /** A target's actual, whether it is met, and the weight it earned. */
    public record Result(PerformanceTarget target, OptionalDouble actual, Optional<Boolean> met, double earned) { }

    public static PerformanceAssessment assess(List<PerformanceTarget> targets,
                                               Function<PerformanceTarget, OptionalDouble> actual, BudgetRules rules) {
        List<Result> out = new ArrayList<>();
        double weights = 0;
        double earned = 0;
        for (PerformanceTarget t : targets) {
            OptionalDouble a = actual.apply(t);
            weights += t.weight();
            if (a.isEmpty()) {
                out.add(new Result(t, a, Optional.empty(), 0));
                continue;
            }
            double v = a.getAsDouble();
            boolean met = t.comparison().met(v, t.target());
            double share;
            if (met) {
                share = 1;
            } else if (t.comparison().floor()) {
                share = t.target() <= 0 ? 0 : Math.max(0, Math.min(1, v / t.target()));
            } else {
                share = v <= 0 ? 0 : Math.max(0, Math.min(1, t.target() / v));
            }
            out.add(new Result(t, a, Optional.of(met), share * t.weight()));
            earned += share * t.weight();
        }
        if (weights <= 0) {
            return new PerformanceAssessment(out, OptionalDouble.empty(), "");
        }
        double score = 100 * earned / weights;
        return new PerformanceAssessment(out, OptionalDouble.of(score), rules.grade(score));
    }
}
