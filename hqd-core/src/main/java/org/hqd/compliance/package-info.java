/**
 * Compliance screening as the insurer runs it (医保智能审核): split stays, needless admissions and upcoding signals,
 * with rules, evidence and thresholds as data ({@link org.hqd.compliance.ComplianceRules}) and a pure screener
 * ({@link org.hqd.compliance.ComplianceScreener}).
 */
@NullMarked
package org.hqd.compliance;

import org.jspecify.annotations.NullMarked;
