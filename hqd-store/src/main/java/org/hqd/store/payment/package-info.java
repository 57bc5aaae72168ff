/**
 * The insurer's payment in the store: weight versions, payment rules and 特病单议 cases ({@link
 * org.hqd.store.payment.PaymentStore}), the settlement of cases in SQL equal to the core's evaluator ({@link
 * org.hqd.store.payment.SettlementQuery}) and the 清算 records ({@link org.hqd.store.payment.ClearingStore}).
 */
@NullMarked
package org.hqd.store.payment;

import org.jspecify.annotations.NullMarked;
