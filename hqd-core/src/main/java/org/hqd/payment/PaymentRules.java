package org.hqd.payment;

import java.util.List;
import java.util.Objects;

/**
 * How an insurer pays cases under DRG (or DIP) with the point method, as data ({@code payment-rules/1}, see
 * docs/payment.md): which payers the fund pays, base points per unit of weight, the high- and low-outlier rules,
 * special cases, and how reviewed (特病单议) and ungrouped cases are paid. Each part names its source.
 *
 * @param pointsPerWeight the base points of a group of weight 1 (100 in the CHS-DRG point method)
 */
public record PaymentRules(String id, String name, String source, Payers payers, double pointsPerWeight,
                           HighOutliers high, LowOutliers low, List<SpecialCase> special, PaidAs review,
                           PaidAs ungrouped) {
    public PaymentRules {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payers, "payers");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        special = List.copyOf(special);
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(ungrouped, "ungrouped");
    }

    /** The bundled rules, following the CHS-DRG point method ({@code chs-drg-points.json}). */
    public static PaymentRules standard() {
        return PaymentMethod.DRG.bundledRules();
    }
}
