package org.hqd.evaluation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;

/**
 * One hospital × indicator of an evaluation (a row of {@code hqd evaluate}): the value (empty: no data), the
 * applicable target, the status, the gap (value − target, in the indicator's unit; empty without a value or
 * target), the competition rank among the hospitals of the same tier that have a value (1 = best in the
 * indicator's direction) and how many those are.
 */
public record EvaluationRow(String hospitalId, String hospitalName, Optional<HospitalTier> tier, Indicator indicator,
                            OptionalDouble value, Optional<Target> target, Optional<Status> status,
                            OptionalDouble gap, OptionalInt rankInTier, int tierSize) {
    /**
     * How far the value falls short of the target, relative to the target (0 when met or without data): what
     * "furthest from the target" orders by.
     */
    public double shortfall() {
        if (value.isEmpty() || target.isEmpty() || status.isEmpty() || status.get() == Status.MET) {
            return 0;
        }
        double t = target.get().value();
        double v = value.getAsDouble();
        double scale = t == 0 ? 1 : Math.abs(t);
        return (target.get().comparison().floor() ? t - v : v - t) / scale;
    }
}
