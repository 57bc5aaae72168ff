package org.hqd.compliance;

import java.util.List;

/**
 * A set of compliance rules (医保智能审核规则) with their thresholds and sources, as data ({@code compliance-rules/1},
 * see docs/payment.md); {@link #standard()} is the bundled set.
 */
public record ComplianceRules(String id, String name, String source, List<ComplianceRule> rules) {
    public ComplianceRules {
        rules = List.copyOf(rules);
    }

    public static ComplianceRules standard() {
        return ComplianceRulesLoader.bundled();
    }
}
