package org.hqd.costing;

import java.util.OptionalDouble;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * A clinical department's cost and charges (fen) of one charge category in a costed year, the pool the cost came
 * from and the method: its cost-to-charge ratio (成本收入比) is what case costs of the category follow.
 */
public record CostRatio(String department, ChargeCategory category, String pool, CaseCosting.Method method, long cost,
                        long charges) {
    /** cost / charges; empty without charges. */
    public OptionalDouble ratio() {
        return charges == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) cost / charges);
    }
}
