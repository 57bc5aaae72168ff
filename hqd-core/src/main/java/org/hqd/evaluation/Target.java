package org.hqd.evaluation;

import java.util.Optional;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;

/**
 * One target of a set: for an indicator and a tier (empty: every tier), the value to reach and how it is compared,
 * optionally for one year, with the document and line it comes from.
 */
public record Target(String indicator, Optional<HospitalTier> tier, Comparison comparison, double value,
                     OptionalInt year, String source) {
}
