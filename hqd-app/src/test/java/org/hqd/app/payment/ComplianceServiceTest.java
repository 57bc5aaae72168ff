package org.hqd.app.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hqd.app.Workspace;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.compliance.ComplianceFlag;
import org.hqd.compliance.ComplianceKind;
import org.hqd.compliance.ComplianceRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screening a period: the first stay of a split may lie before the period; flags are about the period's cases; a
 * hospital's view keeps its own flags. Patient P1 at H1: an appendectomy discharged 2024-03-06 and the same ADRG again
 * from 2024-03-10; a one-day stay of 500 yuan without an operation.
 */
final class ComplianceServiceTest {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void importCases() throws Exception {
        data = tmp.resolve("data");
        Cases.importInto(data, tmp, List.of(
                Cases.of("H1", "A1", "10000.00").set(AbstractColumn.PATIENT_ID, "P1"),
                Cases.of("H1", "A2", "10000.00").set(AbstractColumn.PATIENT_ID, "P1").stay("2024-03-10", "2024-03-15", 5),
                Cases.of("H1", "N1", "500.00").set(AbstractColumn.PRINCIPAL_PROC, "").set(AbstractColumn.PROC_LEVELS, "")
                        .stay("2024-03-20", "2024-03-21", 1),
                Cases.of("H2", "B1", "10000.00").stay("2024-03-20", "2024-03-25", 5)));
        // the insurer's means: the medical appendicitis group GZ15 at 5,000 (the one-day stay is 10 % of it)
        try (Workspace w = Workspace.open(data)) {
            new PaymentParameters(w, java.time.Clock.systemUTC()).loadWeights(org.hqd.app.Actor.commandLine(), "w.csv",
                    "drg,weight,base_cost\nGD25,0.8,8000\nGZ15,0.5,5000\n", "2024", java.util.OptionalDouble.of(10_000),
                    java.util.OptionalDouble.empty());
        }
    }

    private static List<ComplianceFlag> screen(CaseFilter f) {
        try (Workspace w = Workspace.open(data)) {
            return new ComplianceService(w, RulePackCatalog.bundled()).screen(f, ComplianceRules.standard()).flags();
        }
    }

    @Test
    void screen_periodAfterTheFirstStay_splitStillFoundByLookingBack() {
        List<ComplianceFlag> f = screen(new CaseFilter(Optional.of(LocalDate.of(2024, 3, 8)), Optional.empty(),
                Optional.empty()));

        assertThat(f).filteredOn(x -> x.kind() == ComplianceKind.SPLIT_STAY).singleElement().satisfies(x -> {
            assertThat(x.recordId()).isEqualTo("A2");
            assertThat(x.evidence()).contains("前次住院 A1", "4 天再次入院");
        });
    }

    @Test
    void screen_periodBeforeTheSecondStay_noSplitFlag() {
        assertThat(screen(new CaseFilter(Optional.empty(), Optional.of(LocalDate.of(2024, 3, 8)), Optional.empty())))
                .noneMatch(x -> x.kind() == ComplianceKind.SPLIT_STAY);
    }

    @Test
    void screen_oneHospital_onlyItsFlags() {
        List<ComplianceFlag> all = screen(CaseFilter.ALL);
        List<ComplianceFlag> h2 = screen(new CaseFilter(Optional.empty(), Optional.empty(), Optional.of("H2")));

        assertThat(all).extracting(ComplianceFlag::hospitalId).contains("H1");
        assertThat(all).anyMatch(x -> x.kind() == ComplianceKind.NEEDLESS_ADMISSION && x.recordId().equals("N1"));
        assertThat(h2).allMatch(x -> x.hospitalId().equals("H2"));
    }
}
