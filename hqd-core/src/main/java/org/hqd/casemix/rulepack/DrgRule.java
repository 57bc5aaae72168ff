package org.hqd.casemix.rulepack;

import java.util.List;

/** A final DRG with its Chinese name and the conditions that choose it within its ADRG. */
public record DrgRule(String code, String adrg, String name, List<Atom> when) implements java.io.Serializable {
    public DrgRule {
        when = List.copyOf(when);
    }
}
