package org.hqd.evaluation;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What evaluating a formula for one hospital gave: the value, or why there is none — the inputs that were missing
 * (named as {@link Measure#input()}), or a zero denominator. {@code used} are the measures the value was computed
 * from (for a fallback {@code a ?? b}, those of the branch that gave it), so the value carries its sources.
 */
public record FormulaOutcome(OptionalDouble value, Set<Measure> used, List<String> missing, boolean zeroDenominator) {
    public FormulaOutcome {
        used = used.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(used));
        missing = List.copyOf(missing);
    }

    /** The sources the value came from, e.g. 病案首页、机构月报 (the period itself is not a source). */
    public String sources() {
        Set<Measure.Source> s = EnumSet.noneOf(Measure.Source.class);
        used.forEach(m -> s.add(m.source()));
        s.remove(Measure.Source.PERIOD);
        return s.stream().map(Measure.Source::label).collect(Collectors.joining("、"));
    }

    /** Why there is no value, in Chinese; empty when there is one. */
    public String reason() {
        if (value.isPresent()) {
            return "";
        }
        if (!missing.isEmpty()) {
            return "缺少" + String.join("；", missing);
        }
        return zeroDenominator ? "分母为 0" : "";
    }
}
