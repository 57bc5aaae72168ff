package org.hqd.casemix.performance;

import java.util.Objects;

/** What the unit metrics need of one case: its DRG (when grouped) and its amounts. */
public record UnitCase(String drg, boolean grouped, double cost, int losDays, double drugCost, double materialCost,
                       boolean died) {
    public UnitCase {
        Objects.requireNonNull(drg, "drg");
    }
}
