package org.hqd.evaluation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/**
 * One hospital × indicator of an evaluation (a row of {@code hqd evaluate}): the value (empty: no data, and
 * {@code noData} says which input was missing or that a denominator was zero), the sources it came from, the
 * applicable target, the status, the gap (value − target, in the indicator's unit), the competition rank among the
 * peers (same tier and type) that have a value (1 = best in the indicator's direction; none for a monitored-only
 * indicator), how many those are, and the percentile among them (100 best, 0 worst; empty with fewer than two).
 */
public record EvaluationRow(String hospitalId, String hospitalName, Optional<HospitalTier> tier,
                            Optional<HospitalType> type, Indicator indicator, OptionalDouble value, String source,
                            String noData, Optional<Target> target, Optional<Status> status, OptionalDouble gap,
                            OptionalInt rankInPeers, int peers, OptionalDouble percentile) {
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

    /** The peer group of the hospital. */
    public Peers peerGroup() {
        return new Peers(tier, type);
    }
}
