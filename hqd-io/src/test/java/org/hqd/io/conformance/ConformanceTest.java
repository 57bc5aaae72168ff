package org.hqd.io.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of every conformance file of shared/casemix (shipped, gzipped, by tools/import-casemix.sh) gets the
 * published grouper's status, MDC, ADRG and DRG.
 */
final class ConformanceTest {
    private static final RulePackCatalog CATALOG = RulePackCatalog.bundled();

    static Stream<String> packs() {
        return CATALOG.ids().stream();
    }

    @Test
    void bundledCatalog_hasTheTwentyPacksOfSharedCasemix() {
        assertThat(CATALOG.ids()).hasSize(20).contains("chs-drg-1.1", "chs-drg-1.0", "beijing-2022", "zhejiang-2022");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    void group_conformanceCases_matchPublishedGrouper(String packId) {
        ConformanceSuite suite = ConformanceSuite.bundled(packId);
        ConformanceSuite.Report report = suite.check(DrgGrouper.of(CATALOG.load(packId)));
        assertThat(report.cases()).as("cases read").isGreaterThan(1000);
        assertThat(report.mismatches()).as(packId + ": " + (report.cases() - report.matched()) + " of "
                + report.cases() + " differ").isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    void manifest_declaresTheCountsOfItsRules(String packId) {
        var pack = CATALOG.load(packId);
        assertThat(pack.drgs()).as("DRGs of " + packId).hasSize(pack.manifest().declaredDrgs());
        assertThat(pack.adrgs()).as("ADRG rules of " + packId).hasSize(pack.manifest().declaredAdrgs());
    }
}
