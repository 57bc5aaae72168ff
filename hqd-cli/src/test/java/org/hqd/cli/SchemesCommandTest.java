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
}
