package org.hqd.casemix.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking a {@code casemix-rulepack/1} pack: every problem is reported, not just the first. */
final class RulePackLoaderTest {
    private static final CodeDictionary DICTIONARY = new CodeDictionary("d", Map.of("X01.000", "测试病"),
            Map.of("01.0100", "测试手术"), Map.of(), Map.of());

    /** A valid pack: one MDC, one ADRG with two DRGs and an ambiguity checkpoint. */
    private static final String VALID = """
            {
              "format": "casemix-rulepack/1",
              "mdcOrder": ["MDCX"],
              "mdcs": {"MDCX": {"when": [{"principalDxIn": "MDCX.dx"}],
                                "adrgs": ["XA1", {"ambiguousIfMainProcIn": "@orProcedures", "group": "XQY"}]}},
              "adrgs": {"XA1": {"when": [{"principalDxIn": "MDCX.dx"}], "drgs": ["XA11", "XA13"]}},
              "drgs": {"XA11": {"adrg": "XA1", "name": "伴并发症", "when": [{"secondaryDx": "CC"}]},
                       "XA13": {"adrg": "XA1", "name": "不伴并发症", "when": []}},
              "codeLists": {"MDCX.dx": ["X01.000"]}
            }
            """;

    @TempDir
    Path dir;

    private void writePack(String rules) throws IOException {
        Files.writeString(dir.resolve("pack.json"), """
                {"id": "test-pack", "scheme": "测试方案", "region": "test", "dictionary": "d",
                 "format": "casemix-rulepack/1", "drgs": 2, "adrgs": 1}
                """);
        if (rules != null) {
            Files.writeString(dir.resolve("rules.json"), rules);
        }
        Files.writeString(dir.resolve("cc.tsv"), "code\texclusion_table\n");
        Files.writeString(dir.resolve("mcc.tsv"), "code\texclusion_table\n");
        Files.writeString(dir.resolve("cc_exclusion.tsv"), "principal_code\texclusion_table\n");
        Files.writeString(dir.resolve("or_procedures.tsv"), "code\tname\n01.0100\t测试手术\n");
    }

    private RulePack load() {
        return new RulePackLoader().load(new DirectoryResourceTree(dir), set -> DICTIONARY);
    }

    private List<RulePackProblem> problemsOf(String rules) throws IOException {
        writePack(rules);
        RulePackException e = catchThrowableOfType(RulePackException.class, this::load);
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems();
    }

    private static List<String> wheres(List<RulePackProblem> problems) {
        return problems.stream().map(RulePackProblem::where).toList();
    }

    @Test
    void load_validPack_readsEveryPart() throws IOException {
        writePack(VALID);

        RulePack pack = load();

        assertThat(pack.id()).isEqualTo("test-pack");
        assertThat(pack.manifest().scheme()).isEqualTo("测试方案");
        assertThat(pack.manifest().declaredDrgs()).isEqualTo(2);
        assertThat(pack.manifest().declaredAdrgs()).isEqualTo(1);
        assertThat(pack.mdcOrder()).containsExactly("MDCX");
        assertThat(pack.mdcs().get("MDCX").when()).containsExactly(new Atom.PrincipalDxIn("MDCX.dx"));
        assertThat(pack.mdcs().get("MDCX").steps()).containsExactly(new AdrgStep.TryRule("XA1"),
                new AdrgStep.AmbiguityCheckpoint(true, "@orProcedures", "XQY"));
        AdrgRule xa1 = pack.adrgs().get("XA1");
        assertThat(xa1.code()).as("code defaults to the rule id").isEqualTo("XA1");
        assertThat(xa1.fallback()).as("fallback defaults to the code").isEqualTo("XA1");
        assertThat(xa1.drgs()).containsExactly("XA11", "XA13");
        assertThat(pack.drgs().get("XA11").when())
                .containsExactly(new Atom.SecondaryDxComplication(ComplicationLevel.CC));
        assertThat(pack.codeList("MDCX.dx")).contains(List.of("X01.000"));
        assertThat(pack.codeList(RulePack.OR_PROCEDURES)).contains(List.of("01.0100"));
        assertThat(pack.codeList("nope")).isEmpty();
        assertThat(pack.nameOf("X01.000")).contains("测试病");
        assertThat(pack.dictionary()).isSameAs(DICTIONARY);
    }

