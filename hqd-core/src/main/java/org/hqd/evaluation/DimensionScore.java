package org.hqd.evaluation;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/**
 * A hospital's composite score (0–100) in one dimension, or overall ({@code dimension} empty), with how many
 * indicators made it and its rank among the peers (same tier and type); empty when no indicator of the dimension
 * could be scored.
 */
public record DimensionScore(String hospitalId, Optional<HospitalTier> tier, Optional<HospitalType> type,
                             Optional<Dimension> dimension, OptionalDouble score, int indicators,
                             OptionalInt rankInPeers) {
}
