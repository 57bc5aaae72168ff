package org.hqd.casemix.rulepack;

/** One step of an MDC's walk: an ADRG rule to try, or an ambiguity checkpoint. */
public sealed interface AdrgStep extends java.io.Serializable {

    /** Try the ADRG rule with this id (a key of {@code adrgs}). */
    record TryRule(String ruleId) implements AdrgStep { }

    /**
     * Stop as ambiguous (歧义) with {@code group} when a procedure of the case is in {@code list}: the first
     * procedure only when {@code mainProcOnly}, any procedure otherwise.
     */
    record AmbiguityCheckpoint(boolean mainProcOnly, String list, String group) implements AdrgStep { }
}
