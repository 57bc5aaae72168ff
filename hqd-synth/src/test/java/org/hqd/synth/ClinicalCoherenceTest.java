package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.RiskLevels;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clinical coherence of the demo province, read back with the core grouper and standards: departments treat their
 * own case mix, deaths concentrate in high-risk groups, payers follow the national codes and proportions, common
 * groups cost and last what they do nationally.
 */
final class ClinicalCoherenceTest {
    static GeneratedProvince province;

    @BeforeAll
    static void generate() throws IOException {
        province = GeneratedProvince.demo();
    }

    @Test
    void departments_neonatologyObstetricsPaediatrics_treatOnlyTheirOwnPatients() {
        Map<String, Set<Character>> mdcs = new TreeMap<>();
        for (GeneratedProvince.Case c : province.grouped()) {
            String d = c.a().department();
            mdcs.computeIfAbsent(d, k -> new java.util.TreeSet<>()).add(c.drg().charAt(0));
            if (d.equals("新生儿科")) {
                assertThat(c.a().ageYears()).as(c.a().recordId()).isZero();
                assertThat(c.a().ageDays()).as(c.a().recordId()).isBetween(0, 28);
            }
            if (d.equals("产科")) {
                assertThat(c.drg()).as(c.a().recordId()).startsWith("O");
            }
            if (c.drg().startsWith("O")) {
                assertThat(d).as(c.a().recordId()).isEqualTo("产科");
            }
            if (d.equals("儿科")) {
                assertThat(c.a().ageYears()).as(c.a().recordId()).isLessThanOrEqualTo(StayGenerator.CHILD_AGE);
            }
            if (c.a().ageYears() == 0 && c.a().ageDays() <= 28) {
                assertThat(d).as(c.a().recordId()).isEqualTo("新生儿科");
            }
        }
        assertThat(mdcs.get("新生儿科")).containsExactly('P');
        assertThat(mdcs.get("眼科")).containsExactly('C');
        assertThat(mdcs.get("妇科")).containsExactly('N');
        assertThat(mdcs.get("儿科")).doesNotContain('O', 'N');
    }

    @Test
    void mortality_deathsInHighRiskGroups_lowRiskGroupsBelowAverageInEveryHospital() {
        Map<String, Double> mortality = new HashMap<>();
        province.standards.byDrg().forEach((drg, s) -> mortality.put(drg, s.mortality()));
        Map<String, Integer> levels = RiskLevels.of(mortality);
        long deaths = 0;
        long highRiskDeaths = 0;
        long lowRiskCases = 0;
        long lowRiskDeaths = 0;
        Map<String, long[]> lowRiskByHospital = new HashMap<>();
        for (GeneratedProvince.Case c : province.grouped()) {
            boolean died = "5".equals(c.a().dischargeMethod());
            int level = levels.get(c.drg());
            deaths += died ? 1 : 0;
            highRiskDeaths += died && level >= 3 ? 1 : 0;
            lowRiskCases += level == 1 ? 1 : 0;
            lowRiskDeaths += died && level == 1 ? 1 : 0;
            if (level == 1) {
                long[] h = lowRiskByHospital.computeIfAbsent(c.a().hospitalId(), k -> new long[2]);
                h[0]++;
                h[1] += died ? 1 : 0;
            }
        }
        System.out.printf("deaths %d (%.2f %%), in risk levels 3–4 %.1f %%; low-risk mortality %d / %d%n", deaths,
                100.0 * deaths / province.grouped().size(), 100.0 * highRiskDeaths / deaths, lowRiskDeaths, lowRiskCases);
        assertThat(deaths / (double) province.grouped().size()).isBetween(0.002, 0.015);
        assertThat(highRiskDeaths / (double) deaths).isGreaterThanOrEqualTo(0.8);
        // with 60,000 cases the rarest observable death rate is about 1 in 300 cases of a group, so the low-risk
        // groups of a sample this size die more often than the 0.03 % of national data; they stay below average
        double overall = deaths / (double) province.grouped().size();
        assertThat(lowRiskDeaths / (double) lowRiskCases).isLessThan(0.75 * overall);
        // no hospital's low-risk deaths exceed what chance gives at the province's rate (mean + 3 SD + 1)
        double rate = lowRiskDeaths / (double) lowRiskCases;
        lowRiskByHospital.forEach((h, n) -> assertThat((double) n[1]).as(h + " " + province.types.get(h) + " " + n[0])
                .isLessThanOrEqualTo(n[0] * rate + 3 * Math.sqrt(n[0] * rate) + 1));
    }

