package org.hqd.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.Charges;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Compliance rules on constructed cases: each rule's true positives and the near misses it must not flag. */
final class ComplianceScreenerTest {
    private static final ComplianceScreener DEFAULT = new ComplianceScreener(ComplianceRules.standard(),
            Set.of("J96.000", "I50.900")::contains);

    /** A grouped case of 5 days costing 10,000 (every charge category > 0), DRG mean 10,000. */
    private static Case stay(String hospital, String record, String patient, String adrg, String from, String to) {
        return new Case(hospital, record, patient, adrg, LocalDate.parse(from), LocalDate.parse(to));
    }

    private static final class Case {
        String hospital;
        String record;
        String patient;
        String tier = "CITY_TERTIARY";
        String adrg;
        LocalDate admission;
        LocalDate discharge;
        int los = 5;
        String dischargeMethod = "1";
        boolean cc;
        List<String> secondary = new ArrayList<>();
        int procedures = 1;
        double cost = 10_000;
        double[] charges = {500, 100, 800, 600, 1200, 2500, 300, 1500, 1800, 100, 200, 300, 50, 50};
        double mean = 10_000;

        Case(String hospital, String record, String patient, String adrg, LocalDate admission, LocalDate discharge) {
            this.hospital = hospital;
            this.record = record;
            this.patient = patient;
            this.adrg = adrg;
            this.admission = admission;
            this.discharge = discharge;
        }

        ComplianceCase build() {
            return new ComplianceCase(hospital, record, patient, tier, admission, discharge, los, dischargeMethod, true,
                    "MDC" + adrg.charAt(0), adrg, adrg + "5", cc, false, secondary, procedures, cost,
                    Charges.of(charges), mean);
        }
    }

    private static List<ComplianceFlag> screen(ComplianceScreener s, Case... cases) {
        return s.screen(java.util.Arrays.stream(cases).map(Case::build).toList());
    }

    private static List<ComplianceFlag> only(List<ComplianceFlag> flags, ComplianceKind kind) {
        return flags.stream().filter(f -> f.kind() == kind).toList();
    }

