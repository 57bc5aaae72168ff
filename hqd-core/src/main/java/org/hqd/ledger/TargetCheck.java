package org.hqd.ledger;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A linked target held against what HQD measured: the actual on the indicator's scale (empty when HQD has no data
 * for it), whether it is met, and what the actual is ("H001" for a hospital plan; for a region plan the median of
 * its hospitals, with how many of them meet the target).
 */
public record TargetCheck(TaskTarget target, OptionalDouble actual, Optional<Boolean> met, String basis) {
    public static TargetCheck of(TaskTarget target, OptionalDouble actual, String basis) {
        Optional<Boolean> met = actual.isPresent() && target.indicatorValue().isPresent()
                ? Optional.of(target.comparator().met(actual.getAsDouble(), target.indicatorValue().getAsDouble()))
                : Optional.empty();
        return new TargetCheck(target, actual, met, basis);
    }
}
