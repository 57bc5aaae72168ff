package org.hqd.evaluation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;

/**
 * A hospital's composite score (0–100) in one dimension, or overall ({@code dimension} empty), with its rank in
 * the tier; empty when no targeted indicator of the dimension has a value.
 */
public record DimensionScore(String hospitalId, Optional<HospitalTier> tier, Optional<Dimension> dimension,
                             OptionalDouble score, int indicators, OptionalInt rankInTier) {
}
