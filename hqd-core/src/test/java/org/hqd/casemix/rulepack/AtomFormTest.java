package org.hqd.casemix.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every atom written by {@link AtomJson} is read back by {@link AtomParser} as the same atom. */
final class AtomFormTest {
    /** One atom of each kind, with arguments other than the defaults. */
    private static final List<Atom> ONE_OF_EACH = List.of(new Atom.PrincipalDxIn("L1"), new Atom.AnyDxIn("L2"),
            new Atom.SecondaryDxIn("L3"), new Atom.AnyDxStartsWith("Z37."), new Atom.MainProcIn("@orProcedures"),
            new Atom.AnyProcIn("L4"), new Atom.SecondaryProcIn("L5"), new Atom.ProcCountAtLeast(2), new Atom.NoProc(),
            new Atom.SexIs("2"), new Atom.AgeYearsAtMost(17), new Atom.AgeYearsAtLeast(65), new Atom.AgeDaysAtMost(28),
            new Atom.BirthWeightKnown(), new Atom.BirthWeightAtLeast(2500), new Atom.BirthWeightBelow(1500),
            new Atom.LosDaysAtLeast(30), new Atom.LosDaysAtMost(3), new Atom.LosDaysBetween(5, 10),
            new Atom.DischargeMethodIn(List.of("1", "5")), new Atom.SecondaryDxComplication(ComplicationLevel.MCC),
            new Atom.ProcTag("CODES", "TAGS", "t"), new Atom.TraumaSitesAtLeast(List.of("S1", "S2", "S3"), 2),
            new Atom.Not(new Atom.NoProc()),
            new Atom.AnyOf(List.of(List.of(new Atom.SexIs("1")), List.of(new Atom.Not(new Atom.AnyDxIn("L6"))))));

    @Test
    void write_thenParse_givesTheSameAtoms() {
        List<RulePackProblem> problems = new ArrayList<>();
        List<Atom> read = new AtomParser("rules.json", problems).parseAll(AtomJson.when(ONE_OF_EACH), "/when");

        assertThat(problems).isEmpty();
        assertThat(read).isEqualTo(ONE_OF_EACH);
    }

    @Test
    void everyKindOfAtom_isInTheTest() {
        List<Class<?>> kinds = Arrays.asList(Atom.class.getPermittedSubclasses());

        assertThat(ONE_OF_EACH.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void write_flagAtom_isTrue() {
        assertThat(AtomJson.atom(new Atom.NoProc()).toString()).isEqualTo("{\"noProc\":true}");
        assertThat(AtomJson.atom(new Atom.LosDaysBetween(5, 10)).toString()).isEqualTo("{\"losDaysBetween\":[5,10]}");
        assertThat(AtomJson.atom(new Atom.TraumaSitesAtLeast(List.of("S1"), 1)).toString())
                .isEqualTo("{\"traumaSitesAtLeast\":{\"sites\":[\"S1\"],\"count\":1}}");
    }
}
