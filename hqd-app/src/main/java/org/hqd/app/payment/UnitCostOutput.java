package org.hqd.app.payment;

/**
 * A unit's cost-output (成本产出/盈亏) over its insured cases as the insurer pays them: payment, cost (charges) and
 * balance in yuan, and the charge category that exceeds its DRG standards most ({@code excessCategory} empty when none
 * does); then those of its cases with a case cost from the cost accounting (hqd costing run): their number, payment,
 * charges and cost, and the balance on cost = their payment − their cost (0 when no case is costed); the net excess
 * over the DRG standards of drugs, consumables and examinations + laboratory tests (negative: below them).
 */
public record UnitCostOutput(String unit, long cases, double payment, double cost, double balance,
                             String excessCategory, double excessAmount, long costedCases, double costedPayment,
                             double costedCharges, double caseCost, double balanceOnCost, double excessDrug,
                             double excessMaterial, double excessExam) {
}
