package org.hqd.evaluation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/**
 * What the evaluation knows of one hospital for one period: register facts (peers are hospitals of the same tier
 * and type), the measures computed, and the measures of the same months one year earlier (for growth indicators;
 * empty when not computed).
 */
public record HospitalMeasures(String hospitalId, String name, Optional<HospitalTier> tier, Optional<HospitalType> type,
                               Map<Measure, Double> measures, Map<Measure, Double> prior) {
    public HospitalMeasures {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(measures, "measures");
        Objects.requireNonNull(prior, "prior");
    }

    /** A hospital without a type and without the year before. */
    public HospitalMeasures(String hospitalId, String name, Optional<HospitalTier> tier, Map<Measure, Double> measures) {
        this(hospitalId, name, tier, Optional.empty(), measures, Map.of());
    }

    /** The peer group: tier and type (either may be unknown). */
    public Peers peers() {
        return new Peers(tier, type);
    }
}
