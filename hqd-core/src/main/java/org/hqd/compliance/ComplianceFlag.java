package org.hqd.compliance;

import java.util.Objects;

/**
 * One finding of compliance screening: which rule, about what, the evidence and the thresholds it was held against.
 *
 * @param recordId the case flagged; empty for a signal about a hospital's cases of a group (upcoding by rate)
 * @param subject  what the finding is about, e.g. "患者 P…" or "ADRG ES3"
 */
public record ComplianceFlag(String hospitalId, String recordId, String ruleId, String rule, ComplianceKind kind,
                             String subject, String evidence, String threshold) {
    public ComplianceFlag {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
    }
}
