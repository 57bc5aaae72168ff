package org.hqd.payment;

import java.time.Instant;
import java.util.OptionalDouble;

/** A loaded version of official payment weights (the latest is in force). */
public record WeightVersion(int version, String name, OptionalDouble rate, OptionalDouble pointValue, String file,
                            int groups, Instant loadedAt, String loadedBy) {
}
