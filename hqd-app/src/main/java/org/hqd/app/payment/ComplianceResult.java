package org.hqd.app.payment;

import java.util.List;
import org.hqd.compliance.ComplianceFlag;
import org.hqd.compliance.ComplianceRules;

/** A screening: the rules it ran with, the cases it read and the flags it raised. */
public record ComplianceResult(ComplianceRules rules, long cases, List<ComplianceFlag> flags) {
    public ComplianceResult {
        flags = List.copyOf(flags);
    }
}
