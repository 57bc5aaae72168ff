package org.hqd.hospital;

import java.util.Optional;

/** A hospital of the register (or one with cases but no register entry: no name, no tier, no type). */
public record Hospital(String id, String name, Optional<HospitalTier> tier, Optional<HospitalType> type) {
    /** A hospital whose type is not known. */
    public Hospital(String id, String name, Optional<HospitalTier> tier) {
        this(id, name, tier, Optional.empty());
    }
}
