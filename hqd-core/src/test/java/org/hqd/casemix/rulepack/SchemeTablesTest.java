package org.hqd.casemix.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 分组方案 tables: export, compile back, and the problems a region's tables can have. */
final class SchemeTablesTest {
    private static final RulePackCatalog CATALOG = RulePackCatalog.bundled();

    /**
     * Packs that between them use every atom, both kinds of ambiguity checkpoint, DRGs shared by two rules, procedure
     * tags, names ending in full-width spaces and a stray byte-order mark (compiling all 20 takes a minute on a
     * loaded CI machine; `hqd schemes export|compile` does any other).
     */
    static java.util.List<String> bundledPacks() {
        return java.util.List.of("chs-drg-1.1", "changzhou-2022", "chongqing-2022", "beijing-2022", "changsha-2023",
                "guangxi-2022", "suzhou-2023", "zhejiang-2022");
    }

    @ParameterizedTest
    @MethodSource("bundledPacks")
    void compile_exportedTablesOfABundledPack_givesThePackBackUnchanged(String id) {
        RulePack original = CATALOG.load(id);

        CompiledScheme compiled = SchemeCompiler.compile(SchemeTables.export(original), CATALOG::dictionary);

        // records all the way down: the MDC order, every rule, atom, code list (in order), table and the manifest
        assertThat(compiled.pack()).isEqualTo(withoutStrayByteOrderMarks(original));
    }

    /**
     * Three bundled packs (suzhou-2023, taizhou-2022, wuxi-2022) have a byte-order mark inside mcc.tsv, before the
     * first code (A01.100), so their loaded MCC table holds "\uFEFFA01.100"; the tables' reader drops the mark. That is
     * the only difference the round trip may make.
     */
    private static RulePack withoutStrayByteOrderMarks(RulePack p) {
        java.util.function.UnaryOperator<Map<String, String>> clean = m -> {
            Map<String, String> out = new java.util.HashMap<>();
            m.forEach((k, v) -> out.put(k.replace("\uFEFF", ""), v));
            return out;
        };
        return new RulePack(p.manifest(), p.mdcOrder(), p.mdcs(), p.adrgs(), p.drgs(), p.codeLists(),
                clean.apply(p.ccTable()), clean.apply(p.mccTable()), clean.apply(p.exclusionTable()), p.orProcedures(),
                p.dictionary());
    }

    @Test
    void export_chsDrg11_namesTheTablesARegionReceives() {
        Map<String, String> t = SchemeTables.export(CATALOG.load("chs-drg-1.1"));

        assertThat(t).containsOnlyKeys(SchemeTables.ALL);
        assertThat(t.get(SchemeTables.MDC)).contains("1\tMDCA\t先期分组疾病及相关操作\tmainProcIn(@orProcedures)\n")
                .contains("\tMDCP\t新生儿及其他围产期新生儿疾病\tprincipalDxIn(MDCP.mdc_zd) & ageYearsAtMost(0)\n");
        assertThat(t.get(SchemeTables.MDC_DIAGNOSES)).startsWith("table\tcode\tname\n").contains("MDCP.mdc_zd\t");
        assertThat(t.get(SchemeTables.ADRG)).contains("MDCA\tadrg\tAA1\tAA1\tmainProcIn(AA1.adrg_ss)\tAA19\tAA1\n");
        assertThat(t.get(SchemeTables.DRG)).contains("BX11\tBX1\t认知功能障碍，伴严重并发症或合并症\tsecondaryDx(MCC)\n");
        // the procedure tags of NA1 (procTag) are a column of its operation table, not a list of their own
        assertThat(t.get(SchemeTables.ADRG_PROCEDURES)).contains("\tNA1.adrg_ss1\t1\n");
        assertThat(t.get(SchemeTables.CODE_LISTS)).doesNotContain("NA1.adrg_ss1");
        assertThat(t.get(SchemeTables.CC_MCC)).startsWith("code\tlevel\texclusion_table\tname\n").contains("\tMCC\t");
    }

    @Test
    void compile_brokenTables_everyProblemWithTableAndLine() {
        Map<String, String> t = new LinkedHashMap<>(SchemeTables.export(CATALOG.load("chs-drg-1.1")));
        t.put(SchemeTables.MDC, t.get(SchemeTables.MDC).replace("mainProcIn(@orProcedures)", "mainProcIn(@orProcedures"));
        t.put(SchemeTables.ADRG, t.get(SchemeTables.ADRG)
                .replace("MDCA\tadrg\tAA1\tAA1\tmainProcIn(AA1.adrg_ss)\tAA19", "MDCA\tadrg\tAA1\tAA1\tmainProcOf(AA1.adrg_ss)\tAA19")
                .replace("\tAA19\tAA1\n", "\tAA19 ZZ99\tAA1\n") + "MDCQ9\tadrg\tQQ1\tQQ1\t\t\t\n");
        t.remove(SchemeTables.EXCLUSION);
        t.put(SchemeTables.CC_MCC, t.get(SchemeTables.CC_MCC) + "X99.999\tBIG\t1\t\n");

        assertThatThrownBy(() -> SchemeCompiler.compile(t, CATALOG::dictionary))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems())
                        .extracting(RuleFileProblem::file)
                        .contains(SchemeTables.MDC, SchemeTables.ADRG, SchemeTables.EXCLUSION, SchemeTables.CC_MCC))
                .hasMessageContaining("mdc.tsv 第 2 行：条件 'mainProcIn(@orProcedures' 第 11 个字符处：条件 mainProcIn 缺少 ')'")
                .hasMessageContaining("未知的条件 'mainProcOf'")
                .hasMessageContaining("DRG ZZ99 未在 drg.tsv 中定义")
                .hasMessageContaining("MDC 'MDCQ9' 未在 mdc.tsv 中定义")
                .hasMessageContaining("exclusion.tsv：缺少此表")
                .hasMessageContaining("level 应为 CC 或 MCC，实际为 'BIG'");
    }

    @Test
    void compile_undefinedList_reportedByTheLoadersCrossChecks() {
        Map<String, String> t = new LinkedHashMap<>(SchemeTables.export(CATALOG.load("chs-drg-1.1")));
        t.put(SchemeTables.ADRG, t.get(SchemeTables.ADRG).replace("mainProcIn(AA1.adrg_ss)", "mainProcIn(AA1.nope)"));

        assertThatThrownBy(() -> SchemeCompiler.compile(t, CATALOG::dictionary))
                .hasMessageContaining("编码列表 'AA1.nope' 未在 /codeLists 中定义");
    }

    @Test
    void load_compiledPackAsZipOrPackJsonPath_sameRules(@TempDir Path dir) throws Exception {
        RulePack original = CATALOG.load("chs-drg-1.1");
        CompiledScheme compiled = SchemeCompiler.compile(SchemeTables.export(original), CATALOG::dictionary);
        Path zip = dir.resolve("out/chs.zip");
        Path folder = dir.resolve("folder");
        PackFiles.write(compiled.files(), zip);
        PackFiles.write(compiled.files(), folder);

        RulePackCatalog catalog = RulePackCatalog.bundled();
        assertThat(Files.isRegularFile(zip)).isTrue();
        assertThat(catalog.load(zip.toString())).isEqualTo(original);
        assertThat(catalog.load(folder.resolve("pack.json").toString())).isEqualTo(original);
        assertThat(catalog.load(folder.toString())).isEqualTo(original);
    }
}