    @Nested
    final class SplitStay {
        @Test
        void screen_sameAdrgFourDaysLater_flagsTheLaterStayWithTheEarlierAsEvidence() {
            List<ComplianceFlag> f = only(screen(DEFAULT, stay("H1", "A1", "P1", "GD2", "2024-03-01", "2024-03-06"),
                    stay("H1", "A2", "P1", "GD2", "2024-03-10", "2024-03-15")), ComplianceKind.SPLIT_STAY);

            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.recordId()).isEqualTo("A2");
                assertThat(x.subject()).isEqualTo("患者 P1");
                assertThat(x.evidence()).contains("前次住院 A1（2024-03-01 至 2024-03-06", "出院后 4 天再次入院", "同 ADRG GD2");
                assertThat(x.threshold()).contains("≤ 15 天", "同一医院", "RE1");
            });
        }

        @Test
        void screen_nearMisses_noFlag() {
            List<ComplianceFlag> f = only(screen(DEFAULT,
                    // sixteen days later
                    stay("H1", "B1", "P2", "GD2", "2024-03-01", "2024-03-06"),
                    stay("H1", "B2", "P2", "GD2", "2024-03-22", "2024-03-25"),
                    // another hospital
                    stay("H1", "C1", "P3", "GD2", "2024-03-01", "2024-03-06"),
                    stay("H2", "C2", "P3", "GD2", "2024-03-08", "2024-03-12"),
                    // planned chemotherapy cycles
                    stay("H1", "D1", "P4", "RE1", "2024-03-01", "2024-03-03"),
                    stay("H1", "D2", "P4", "RE1", "2024-03-20", "2024-03-22"),
                    stay("H1", "D3", "P4", "RE1", "2024-03-24", "2024-03-26"),
                    // another ADRG
                    stay("H1", "E1", "P5", "ES3", "2024-03-01", "2024-03-06"),
                    stay("H1", "E2", "P5", "GD2", "2024-03-08", "2024-03-12"),
                    // no patient id
                    stay("H1", "F1", "", "GD2", "2024-03-01", "2024-03-06"),
                    stay("H1", "F2", "", "GD2", "2024-03-08", "2024-03-12")), ComplianceKind.SPLIT_STAY);

            assertThat(f).isEmpty();
        }

        @Test
        void screen_previousStayEndedInTransfer_noFlag() {
            Case first = stay("H1", "G1", "P6", "GD2", "2024-03-01", "2024-03-06");
            first.dischargeMethod = "2";

            assertThat(only(screen(DEFAULT, first, stay("H1", "G2", "P6", "GD2", "2024-03-07", "2024-03-09")),
                    ComplianceKind.SPLIT_STAY)).isEmpty();
        }
    }

    @Nested
    final class NeedlessAdmission {
        private Case cheap(String record) {
            Case c = stay("H1", record, "Q" + record, "GU1", "2024-03-01", "2024-03-02");
            c.los = 1;
            c.cost = 1000;
            c.procedures = 0;
            return c;
        }

        @Test
        void screen_oneDayTenPercentNoOperationHome_flagged() {
            List<ComplianceFlag> f = only(screen(DEFAULT, cheap("N1")), ComplianceKind.NEEDLESS_ADMISSION);

            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.evidence()).isEqualTo("住院 1 天，费用 1,000.00 元，为病组均费 10,000.00 元的 10.0%，无手术操作，离院方式 1");
                assertThat(x.threshold()).isEqualTo("住院天数 ≤ 2，费用 < 病组均费 × 0.3，无手术操作，离院方式 1");
            });
        }

        @Test
        void screen_nearMisses_noFlag() {
            Case operated = cheap("N2");
            operated.procedures = 1;
            Case threeDays = cheap("N3");
            threeDays.los = 3;
            Case third = cheap("N4");
            third.cost = 3000;
            Case died = cheap("N5");
            died.dischargeMethod = "5";
            Case noStandard = cheap("N6");
            noStandard.mean = Double.NaN;

            assertThat(only(screen(DEFAULT, operated, threeDays, third, died, noStandard),
                    ComplianceKind.NEEDLESS_ADMISSION)).isEmpty();
        }
    }

    @Nested
    final class PeerSignal {
        private final ComplianceScreener small = new ComplianceScreener(ComplianceRulesLoader.parse("""
                {"format": "compliance-rules/1", "id": "t", "source": "测试", "rules": [
                 {"id": "cc", "kind": "CC_RATE", "label": "CC 比例", "source": "s", "minCases": 5, "ratioAtLeast": 1.5,
                  "differenceAtLeast": 0.15, "peers": "TIER"},
                 {"id": "dx", "kind": "SECONDARY_DX_COUNT", "label": "诊断数", "source": "s", "minCases": 5,
                  "ratioAtLeast": 1.5, "differenceAtLeast": 1.0, "peers": "TIER"}]}
                """, "t.json"), x -> true);

        /** n cases of ES3 at the hospital, the first {@code withCc} with a CC and {@code dx} secondary diagnoses each. */
        private void add(List<Case> to, String hospital, String tier, int n, int withCc, int dx) {
            for (int i = 0; i < n; i++) {
                Case c = stay(hospital, hospital + "-" + i, "", "ES3", "2024-03-01", "2024-03-06");
                c.tier = tier;
                c.cc = i < withCc;
                for (int k = 0; k < dx; k++) {
                    c.secondary.add("X" + k);
                }
                to.add(c);
            }
        }

        @Test
        void screen_ccShareFarAboveSameTierPeers_flagsTheHospitalNotItsPeers() {
            List<Case> cases = new ArrayList<>();
            add(cases, "H1", "A", 10, 8, 1);   // 80 % against (3 + 3) / 20 = 30 %: 2.67 times, 50 points more
            add(cases, "H2", "A", 10, 3, 1);   // 30 % against (8 + 3) / 20 = 55 %
            add(cases, "H3", "A", 10, 3, 1);
            add(cases, "H4", "B", 10, 9, 1);   // 90 %, but no hospital of its tier to compare with

            List<ComplianceFlag> f = only(screen(small, cases.toArray(Case[]::new)), ComplianceKind.CC_RATE);

            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.hospitalId()).isEqualTo("H1");
                assertThat(x.recordId()).isEmpty();
                assertThat(x.subject()).isEqualTo("ADRG ES3");
                assertThat(x.evidence()).isEqualTo("本院 10 例中 CC/MCC 占 80.0%，同级医院 2 家 20 例占 30.0%（2.67 倍，高 50.0 个百分点）");
            });
        }

        @Test
        void screen_ratioMetButDifferenceNot_noFlag() {
            List<Case> cases = new ArrayList<>();
            add(cases, "H1", "A", 10, 2, 1);   // 20 % against 10 %: twice, but only 10 points more
            add(cases, "H2", "A", 10, 1, 1);

            assertThat(only(screen(small, cases.toArray(Case[]::new)), ComplianceKind.CC_RATE)).isEmpty();
        }

        @Test
        void screen_secondaryDiagnosesFarAbovePeers_flagged() {
            List<Case> cases = new ArrayList<>();
            add(cases, "H1", "A", 6, 0, 5);    // 5 against 2: 2.5 times, 3 more
            add(cases, "H2", "A", 6, 0, 2);
            add(cases, "H3", "A", 6, 0, 3);    // 3 against (5·6 + 2·6) / 12 = 3.5: not flagged

            List<ComplianceFlag> f = only(screen(small, cases.toArray(Case[]::new)), ComplianceKind.SECONDARY_DX_COUNT);

            assertThat(f).extracting(ComplianceFlag::hospitalId).containsExactly("H1");
            assertThat(f.get(0).evidence()).contains("例均其他诊断 5.00 个", "例均 2.50 个");
        }
    }

    @Nested
    final class CcWithoutCharges {
        private Case failing(String record, double treatment) {
            Case c = stay("H1", record, "", "ES3", "2024-03-01", "2024-03-06");
            c.cc = true;
            c.secondary = List.of("J96.000");
            c.charges[ChargeCategory.TREATMENT.ordinal()] = treatment;
            return c;
        }

        @Test
        void screen_respiratoryFailureCountedWithNoTreatmentCharge_flagged() {
            List<ComplianceFlag> f = only(screen(DEFAULT, failing("W1", 0)), ComplianceKind.CC_WITHOUT_CHARGES);

            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.subject()).isEqualTo("诊断 J96.000");
                assertThat(x.evidence()).isEqualTo("呼吸衰竭（J96.000）计为 CC/MCC，入组 ES35，而治疗费为 0");
            });
        }

        @Test
        void screen_withTheChargeOrNotACountedComplication_noFlag() {
            Case treated = failing("W2", 800);
            Case notCounted = failing("W3", 0);
            notCounted.cc = false;
            Case notInTheTables = failing("W4", 0);
            notInTheTables.secondary = List.of("J96.100");

            assertThat(only(screen(DEFAULT, treated, notCounted, notInTheTables), ComplianceKind.CC_WITHOUT_CHARGES))
                    .isEmpty();
        }
    }

    @Test
    void parse_badRules_everyProblemAtOnce() {
        String json = """
                {"format": "compliance-rules/1", "id": "bad", "source": "s", "rules": [
                 {"id": "a", "kind": "SPLIT_STAY", "label": "x", "source": "s", "days": 0, "match": "DRG"},
                 {"id": "a", "kind": "GUESS", "label": "x", "source": "s"},
                 {"id": "c", "kind": "CC_WITHOUT_CHARGES", "label": "x", "source": "s",
                  "evidence": [{"label": "y", "dxPrefixes": ["J96"], "charges": ["cost_oxygen"]}]}]}
                """;

        assertThatThrownBy(() -> ComplianceRulesLoader.parse(json, "bad.json"))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems())
                        .extracting(RuleFileProblem::where).containsExactly("/rules/0/days", "/rules/0/match",
                                "/rules/1/id", "/rules/1/kind", "/rules/2/evidence/0/charges"));
    }

    @Test
    void standard_everyRuleNamesItsSource() {
        assertThat(ComplianceRules.standard().rules()).hasSize(5).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }
}
