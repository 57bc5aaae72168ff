/**
 * DRG/DIP payment as the insurer computes it: payment rules as data ({@link org.hqd.payment.PaymentRules}, loaded and
 * checked by {@link org.hqd.payment.PaymentRulesLoader}), official weight versions ({@link org.hqd.payment.WeightTable}),
 * the settlement of a case with a trace ({@link org.hqd.payment.PaymentEvaluator}) and the year-end 清算 that
 * conserves the fund to the fen ({@link org.hqd.payment.Clearing}).
 */
@NullMarked
package org.hqd.payment;

import org.jspecify.annotations.NullMarked;
