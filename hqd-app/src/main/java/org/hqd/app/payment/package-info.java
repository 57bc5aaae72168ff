/**
 * The insurer's payment use cases: official parameters (weights, rules, 特病单议, DIP catalogues: {@link
 * org.hqd.app.payment.PaymentParameters}), settlement, pre-settlement, 清算 and cost-output ({@link
 * org.hqd.app.payment.PaymentService}), compliance screening ({@link org.hqd.app.payment.ComplianceService}).
 */
@NullMarked
package org.hqd.app.payment;

import org.jspecify.annotations.NullMarked;
