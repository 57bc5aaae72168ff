package org.hqd.payment;

import org.hqd.costing.CostMargin;

/**
 * One unit's cost-output over its insured cases; {@code excessCategory} is 药品费, 耗材费 or 检查化验费 (empty when
 * no category exceeds its standards) and {@code excessAmount} its total excess in yuan. {@code cost} is the charges
 * (总费用); {@code costedCases} of the cases have a case cost: their payment, charges and cost, and
 * {@code balanceOnCost} = their payment − their cost (0 when no case is costed); {@code excessDrug},
 * {@code excessMaterial} and {@code excessExam} the net excess of each category over the standards (negative:
 * below them).
 */
public record UnitCostOutput(String unit, long cases, double payment, double cost, double balance,
                             String excessCategory, double excessAmount, long costedCases, double costedPayment,
                             double costedCharges, double caseCost, double balanceOnCost, double excessDrug,
                             double excessMaterial, double excessExam) {
    /** The same figures under another unit name (a department's DRG under its DRG code alone). */
    public UnitCostOutput withUnit(String name) {
        return new UnitCostOutput(name, cases, payment, cost, balance, excessCategory, excessAmount, costedCases,
                costedPayment, costedCharges, caseCost, balanceOnCost, excessDrug, excessMaterial, excessExam);
    }

    /** The margins of the line as the core computes them. */
    public CostMargin margin() {
        return new CostMargin(unit, cases, payment, cost, costedCases, costedPayment, caseCost);
    }
}
