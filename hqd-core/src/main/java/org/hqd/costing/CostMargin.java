package org.hqd.costing;

import java.util.List;
import java.util.OptionalDouble;

/**
 * 盈亏 of a unit's cases on charges and on cost: the payment less the charges (what HQD reported before cost
 * accounting) and the payment less the cost, for the cases that have a cost. The payment comes from whichever payment
 * rule the caller applies (DRG base rate × RW, an insurer's settlement …); this only combines it with the charges and
 * the case costs, so any payment source can be put beside the cost.
 *
 * @param cases         the cases counted
 * @param payment       their payment (yuan)
 * @param charges       their charges (yuan)
 * @param costedCases   those of them with a case cost
 * @param costedPayment the payment of the costed cases
 * @param cost          the cost of the costed cases (yuan)
 */
public record CostMargin(String unit, long cases, double payment, double charges, long costedCases,
                         double costedPayment, double cost) {

    /** One case: its payment, its charges and its cost, if it has one. */
    public record CaseAmounts(double payment, double charges, OptionalDouble cost) { }

    /** payment − charges (盈亏 on charges). */
    public double marginOnCharges() {
        return payment - charges;
    }

    /** payment − cost over the costed cases (盈亏 on cost); empty when no case has a cost. */
    public OptionalDouble marginOnCost() {
        return costedCases == 0 ? OptionalDouble.empty() : OptionalDouble.of(costedPayment - cost);
    }

    /** The margins of a unit's cases. */
    public static CostMargin of(String unit, List<CaseAmounts> cases) {
        double payment = 0;
        double charges = 0;
        long costed = 0;
        double costedPayment = 0;
        double cost = 0;
        for (CaseAmounts c : cases) {
            payment += c.payment();
            charges += c.charges();
            if (c.cost().isPresent()) {
                costed++;
                costedPayment += c.payment();
                cost += c.cost().getAsDouble();
            }
        }
        return new CostMargin(unit, cases.size(), payment, charges, costed, costedPayment, cost);
    }
}
