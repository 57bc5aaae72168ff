package org.hqd.casemix.rulepack;

import java.util.List;

/**
 * One rule of an ADRG: when its conditions hold the case is in ADRG {@code code}, and its DRG is the first of
 * {@code drgs} whose conditions hold, else {@code fallback}. Several rules may share one ADRG code.
 */
public record AdrgRule(String id, String code, String mdc, List<Atom> when, List<String> drgs, String fallback) implements java.io.Serializable {
    public AdrgRule {
        when = List.copyOf(when);
        drgs = List.copyOf(drgs);
    }
}
