package org.hqd.payment;

import java.util.Objects;

/**
 * What the insurer's settlement needs of a case.
 *
 * @param payer           the case's 医疗付款方式 as recorded (code, name or alias)
 * @param grouped         grouped into a group (status GROUPED); the group may still have no weight
 * @param group           the DRG (or DIP group) code; empty when none
 * @param charges         the case's total charges (医疗总费用, {@code total_cost}); {@code NaN} counts as 0
 * @param dischargeMethod 离院方式 (1–5, 9)
 * @param losDays         length of stay; -1 unknown
 * @param reviewReason    why the case was accepted for 特病单议; empty when it was not
 * @param adjustment      factor on the group's base points (DIP auxiliary catalogue); 1 for none
 */
public record PaymentCase(String hospitalId, String recordId, String payer, boolean grouped, String group,
                          double charges, String dischargeMethod, int losDays, String reviewReason,
                          double adjustment) {
    public PaymentCase {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(dischargeMethod, "dischargeMethod");
        Objects.requireNonNull(reviewReason, "reviewReason");
    }

    /** A DRG case without review or adjustment. */
    public static PaymentCase of(String hospitalId, String recordId, String payer, boolean grouped, String drg,
                                 double charges, String dischargeMethod, int losDays) {
        return new PaymentCase(hospitalId, recordId, payer, grouped, drg, charges, dischargeMethod, losDays, "", 1);
    }

    public PaymentCase withReview(String reason) {
        return new PaymentCase(hospitalId, recordId, payer, grouped, group, charges, dischargeMethod, losDays, reason,
                adjustment);
    }

    /** The charges, 0 when unknown. */
    double chargesOrZero() {
        return Double.isNaN(charges) ? 0 : charges;
    }
}
