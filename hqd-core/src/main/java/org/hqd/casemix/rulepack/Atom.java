package org.hqd.casemix.rulepack;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a rule, as written in {@code rules.json} (the atoms of {@code casemix-rulepack/1}).
 * A list name is a key of the pack's code lists, or {@code @orProcedures}.
 */
public sealed interface Atom extends java.io.Serializable {

    /** {@code principalDxIn}: the principal diagnosis is in the list. */
    record PrincipalDxIn(String list) implements Atom { }

    /** {@code anyDxIn}: some diagnosis (principal or secondary) is in the list. */
    record AnyDxIn(String list) implements Atom { }

    /** {@code secondaryDxIn}: some secondary diagnosis is in the list. */
    record SecondaryDxIn(String list) implements Atom { }

    /** {@code anyDxStartsWith}: some diagnosis starts with the text. */
    record AnyDxStartsWith(String prefix) implements Atom { }

    /** {@code mainProcIn}: there is a procedure and the first is in the list. */
    record MainProcIn(String list) implements Atom { }

    /** {@code anyProcIn}: some procedure is in the list. */
    record AnyProcIn(String list) implements Atom { }

    /** {@code secondaryProcIn}: some procedure after the first is in the list. */
    record SecondaryProcIn(String list) implements Atom { }

    /** {@code procCountAtLeast}: at least n procedures. */
    record ProcCountAtLeast(int n) implements Atom { }

    /** {@code noProc}: no procedure. */
    record NoProc() implements Atom { }

    /** {@code sex}: the sex code is "1" (male) or "2" (female). */
    record SexIs(String code) implements Atom { }

    /** {@code ageYearsAtMost}: age in whole years ≤ n. */
    record AgeYearsAtMost(int n) implements Atom { }

    /** {@code ageYearsAtLeast}: age in whole years ≥ n. */
    record AgeYearsAtLeast(int n) implements Atom { }

    /** {@code ageDaysAtMost}: age in days is known and ≤ n. */
    record AgeDaysAtMost(int n) implements Atom { }

    /** {@code birthWeightKnown}: birth weight &gt; 0. */
    record BirthWeightKnown() implements Atom { }

    /** {@code birthWeightAtLeast}: birth weight ≥ grams. */
    record BirthWeightAtLeast(int grams) implements Atom { }

    /** {@code birthWeightBelow}: birth weight &lt; grams. */
    record BirthWeightBelow(int grams) implements Atom { }

    /** {@code losDaysAtLeast}: length of stay ≥ n days. */
    record LosDaysAtLeast(int n) implements Atom { }

    /** {@code losDaysAtMost}: length of stay ≤ n days. */
    record LosDaysAtMost(int n) implements Atom { }

    /** {@code losDaysBetween}: a ≤ length of stay ≤ b. */
    record LosDaysBetween(int from, int to) implements Atom { }

    /** {@code dischargeMethodIn}: the discharge method is one of the codes. */
    record DischargeMethodIn(List<String> methods) implements Atom {
        public DischargeMethodIn {
            methods = List.copyOf(methods);
        }
    }

    /** {@code secondaryDx}: some secondary diagnosis counts as a CC or MCC for this principal diagnosis. */
    record SecondaryDxComplication(ComplicationLevel level) implements Atom {
        public SecondaryDxComplication {
            Objects.requireNonNull(level, "level");
        }
    }

    /** {@code procTag}: some procedure equals {@code codes[i]} where {@code tags[i]} is the tag. */
    record ProcTag(String codes, String tags, String tag) implements Atom { }

    /** {@code traumaSitesAtLeast}: at least count of the site lists hold a diagnosis of the case. */
    record TraumaSitesAtLeast(List<String> sites, int count) implements Atom {
        public TraumaSitesAtLeast {
            sites = List.copyOf(sites);
        }
    }

    /** {@code not}: the atom does not hold. */
    record Not(Atom atom) implements Atom { }

    /** {@code anyOf}: all atoms of at least one alternative hold. */
    record AnyOf(List<List<Atom>> alternatives) implements Atom {
        public AnyOf {
            alternatives = alternatives.stream().map(List::copyOf).toList();
        }
    }
}
