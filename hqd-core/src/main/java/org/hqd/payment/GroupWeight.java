package org.hqd.payment;

import java.util.Objects;

/**
 * A group's official payment parameters: its weight (DRG) or score (DIP) and, when published, its mean cost
 * (住院均次费用, the outlier rules' reference).
 *
 * @param baseCost the published mean cost in yuan; {@code NaN} when the table has none
 */
public record GroupWeight(String group, double weight, double baseCost) {
    public GroupWeight {
        Objects.requireNonNull(group, "group");
        if (!(weight > 0) || baseCost <= 0) {
            throw new IllegalArgumentException("weight > 0 and baseCost > 0 or NaN: " + group);
        }
    }

    public boolean hasBaseCost() {
        return !Double.isNaN(baseCost);
    }
}
