package org.hqd.app.costing;

import java.util.List;

/**
 * DRG cost and margin over costed cases: the base rate the payment used and where it came from, and one line per
 * DRG, the biggest loss first.
 */
public record DrgCosts(double baseRate, String rateSource, List<Line> lines) {
    public DrgCosts {
        lines = List.copyOf(lines);
    }

    /**
     * A DRG's costed cases: their mean cost, mean charges and mean payment (yuan) and the margin on cost (Σ payment −
     * Σ cost).
     */
    public record Line(String drg, String name, long cases, double meanCost, double meanCharges, double meanPayment,
                       double margin) { }
}
