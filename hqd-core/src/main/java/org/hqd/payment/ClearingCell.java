package org.hqd.payment;

import java.util.Objects;

/**
 * What 清算 shares the fund over: a hospital's insured cases of one group in the year, their points and what
 * monthly pre-settlement already paid for them.
 */
public record ClearingCell(String hospitalId, String group, long cases, double points, long presettledFen) {
    public ClearingCell {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(group, "group");
    }
}
