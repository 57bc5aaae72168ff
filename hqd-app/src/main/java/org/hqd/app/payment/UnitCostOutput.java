package org.hqd.app.payment;

/**
 * A unit's cost-output (成本产出/盈亏) over its insured cases as the insurer pays them: payment, cost and balance in
 * yuan, and the charge category that exceeds its DRG standards most ({@code excessCategory} empty when none does).
 */
public record UnitCostOutput(String unit, long cases, double payment, double cost, double balance,
                             String excessCategory, double excessAmount) {
}
