package org.hqd.payment;

import java.time.Instant;

/** A stored year-end 清算: what fund it shared over what, on which weights and rules, when and by whom. */
public record ClearingRecord(int id, PaymentMethod method, int year, long fundFen, double totalPoints,
                             double pointValue, String weights, String rulesId, Instant computedAt, String computedBy) {
}
