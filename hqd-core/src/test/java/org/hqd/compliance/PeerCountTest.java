package org.hqd.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hqd.casemix.abstracts.Charges;
import org.junit.jupiter.api.Test;

/**
 * The upcoding signals from counts: counted from cases (what a store counts in SQL), and screened from counts given
 * by hand with the evidence worked out by hand.
 */
final class PeerCountTest {
    private static ComplianceCase grouped(String hospital, String record, String adrg, boolean mcc, List<String> dx,
                                          boolean isGrouped) {
        LocalDate d = LocalDate.of(2024, 3, 1);
        return new ComplianceCase(hospital, record, "", "CITY_TERTIARY", d, d.plusDays(5), 5, "1", isGrouped, "MDCG",
                adrg, adrg + "5", false, mcc, dx, 1, 10_000, Charges.of(new double[14]), 10_000);
    }

    @Test
    void of_casesOfTwoHospitals_countsPerHospitalAndAdrgOfGroupedCasesOnly() {
        List<PeerCount> counts = PeerCount.of(List.of(
                grouped("H1", "1", "GD2", true, List.of("I50.000", "E87.400"), true),
                grouped("H1", "2", "GD2", false, List.of(), true),
                grouped("H1", "3", "ES3", true, List.of("J96.000"), true),
                grouped("H2", "4", "GD2", false, List.of("K59.000"), true),
                grouped("H2", "5", "GD2", true, List.of("I50.000"), false),
                grouped("H2", "6", "", true, List.of("I50.000"), true)));

        assertThat(counts).containsExactly(
                new PeerCount("H1", "CITY_TERTIARY", "GD2", 2, 1, 2),
                new PeerCount("H1", "CITY_TERTIARY", "ES3", 1, 1, 1),
                new PeerCount("H2", "CITY_TERTIARY", "GD2", 1, 0, 1));
    }

    @Test
    void screen_countsGivenBySql_flagsTheHospitalFarAboveItsPeers() {
        // H1: 14 of 20 with CC/MCC (70 %); its peer H2 4 of 20 (20 %): 3.50 times, 50 points higher. H3 is of
        // another tier and is not a peer.
        List<PeerCount> counts = List.of(new PeerCount("H1", "CITY_TERTIARY", "GD2", 20, 14, 30),
                new PeerCount("H2", "CITY_TERTIARY", "GD2", 20, 4, 25),
                new PeerCount("H3", "COUNTY", "GD2", 40, 40, 0));

        List<ComplianceFlag> f = new ComplianceScreener(ComplianceRules.standard(), Set.<String>of()::contains)
                .screen(List.of(), counts);

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.hospitalId()).isEqualTo("H1");
            assertThat(x.kind()).isEqualTo(ComplianceKind.CC_RATE);
            assertThat(x.subject()).isEqualTo("ADRG GD2");
            assertThat(x.evidence()).isEqualTo("本院 20 例中 CC/MCC 占 70.0%，同级医院 1 家 20 例占 20.0%（3.50 倍，高 50.0 个百分点）");
        });
    }
}