    @Test
    void payers_nationalCodes_inNationalProportions() {
        Map<String, Long> payers = province.cases.stream()
                .collect(Collectors.groupingBy(c -> c.a().payer(), TreeMap::new, Collectors.counting()));
        double n = province.cases.size();
        System.out.println("payers " + payers);
        assertThat(payers.keySet()).isSubsetOf("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(payers.get("1") / n).as("城镇职工").isBetween(0.18, 0.40);
        assertThat((payers.get("2") + payers.get("3")) / n).as("城乡居民").isBetween(0.45, 0.70);
        assertThat(payers.get("7") / n).as("全自费").isBetween(0.03, 0.10);
        assertThat(payers.get("5") / n).as("商业").isBetween(0.002, 0.03);
        assertThat(province.cases).filteredOn(c -> c.a().ageYears() < 18)
                .allSatisfy(c -> assertThat(c.a().payer()).isNotEqualTo("1"));
    }

    @Test
    void costAndStay_commonGroupsInCityTertiaryHospitals_withinTheirNationalRanges() {
        Map<String, double[]> byAdrg = new TreeMap<>();
        for (GeneratedProvince.Case c : province.grouped()) {
            String drg = c.drg();
            char split = drg.charAt(3);
            // the ranges are those of inpatient stays: day surgery (one day, 0.8 of the cost) is apart
            if (province.tiers.get(c.a().hospitalId()) == HospitalTier.CITY_TERTIARY && (split == '5' || split == '9')
                    && AdrgNorms.of(drg.substring(0, 3)).isPresent() && !c.a().daySurgery()) {
                double[] s = byAdrg.computeIfAbsent(drg.substring(0, 3), k -> new double[3]);
                s[0]++;
                s[1] += c.a().totalCost();
                s[2] += c.a().losDays();
            }
        }
        int checked = 0;
        for (Map.Entry<String, double[]> e : byAdrg.entrySet()) {
            double[] s = e.getValue();
            if (s[0] < 30) {
                continue;
            }
            checked++;
            AdrgNorms.Range r = AdrgNorms.of(e.getKey()).orElseThrow();
            System.out.printf("%s %s: %d cases, mean cost %.0f (%.0f–%.0f), mean stay %.1f (%.1f–%.1f)%n", e.getKey(),
                    r.name(), (int) s[0], s[1] / s[0], r.costLow(), r.costHigh(), s[2] / s[0], r.losLow(), r.losHigh());
            assertThat(s[1] / s[0]).as(e.getKey() + " cost").isBetween(r.costLow(), r.costHigh());
            assertThat(s[2] / s[0]).as(e.getKey() + " stay").isBetween(r.losLow(), r.losHigh());
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void costAndStay_everyGroupWithThirtyCases_plausibleMeans() {
        for (GroupStandard s : province.standards.byDrg().values()) {
            if (s.cases() >= 30) {
                assertThat(s.meanCost()).as(s.drg()).isBetween(1_000.0, 400_000.0);
                assertThat(s.meanLos()).as(s.drg()).isBetween(1.0, 90.0);
            }
        }
    }

    @Test
    void register_names_noneIsARealInstitution() throws IOException {
        List<String> real = RealHospitalNames.bundled();
        assertThat(real).hasSizeGreaterThan(100);
        assertThat(province.names.values()).doesNotContainAnyElementsOf(real);
        assertThat(province.names.values()).allSatisfy(n -> assertThat(n).matches("^(示例|[甲乙丙丁戊己庚辛壬癸]).*"));
    }
}
