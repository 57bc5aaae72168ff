package org.hqd.payment;

import java.time.Instant;
import java.util.Objects;

/** A case the insurer accepted for 特病单议, with the reason, when and by whom. */
public record Review(String hospitalId, String recordId, String reason, Instant acceptedAt, String acceptedBy) {
    public Review {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a review needs its reason");
        }
    }
}
