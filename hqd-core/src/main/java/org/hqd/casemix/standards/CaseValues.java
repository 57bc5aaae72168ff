package org.hqd.casemix.standards;

import java.util.Objects;

/**
 * What the standards need of one grouped case: its DRG and the amounts the standards are built from.
 *
 * @param examLabCost examination + laboratory charges
 * @param died        in-hospital death (discharge method 5)
 */
public record CaseValues(String drg, double totalCost, int losDays, double drugCost, double materialCost,
                         double examLabCost, boolean died) {
    public CaseValues {
        Objects.requireNonNull(drg, "drg");
    }
}
