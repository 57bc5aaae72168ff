package org.hqd.app.payment;

import java.util.List;
import org.hqd.payment.UnitCostOutput;

/**
 * Cost-output of every unit on a basis, the biggest loss first.
 *
 * @param scheme             the data directory's grouping scheme (for the names of DRGs)
 * @param weightsComputedNow HQD's own weights did not exist and were computed for this (version 1)
 */
public record CostOutputs(SettlementBasis basis, String scheme, boolean weightsComputedNow, List<UnitCostOutput> units) {
    public CostOutputs {
        units = List.copyOf(units);
    }
}
