package org.hqd.evaluation.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.hqd.HqdException;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.junit.jupiter.api.Test;

/**
 * The bundled code lists are what the documented rules make of the bundled dictionary: a list is reproducible, and
 * a rule change shows up as a difference here. When the rule changes on purpose, the test writes the new lists to
 * {@code target/code-lists/}; copy them into {@code src/main/resources/org/hqd/evaluation/codes/}.
 */
final class CodeListRulesTest {
    private static final String PACK = "chs-drg-1.1";
    private static final RulePack CHS = RulePackCatalog.bundled().load(PACK);

    static OperationLists rebuilt() {
        Map<String, String> procedures = CHS.dictionary().procedures();
        String dictionary = CHS.dictionary().id();
        CodeList first = CodeListRules.operations(procedures, dictionary, "");
        CodeList operations = CodeListRules.operations(procedures, dictionary,
                CodeListRules.crossCheck(first, procedures, CHS.orProcedures(), PACK));
        CodeList grade4 = new CodeList("grade4", "四级手术目录", "未载入官方《四级手术目录》：四级手术按病案首页的手术级别 4 认定；"
                + "官方目录到位后放入数据目录 code-lists/grade4.tsv 即改按目录认定", Map.of());
        return new OperationLists(operations, CodeListRules.minimallyInvasive(operations), grade4,
                CodeListRules.complications(CHS.dictionary().diagnoses(), dictionary));
    }

    @Test
    void bundledLists_areWhatTheRulesMakeOfTheBundledDictionary() throws IOException {
        OperationLists expected = rebuilt();
        OperationLists bundled;
        try {
            bundled = OperationLists.bundled();
        } catch (HqdException e) {
            bundled = null;
        }
        boolean same = bundled != null;
        for (int i = 0; same && i < OperationLists.IDS.size(); i++) {
            same = expected.all().get(i).render().equals(bundled.all().get(i).render());
        }
        if (!same) {
            Path dir = Path.of("target", "code-lists");
            Files.createDirectories(dir);
            for (CodeList l : expected.all()) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(l.id() + ".tsv.gz")))) {
                    out.write(l.render().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(same).as("bundled lists differ from the rules; new ones are in target/code-lists/").isTrue();
    }

    @Test
    void operation_chaptersAndSubcategories() {
        assertThat(CodeListRules.operation("47.0100", "阑尾切除术")).isTrue();
        assertThat(CodeListRules.operation("99.2503", "静脉注射化疗药物")).isFalse();      // chapter 99
        assertThat(CodeListRules.operation("96.7101", "呼吸机治疗[小于96小时]")).isFalse();
        assertThat(CodeListRules.operation("45.2300", "结肠镜检查")).isFalse();             // diagnostic subcategory
        assertThat(CodeListRules.operation("33.2800", "开放性肺活组织检查")).isTrue();       // open biopsy: surgical
        assertThat(CodeListRules.operation("54.2100", "腹腔镜检查")).isFalse();
        assertThat(CodeListRules.operation("38.9301", "经外周静脉穿刺中心静脉置管术")).isFalse(); // puncture of vessel
        assertThat(CodeListRules.operation("04.8101", "周围神经阻滞术")).isFalse();
        assertThat(CodeListRules.operation("00.6600", "经皮冠状动脉腔内血管成形术[PTCA]")).isTrue(); // intervention
        assertThat(CodeListRules.operation("00.5001", "心脏再同步起搏器置入术")).isTrue();
        assertThat(CodeListRules.operation("00.5902", "冠状动脉血流储备分数检查")).isFalse();
        assertThat(CodeListRules.operation("00.9400", "手术中神经生理监测")).isFalse();
        assertThat(CodeListRules.operation("17.91100", "毫针治疗")).isFalse();
        assertThat(CodeListRules.operation("88.5500", "单根导管的冠状动脉造影术")).isFalse();
    }

    @Test
    void bundled_operationsAndTheirSubsetsAgree() {
        OperationLists b = OperationLists.bundled();

        assertThat(b.operations().contains("47.0100")).isTrue();
        assertThat(b.operations().contains("99.2503")).isFalse();
        assertThat(b.minimallyInvasive().contains("00.6600")).isTrue();
        assertThat(b.minimallyInvasive().contains("47.0100")).isTrue();  // 腹腔镜下阑尾切除术
        assertThat(b.minimallyInvasive().contains("47.0901")).isFalse(); // 阑尾切除术
        assertThat(b.operations().contains("82.9501")).isFalse();         // 手部腱鞘封闭术: an injection
        assertThat(b.minimallyInvasive().codes().keySet()).allMatch(b.operations()::contains);
        assertThat(b.grade4ByList()).isFalse();
        assertThat(b.complications().contains("T81.000x001")).isTrue();
        assertThat(b.complications().contains("K35.800x001")).isFalse();
        assertThat(b.all()).allSatisfy(l -> assertThat(l.source()).isNotBlank());
        assertThat(b.operations().source()).contains("非官方").contains("code-lists/operations.tsv");
    }

    @Test
    void with_officialListPutInPlace_replacesTheBundledOne() {
        String official = "# id: grade4\n# name: 四级手术目录\n# source: 国家卫生健康委《四级手术目录》（示例）\ncode\tname\n"
                + "36.1000\t主动脉冠状动脉旁路移植\n";

        OperationLists l = OperationLists.bundled().with(Map.of("grade4", Map.entry("grade4.tsv", official)));
        assertThat(l.grade4ByList()).isTrue();
        assertThat(l.grade4().contains("36.1000")).isTrue();
        assertThat(l.grade4().source()).contains("四级手术目录");
        assertThat(l.operations().render()).isEqualTo(OperationLists.bundled().operations().render());
    }

    @Test
    void with_listWithoutSourceOrWrongId_isRefusedNamingTheFile() {
        assertThatThrownBy(() -> OperationLists.bundled().with(Map.of("grade4",
                Map.entry("grade4.tsv", "# id: grade4\ncode\tname\n36.1000\tx\n"))))
                .isInstanceOf(HqdException.class).hasMessageContaining("grade4.tsv").hasMessageContaining("source");
        assertThatThrownBy(() -> OperationLists.bundled().with(Map.of("grade4",
                Map.entry("grade4.tsv", "# id: operations\n# source: x\ncode\tname\n"))))
                .isInstanceOf(HqdException.class).hasMessageContaining("应一致");
        assertThatThrownBy(() -> OperationLists.bundled().with(Map.of("grade5", Map.entry("grade5.tsv", ""))))
                .isInstanceOf(HqdException.class).hasMessageContaining(String.join("、", List.of("operations")));
    }
}
