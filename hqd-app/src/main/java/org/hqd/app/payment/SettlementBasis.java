package org.hqd.app.payment;

import org.hqd.payment.PaymentMethod;

/**
 * What a settlement was computed on: the method, the payment rules in force, the weights (an official version, HQD's
 * own weights or a DIP catalogue) and the value of a point — the published one, or the budget-neutral one of the
 * period (cost / points of its insured cases) when none was published.
 */
public record SettlementBasis(PaymentMethod method, String rulesId, String rulesName, String weights,
                              double yuanPerPoint, boolean neutral) {
    /** One line in Chinese for headers and messages; the rules by their name (their id is for commands, not readers). */
    public String describe() {
        return method.label() + "；规则 " + rulesName + "；" + weights + "；点值 "
                + String.format("%,.4f", yuanPerPoint) + " 元" + (neutral ? "（预算中性：所选期间参保病例费用 ÷ 点数）" : "");
    }
}
