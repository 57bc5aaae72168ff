package org.hqd.casemix.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each JSON atom of {@code casemix-rulepack/1} becomes the matching {@link Atom}. */
final class AtomParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<RulePackProblem> problems = new ArrayList<>();
    private final AtomParser parser = new AtomParser("rules.json", problems);

    private Optional<Atom> parse(String json) {
        try {
            return parser.parse(JSON.readTree(json), "/p");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Atom atom(String json) {
        Optional<Atom> a = parse(json);
        assertThat(problems).isEmpty();
        return a.orElseThrow();
    }

    @Test
    void parse_listAtoms_keepTheListName() {
        assertThat(atom("{\"principalDxIn\": \"L\"}")).isEqualTo(new Atom.PrincipalDxIn("L"));
        assertThat(atom("{\"anyDxIn\": \"L\"}")).isEqualTo(new Atom.AnyDxIn("L"));
        assertThat(atom("{\"secondaryDxIn\": \"L\"}")).isEqualTo(new Atom.SecondaryDxIn("L"));
        assertThat(atom("{\"mainProcIn\": \"@orProcedures\"}")).isEqualTo(new Atom.MainProcIn("@orProcedures"));
        assertThat(atom("{\"anyProcIn\": \"L\"}")).isEqualTo(new Atom.AnyProcIn("L"));
        assertThat(atom("{\"secondaryProcIn\": \"L\"}")).isEqualTo(new Atom.SecondaryProcIn("L"));
        assertThat(atom("{\"anyDxStartsWith\": \"Z37.\"}")).isEqualTo(new Atom.AnyDxStartsWith("Z37."));
    }

    @Test
    void parse_numberAtoms_keepTheBound() {
        assertThat(atom("{\"procCountAtLeast\": 2}")).isEqualTo(new Atom.ProcCountAtLeast(2));
        assertThat(atom("{\"ageYearsAtMost\": 17}")).isEqualTo(new Atom.AgeYearsAtMost(17));
        assertThat(atom("{\"ageYearsAtLeast\": 65}")).isEqualTo(new Atom.AgeYearsAtLeast(65));
        assertThat(atom("{\"ageDaysAtMost\": 28}")).isEqualTo(new Atom.AgeDaysAtMost(28));
        assertThat(atom("{\"birthWeightAtLeast\": 2500}")).isEqualTo(new Atom.BirthWeightAtLeast(2500));
        assertThat(atom("{\"birthWeightBelow\": 1500}")).isEqualTo(new Atom.BirthWeightBelow(1500));
        assertThat(atom("{\"losDaysAtLeast\": 30}")).isEqualTo(new Atom.LosDaysAtLeast(30));
        assertThat(atom("{\"losDaysAtMost\": 3}")).isEqualTo(new Atom.LosDaysAtMost(3));
        assertThat(atom("{\"losDaysBetween\": [5, 10]}")).isEqualTo(new Atom.LosDaysBetween(5, 10));
    }

    @Test
    void parse_numberWrittenAsText_isRead() {
        assertThat(atom("{\"ageYearsAtMost\": \" 17 \"}")).isEqualTo(new Atom.AgeYearsAtMost(17));
        assertThat(atom("{\"losDaysBetween\": [\"5\", 10]}")).isEqualTo(new Atom.LosDaysBetween(5, 10));
    }

    @Test
    void parse_flagAtoms_haveNoArgument() {
        assertThat(atom("{\"noProc\": true}")).isEqualTo(new Atom.NoProc());
        assertThat(atom("{\"birthWeightKnown\": true}")).isEqualTo(new Atom.BirthWeightKnown());
    }

    @Test
    void parse_flagAtomsWrittenFalse_meanTheOpposite() {
        assertThat(atom("{\"noProc\": false}")).isEqualTo(new Atom.Not(new Atom.NoProc()));
        assertThat(atom("{\"birthWeightKnown\": false}")).isEqualTo(new Atom.Not(new Atom.BirthWeightKnown()));
    }

    @Test
    void parse_sexAndDischarge_keepTheCodes() {
        assertThat(atom("{\"sex\": \"2\"}")).isEqualTo(new Atom.SexIs("2"));
        assertThat(atom("{\"sex\": 1}")).isEqualTo(new Atom.SexIs("1"));
        assertThat(atom("{\"dischargeMethodIn\": [\"1\", \"4\"]}"))
                .isEqualTo(new Atom.DischargeMethodIn(List.of("1", "4")));
    }

    @ParameterizedTest
    @CsvSource({"CC, CC", "MCC, MCC"})
    void parse_secondaryDx_keepsTheLevel(String text, ComplicationLevel level) {
        assertThat(atom("{\"secondaryDx\": \"" + text + "\"}")).isEqualTo(new Atom.SecondaryDxComplication(level));
    }

    @Test
    void parse_procTagAndTraumaSites_keepTheirParts() {
        assertThat(atom("{\"procTag\": {\"codes\": \"C\", \"tags\": \"T\", \"tag\": \"1\"}}"))
                .isEqualTo(new Atom.ProcTag("C", "T", "1"));
        assertThat(atom("{\"traumaSitesAtLeast\": {\"sites\": [\"a\", \"b\", \"c\"], \"count\": 2}}"))
                .isEqualTo(new Atom.TraumaSitesAtLeast(List.of("a", "b", "c"), 2));
    }

    @Test
    void parse_notAndAnyOf_nest() {
        assertThat(atom("{\"not\": {\"sex\": \"1\"}}")).isEqualTo(new Atom.Not(new Atom.SexIs("1")));
        assertThat(atom("{\"anyOf\": [[{\"sex\": \"1\"}], [{\"noProc\": true}, {\"losDaysAtMost\": 3}]]}"))
                .isEqualTo(new Atom.AnyOf(List.of(List.of(new Atom.SexIs("1")),
                        List.of(new Atom.NoProc(), new Atom.LosDaysAtMost(3)))));
    }

    @Test
    void parse_unknownName_isAProblemAtThePointer() {
        assertThat(parse("{\"ageMonthsAtMost\": 3}")).isEmpty();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules.json");
            assertThat(p.where()).isEqualTo("/p");
            assertThat(p.message()).contains("ageMonthsAtMost");
        });
    }

    @Test
    void parse_unknownNameInsideNot_pointsInsideIt() {
        assertThat(parse("{\"not\": {\"bogus\": 1}}")).isEmpty();

        assertThat(problems).singleElement().extracting(RulePackProblem::where).isEqualTo("/p/not");
    }

    @Test
    void parseAll_missingOrNull_isNoCondition() throws Exception {
        assertThat(parser.parseAll(MissingNode.getInstance(), "/w")).isEmpty();
        assertThat(parser.parseAll(JSON.readTree("null"), "/w")).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void parseAll_badAtomAmongGoodOnes_keepsTheGoodOnesAndReportsTheBadOne() throws Exception {
        JsonNode when = JSON.readTree("[{\"sex\": \"1\"}, {\"nope\": 1}, {\"noProc\": true}]");

        assertThat(parser.parseAll(when, "/w")).containsExactly(new Atom.SexIs("1"), new Atom.NoProc());
        assertThat(problems).extracting(RulePackProblem::where).containsExactly("/w/1");
    }
}
