package org.hqd.payment;

/**
 * What a case cost the hospital, for the settlement's balance (payment − cost). The default is its charges
 * ({@code total_cost}); cost accounting supplies the case's own cost in its place. The outlier rules always use the
 * charges: that is what the insurer's rules are written on.
 */
@FunctionalInterface
public interface CaseCostSource {
    /** The charges of the case ({@code total_cost}, 0 when unknown). */
    CaseCostSource CHARGES = PaymentCase::chargesOrZero;

    double costOf(PaymentCase c);
}
