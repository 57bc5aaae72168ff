package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SchemesCommandTest {

    @Test
    void schemes_listsEveryBundledPackWithItsDrgCount() {
        CliRun run = CliRun.of("schemes");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("共 20 个方案");
        assertThat(run.out().lines().filter(l -> l.startsWith("chs-drg-1.1")).findFirst().orElseThrow())
                .contains("CHS-DRG 1.1", " 628 ", "（默认）");
        assertThat(run.out().lines().filter(l -> l.startsWith("zhejiang-2022")).findFirst().orElseThrow())
                .contains("1006");
    }

    @Test
    void schemesVerify_oneScheme_reportsEveryConformanceCaseMatched() {
        CliRun run = CliRun.of("schemes", "--verify", "--scheme", "wuxi-2022");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("5,000/5,000 例一致");
    }

    /**
     * The round trip of the issue: CHS-DRG 1.1 written as the 分组方案 tables, compiled back into a pack file, and that
     * pack groups all 20,000 conformance cases of CHS-DRG 1.1 as published — also when used by path in hqd group.
     */
    @Test
    void exportThenCompile_chsDrg11_compiledPackGroupsEveryConformanceCaseIdentically(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path tables = tmp.resolve("tables");
        java.nio.file.Path pack = tmp.resolve("chs-drg-1.1-compiled.zip");

        CliRun export = CliRun.of("schemes", "export", "--scheme", "chs-drg-1.1", "--tables", tables.toString());
        CliRun compile = CliRun.of("schemes", "compile", "--tables", tables.toString(), "--output", pack.toString());
        CliRun verify = CliRun.of("schemes", "--verify", "--scheme", pack.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(java.nio.file.Files.list(tables).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(org.hqd.casemix.rulepack.SchemeTables.ALL);
        assertThat(compile.exitCode()).as(compile.err()).isZero();
        assertThat(compile.out()).contains("已编译方案 chs-drg-1.1", "628 个 DRG");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("20,000/20,000 例一致");
        java.nio.file.Path input = tmp.resolve("in.csv");
        java.nio.file.Files.writeString(input, "record_id,sex,age_years,age_days,birth_weight_g,los_days,"
                + "discharge_method,principal_dx,secondary_dx,principal_proc,other_procs\n"
                + "R1,1,34,,,5,1,K35.800x001,,47.0100,\n");
        CliRun group = CliRun.of("group", "--input", input.toString(), "--output", tmp.resolve("out.csv").toString(),
                "--scheme", pack.toString());
        assertThat(group.exitCode()).as(group.err()).isZero();
        assertThat(java.nio.file.Files.readString(tmp.resolve("out.csv"))).contains("R1,GROUPED,MDCG,GD2,GD25");
    }

    @Test
    void compile_brokenTable_everyProblemAndNoPackWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path tables = tmp.resolve("tables");
        CliRun.of("schemes", "export", "--scheme", "chs-drg-1.1", "--tables", tables.toString());
        java.nio.file.Path drg = tables.resolve("drg.tsv");
        java.nio.file.Files.writeString(drg, java.nio.file.Files.readString(drg).replace("secondaryDx(MCC)",
                "secondaryDx(MCC"));

        CliRun compile = CliRun.of("schemes", "compile", "--tables", tables.toString(), "--output",
                tmp.resolve("p.zip").toString());

        assertThat(compile.exitCode()).isEqualTo(ErrorReporter.DATA_ERROR);
        assertThat(compile.err()).contains("分组方案表 有", "drg.tsv 第", "缺少 ')'");
        assertThat(tmp.resolve("p.zip")).doesNotExist();
    }
}
