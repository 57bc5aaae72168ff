package org.hqd.casemix.dip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A hand-computed DIP catalogue (DESIGN §3.2). */
final class DipCatalogTest {
    private static final Predicate<String> OR = Set.of("47.0100")::contains;

    private static List<DipCase> baseline() {
        List<DipCase> cases = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            cases.add(new DipCase("K35.800x001", List.of("47.0100"), 1000));   // key K35.8|47.0100: 15 → core
        }
        for (int i = 0; i < 3; i++) {
            cases.add(new DipCase("K35.900", List.of(), 500));                 // K35.9| → K35/CONSERVATIVE
        }
        cases.add(new DipCase("K35.200", List.of(), 800));                      // K35.2| → K35/CONSERVATIVE
        cases.add(new DipCase("K35.200", List.of(), 800));
        cases.add(new DipCase("K35.100", List.of("88.0101"), 300));            // → K35/DIAGNOSTIC
        cases.add(new DipCase("K35.100", List.of("96.0400"), 700));            // → K35/THERAPEUTIC
        cases.add(new DipCase("K35.100", List.of("47.0100"), 0));              // → K35/SURGERY, no cost
        return cases;
    }

    @Test
    void build_smallBaseline_givesCoreAndComprehensiveGroupsWithHandComputedScores() {
        DipCatalog c = DipCatalog.build(baseline(), OR, DipParameters.DEFAULTS);

        // overall kept mean = (15·1000 + 3·500 + 2·800 + 300 + 700) / 22 = 19,100 / 22
        assertThat(c.groups().keySet()).containsExactly("K35.8|47.0100", "K35/CONSERVATIVE", "K35/DIAGNOSTIC",
                "K35/SURGERY", "K35/THERAPEUTIC");
        DipGroup core = c.groups().get("K35.8|47.0100");
        assertThat(core.core()).isTrue();
        assertThat(core.cases()).isEqualTo(15);
        assertThat(core.score()).isCloseTo(1000 * 22_000.0 / 19_100, within(1e-9));
        DipGroup conservative = c.groups().get("K35/CONSERVATIVE");
        assertThat(conservative.core()).isFalse();
        assertThat(conservative.cases()).isEqualTo(5);
        assertThat(conservative.meanCost()).isEqualTo(620);
        assertThat(conservative.score()).isCloseTo(620 * 22_000.0 / 19_100, within(1e-9));
        assertThat(c.groups().get("K35/DIAGNOSTIC").score()).isCloseTo(300 * 22_000.0 / 19_100, within(1e-9));
        assertThat(c.groups().get("K35/THERAPEUTIC").score()).isCloseTo(700 * 22_000.0 / 19_100, within(1e-9));
        DipGroup surgery = c.groups().get("K35/SURGERY");
        assertThat(surgery.cases()).isEqualTo(1);
        assertThat(surgery.keptCases()).isZero();
        assertThat(surgery.score()).isZero();
    }

    @Test
    void group_newCases_goToTheirCoreGroupElseTheirComprehensiveGroup() {
        DipCatalog c = DipCatalog.build(baseline(), OR, DipParameters.DEFAULTS);

        assertThat(c.group(new DipCase("K35.800x002", List.of("47.0100"), 1)).orElseThrow().key())
                .isEqualTo("K35.8|47.0100");
        assertThat(c.group(new DipCase("K35.300", List.of("47.0100"), 1)).orElseThrow().key())
                .isEqualTo("K35/SURGERY");
        assertThat(c.group(new DipCase("J18.900", List.of(), 1))).isEmpty();
    }

    @Test
    void build_coreThresholdAboveTheKeysCount_makesItComprehensive() {
        DipParameters p = new DipParameters(16, DipParameters.DEFAULTS.diagnosticPrefixes(), 3.0, 1000);

        DipCatalog c = DipCatalog.build(baseline(), OR, p);

        assertThat(c.groups()).doesNotContainKey("K35.8|47.0100");
        assertThat(c.groups().get("K35/SURGERY").cases()).isEqualTo(16);
    }

    @Test
    void treatment_byProceduresAndMainCode() {
        DipParameters p = DipParameters.DEFAULTS;
        assertThat(DipCatalog.treatment(new DipCase("A", List.of(), 0), OR, p)).isEqualTo(TreatmentType.CONSERVATIVE);
        assertThat(DipCatalog.treatment(new DipCase("A", List.of("88.0101", "47.0100"), 0), OR, p))
                .isEqualTo(TreatmentType.SURGERY);
        assertThat(DipCatalog.treatment(new DipCase("A", List.of("92.1100"), 0), OR, p))
                .isEqualTo(TreatmentType.DIAGNOSTIC);
        assertThat(DipCatalog.treatment(new DipCase("A", List.of("93.3900", "88.0101"), 0), OR, p))
                .isEqualTo(TreatmentType.THERAPEUTIC);
    }
}
