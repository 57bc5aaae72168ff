package org.hqd.app.payment;

import java.util.List;

/** Cost-output of every unit on a basis, the biggest loss first. */
public record CostOutputs(SettlementBasis basis, List<UnitCostOutput> units) {
    public CostOutputs {
        units = List.copyOf(units);
    }
}
