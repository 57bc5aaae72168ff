package org.hqd.evaluation;

import java.util.Map;
import java.util.Optional;
import org.hqd.hospital.HospitalTier;

/** What the evaluation knows of one hospital for one period: register facts and the measures computed. */
public record HospitalMeasures(String hospitalId, String name, Optional<HospitalTier> tier,
                               Map<Measure, Double> measures) {
}
