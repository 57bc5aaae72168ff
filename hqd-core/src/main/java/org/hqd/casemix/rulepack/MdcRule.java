package org.hqd.casemix.rulepack;

import java.util.List;

/** A major diagnostic category: the conditions to enter it and the ADRG steps walked inside it. */
public record MdcRule(String code, List<Atom> when, List<AdrgStep> steps) implements java.io.Serializable {
    public MdcRule {
        when = List.copyOf(when);
        steps = List.copyOf(steps);
    }
}
