package org.hqd.casemix.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ConditionTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Atom> atoms(String text) {
        List<RulePackProblem> problems = new ArrayList<>();
        List<Atom> atoms = new AtomParser("t", problems).parseAll(ConditionText.read(text), "");
        assertThat(problems).isEmpty();
        return atoms;
    }

    @Test
    void read_everyKindOfAtom_theAtomsOfRulesJson() {
        assertThat(atoms("principalDxIn(MDCP.mdc_zd) & ageYearsAtMost(0) & noProc & losDaysBetween(3, 5) "
                + "& dischargeMethodIn(1,2) & secondaryDx(MCC) & procTag(NA1.adrg_ss, NA1.adrg_ss1, 2) "
                + "& traumaSitesAtLeast(2, X.site.头颈部创伤, X.site.躯干、脊柱创伤) & anyDxStartsWith(Z37.)"))
                .containsExactly(new Atom.PrincipalDxIn("MDCP.mdc_zd"), new Atom.AgeYearsAtMost(0), new Atom.NoProc(),
                        new Atom.LosDaysBetween(3, 5), new Atom.DischargeMethodIn(List.of("1", "2")),
                        new Atom.SecondaryDxComplication(ComplicationLevel.MCC),
                        new Atom.ProcTag("NA1.adrg_ss", "NA1.adrg_ss1", "2"),
                        new Atom.TraumaSitesAtLeast(List.of("X.site.头颈部创伤", "X.site.躯干、脊柱创伤"), 2),
                        new Atom.AnyDxStartsWith("Z37."));
    }

    @Test
    void read_notAndAnyOf_nestedWithAnEmptyAlternative() {
        assertThat(atoms("!noProc & (secondaryDx(MCC) | secondaryDx(CC) & !(sex(1)) | true)")).containsExactly(
                new Atom.Not(new Atom.NoProc()),
                new Atom.AnyOf(List.of(List.of(new Atom.SecondaryDxComplication(ComplicationLevel.MCC)),
                        List.of(new Atom.SecondaryDxComplication(ComplicationLevel.CC),
                                new Atom.Not(new Atom.AnyOf(List.of(List.of(new Atom.SexIs("1")))))),
                        List.of())));
    }

    @Test
    void write_thenRead_sameJson() throws Exception {
        String json = "[{\"anyOf\":[[{\"mainProcIn\":\"A.ss\"},{\"noProc\":false}],[]]},{\"losDaysAtMost\":3},"
                + "{\"not\":{\"birthWeightKnown\":true}}]";
        String text = ConditionText.write(JSON.readTree(json));

        assertThat(text).isEqualTo("(mainProcIn(A.ss) & !noProc | true) & losDaysAtMost(3) & !birthWeightKnown");
        assertThat(ConditionText.read("(mainProcIn(A.ss) & !noProc | true) & losDaysAtMost(3) & !birthWeightKnown"))
                .hasToString("[{\"anyOf\":[[{\"mainProcIn\":\"A.ss\"},{\"not\":{\"noProc\":true}}],[]]},"
                        + "{\"losDaysAtMost\":3},{\"not\":{\"birthWeightKnown\":true}}]");
    }

    @Test
    void read_empty_noCondition() {
        assertThat(ConditionText.read("  ")).isEmpty();
    }

    @Test
    void read_syntaxErrors_sayWhereAndWhat() {
        assertThatThrownBy(() -> ConditionText.read("noProc &")).hasMessageContaining("缺少条件");
        assertThatThrownBy(() -> ConditionText.read("(noProc | sex(1)")).hasMessageContaining("缺少 ')'");
        assertThatThrownBy(() -> ConditionText.read("ageYearsAtMost(x)")).hasMessageContaining("应为整数");
        assertThatThrownBy(() -> ConditionText.read("losDaysBetween(1)")).hasMessageContaining("应有 2 个参数");
        assertThatThrownBy(() -> ConditionText.read("noProc(1)")).hasMessageContaining("不带参数");
        assertThatThrownBy(() -> ConditionText.read("noProc sex(1)")).hasMessageContaining("多余的 's'");
    }
}