    @Test
    void load_gzippedRules_areReadPlain() throws IOException {
        writePack(null);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("rules.json.gz")))) {
            out.write(VALID.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(load().adrgs()).containsOnlyKeys("XA1");
    }

    @Test
    void load_fourDifferentProblems_reportsAllOfThem() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {
                  "format": "casemix-rulepack/1",
                  "mdcOrder": ["MDCX"],
                  "mdcs": {"MDCX": {"when": [{"principalDxIn": "MDCX.dx"}], "adrgs": ["XA1", "XA2", "XZ9"]}},
                  "adrgs": {
                    "XA1": {"when": [{"principalDxIn": "MDCX.dx"}, {"ageMonthsAtMost": 3}], "drgs": ["XA19"]},
                    "XA2": {"when": [{"principalDxIn": "XA2.missing"}], "drgs": ["XA21", "XA29"]}
                  },
                  "drgs": {"XA19": {"adrg": "XA1", "when": []}, "XA21": {"adrg": "XA2", "when": []}},
                  "codeLists": {"MDCX.dx": ["X01.000"]}
                }
                """);

        assertThat(problems).hasSize(4);
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("rules.json"));
        assertThat(wheres(problems)).containsExactlyInAnyOrder("/adrgs/XA1/when/1", "/adrgs/XA2/when/0",
                "/mdcs/MDCX/adrgs/2", "/adrgs/XA2/drgs");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("ageMonthsAtMost"))
                .anySatisfy(p -> assertThat(p.message()).contains("XA2.missing"))
                .anySatisfy(p -> assertThat(p.message()).contains("XZ9"))
                .anySatisfy(p -> assertThat(p.message()).contains("XA29"));
    }

    @Test
    void load_problems_messageNamesPackCountAndEveryPointer() throws IOException {
        writePack("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX", "MDCY"],
                 "mdcs": {"MDCX": {"when": [{"principalDxIn": "a"}, {"anyDxIn": "b"}], "adrgs": ["XZ9"]}},
                 "adrgs": {}, "drgs": {}, "codeLists": {}}
                """);

        RulePackException e = catchThrowableOfType(RulePackException.class, this::load);

        assertThat(e).isNotNull();
        assertThat(wheres(e.problems())).containsExactlyInAnyOrder("/mdcOrder/1", "/mdcs/MDCX/when/0",
                "/mdcs/MDCX/when/1", "/mdcs/MDCX/adrgs/0");
        assertThat(e.getMessage()).contains("test-pack").contains(" 4 ").contains("/mdcOrder/1")
                .contains("/mdcs/MDCX/when/0").contains("/mdcs/MDCX/when/1").contains("/mdcs/MDCX/adrgs/0");
    }

    @Test
    void load_sameUndefinedListTwice_reportsEachUse() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
                 "mdcs": {"MDCX": {"when": [{"principalDxIn": "gone"}], "adrgs": ["XA1"]}},
                 "adrgs": {"XA1": {"when": [{"anyDxIn": "gone"}], "drgs": []}},
                 "drgs": {}, "codeLists": {}}
                """);

        assertThat(wheres(problems)).containsExactlyInAnyOrder("/mdcs/MDCX/when/0", "/adrgs/XA1/when/0");
    }

    @Test
    void load_undefinedListsInsideNotAndAnyOf_pointInsideThem() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
                 "mdcs": {"MDCX": {"when": [], "adrgs": ["XA1"]}},
                 "adrgs": {"XA1": {"when": [{"not": {"mainProcIn": "p1"}},
                                            {"anyOf": [[{"sex": "1"}], [{"sex": "2"}, {"secondaryProcIn": "p2"}]]}],
                                   "drgs": []}},
                 "drgs": {}, "codeLists": {}}
                """);

        assertThat(wheres(problems)).containsExactlyInAnyOrder("/adrgs/XA1/when/0/not",
                "/adrgs/XA1/when/1/anyOf/1/1");
    }

    @Test
    void load_undefinedListsOfOtherAtoms_areReported() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
                 "mdcs": {"MDCX": {"when": [], "adrgs": [{"ambiguousIfAnyProcIn": "c0", "group": "XQY"}]}},
                 "adrgs": {},
                 "drgs": {"XA11": {"adrg": "XA1", "when": [{"secondaryDxIn": "c1"}, {"anyProcIn": "c2"},
                          {"traumaSitesAtLeast": {"sites": ["MDCX.dx", "c3"], "count": 2}}]}},
                 "codeLists": {"MDCX.dx": ["X01.000"]}}
                """);

        assertThat(wheres(problems)).containsExactlyInAnyOrder("/mdcs/MDCX/adrgs/0", "/drgs/XA11/when/0",
                "/drgs/XA11/when/1", "/drgs/XA11/when/2");
        assertThat(problems.get(problems.size() - 1).message()).contains("c3");
    }

    @Test
    void load_wrongFormat_isAProblem() throws IOException {
        List<RulePackProblem> problems = problemsOf(VALID.replace("casemix-rulepack/1", "casemix-rulepack/2"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("/format");
            assertThat(p.message()).contains("casemix-rulepack/2");
        });
    }

    @Test
    void load_unknownStep_isAProblem() throws IOException {
        List<RulePackProblem> problems = problemsOf(VALID.replace("\"ambiguousIfMainProcIn\"", "\"ambiguousIf\""));

        assertThat(wheres(problems)).containsExactly("/mdcs/MDCX/adrgs/1");
    }

    @Test
    void load_malformedAtomArguments_areProblems() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
                 "mdcs": {"MDCX": {"when": [], "adrgs": []}},
                 "adrgs": {},
                 "drgs": {"XA11": {"adrg": "XA1", "when": [{"ageYearsAtMost": "ten"}, {"losDaysBetween": [5]},
                          {"secondaryDx": "XCC"}, {"dischargeMethodIn": "1"}, {"sex": "1", "noProc": true},
                          "sex"]}},
                 "codeLists": {}}
                """);

        assertThat(wheres(problems)).containsExactly("/drgs/XA11/when/0", "/drgs/XA11/when/1", "/drgs/XA11/when/2",
                "/drgs/XA11/when/3", "/drgs/XA11/when/4", "/drgs/XA11/when/5");
    }

    @Test
    void load_whenNotAnArray_isAProblem() throws IOException {
        List<RulePackProblem> problems = problemsOf(VALID.replace(
                "\"when\": [{\"principalDxIn\": \"MDCX.dx\"}], \"drgs\"", "\"when\": {\"sex\": \"1\"}, \"drgs\""));

        assertThat(wheres(problems)).containsExactly("/adrgs/XA1/when");
    }

    @Test
    void load_procTagListsOfDifferentLength_isAProblem() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
                 "mdcs": {"MDCX": {"when": [], "adrgs": []}},
                 "adrgs": {},
                 "drgs": {"XA11": {"adrg": "XA1", "when": [{"procTag": {"codes": "c", "tags": "t", "tag": "1"}}]}},
                 "codeLists": {"c": ["01.0100", "01.0200"], "t": ["1"]}}
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("/drgs/XA11/when/0");
            assertThat(p.message()).contains("'c'").contains("'t'");
        });
    }

    @Test
    void load_procTagWithBothListsUndefined_reportsBothLists() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
                 "mdcs": {"MDCX": {"when": [], "adrgs": []}},
                 "adrgs": {},
                 "drgs": {"XA11": {"adrg": "XA1", "when": [{"procTag": {"codes": "c", "tags": "t", "tag": "1"}}]}},
                 "codeLists": {}}
                """);

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("'c'"))
                .anySatisfy(p -> assertThat(p.message()).contains("'t'"));
    }

    @Test
    void load_anyOfWithAnObjectArgument_isAProblem() throws IOException {
        List<RulePackProblem> problems = problemsOf("""
                {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
                 "mdcs": {"MDCX": {"when": [], "adrgs": []}},
                 "adrgs": {},
                 "drgs": {"XA11": {"adrg": "XA1", "when": [{"anyOf": {"sex": "1"}}]}},
                 "codeLists": {}}
                """);

        assertThat(wheres(problems)).containsExactly("/drgs/XA11/when/0");
    }

    @Test
    void load_missingRulesFile_throwsNamingTheFile() throws IOException {
        writePack(null);

        RulePackException e = catchThrowableOfType(RulePackException.class, this::load);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("rules.json").contains(dir.toString());
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void load_missingTable_throwsNamingTheFile() throws IOException {
        writePack(VALID);
        Files.delete(dir.resolve("cc_exclusion.tsv"));

        assertThatThrownBy(this::load).isInstanceOf(RulePackException.class).hasMessageContaining("cc_exclusion.tsv");
    }

    @Test
    void loadManifest_missingPackJson_throwsNamingTheFile() {
        assertThatThrownBy(() -> new RulePackLoader().loadManifest(new DirectoryResourceTree(dir)))
                .isInstanceOf(RulePackException.class).hasMessageContaining("pack.json");
    }

    @Test
    void loadDictionary_fourTables_readsThem() throws IOException {
        Files.writeString(dir.resolve("diagnoses.tsv"), "code\tname\nK35.800x001\t急性阑尾炎\n");
        Files.writeString(dir.resolve("procedures.tsv"), "code\tname\n47.0100\t腹腔镜下阑尾切除术\n");
        Files.writeString(dir.resolve("diagnosis_map.tsv"), "source_code\ttarget_code\nK35.800x011\tK35.800x001\n");
        Files.writeString(dir.resolve("procedure_map.tsv"), "source_code\ttarget_code\n");

        CodeDictionary d = new RulePackLoader().loadDictionary("set", new DirectoryResourceTree(dir));

        assertThat(d.id()).isEqualTo("set");
        assertThat(d.nameOf("K35.800x001")).contains("急性阑尾炎");
        assertThat(d.nameOf("47.0100")).contains("腹腔镜下阑尾切除术");
        assertThat(d.nameOf("K35.800x011")).isEmpty();
        assertThat(d.diagnosisMap()).containsExactly(Map.entry("K35.800x011", "K35.800x001"));
        assertThat(d.procedureMap()).isEmpty();
    }
}
