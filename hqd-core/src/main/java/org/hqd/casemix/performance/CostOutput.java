package org.hqd.casemix.performance;

import java.util.List;

/**
 * Cost-output (成本产出/盈亏, DESIGN §3.4) of a unit's grouped cases under DRG payment: payment = base rate × RW
 * per case, balance = payment − actual cost. Ungrouped, ambiguous and invalid cases are not paid by DRG and are
 * left out.
 *
 * @param cases   the grouped cases counted
 * @param balance payment − cost; negative is a loss
 */
public record CostOutput(String unit, long cases, double payment, double cost, double balance) {

    /** The cost-output of these cases at this base rate (yuan per unit of weight). */
    public static CostOutput of(String unit, List<UnitCase> cases, Benchmark benchmark, double baseRate) {
        long n = 0;
        double payment = 0;
        double cost = 0;
        for (UnitCase c : cases) {
            if (c.grouped()) {
                n++;
                payment += baseRate * benchmark.rw(c.drg());
                cost += c.cost();
            }
        }
        return new CostOutput(unit, n, payment, cost, payment - cost);
    }
}
