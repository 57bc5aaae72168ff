package org.hqd.store.payment;

import java.time.LocalDate;

/**
 * One case's settlement as the store computed it (the row of {@code hqd payment settle}).
 *
 * @param group      the case's DRG (or DIP group) as grouped
 * @param weight     the weight it is paid under; {@code NaN} when ungrouped
 * @param points     {@code NaN} when not insured
 * @param paymentFen 0 when not insured
 * @param balanceFen payment − cost in fen; 0 when not insured
 */
public record SettledCase(String hospitalId, String recordId, LocalDate dischargeDate, String payer, boolean insured,
                          String group, double weight, String caseType, String rule, double points, long paymentFen,
                          double charges, long costFen, long balanceFen) {
}
