package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.evaluation.codes.CodeList;
import org.hqd.evaluation.codes.OperationLists;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo province looks like a province: its most common DRGs are common conditions, its centres discharge more
 * patients than county hospitals, and the front-sheet fields of the national indicators (入院病情, 入院途径 of day
 * surgery, 日间手术) have national proportions. Computed on the generated and regrouped cases.
 */
final class ProvinceRealismTest {
    /** ADRGs of common conditions (delivery, pneumonia, stroke, chemotherapy, cataract, coronary disease, …). */
    private static final Set<String> COMMON = Set.of("OR1", "OB1", "OC1", "ES3", "ES2", "BR2", "BR1", "RE1", "CB3",
            "CW1", "FR3", "FR4", "FR2", "FR1", "FM1", "FV2", "ET2", "EX2", "DT1", "GW1", "KS1", "IU2", "HC2", "GK3",
            "LX1", "PU1", "GE1", "GD2", "NE1", "GS1");

    static GeneratedProvince province;

    @BeforeAll
    static void generate() throws IOException {
        province = GeneratedProvince.demo();
    }

    /**
     * Implausible as one of a province's ten most common groups: transplants and MDC A, HIV, multiple trauma, and
     * the major operations (ADRG letter A–C) of every MDC but the eye (cataract) and pregnancy (caesarean section).
     */
    static boolean implausibleAsTop(String drg) {
        char mdc = drg.charAt(0);
        char family = drg.charAt(1);
        boolean majorOperation = family >= 'A' && family <= 'C' && mdc != 'C' && mdc != 'O';
        return mdc == 'A' || mdc == 'Y' || mdc == 'Z' || majorOperation;
    }

    @Test
    void implausibleAsTop_handPickedGroups() {
        assertThat(implausibleAsTop("NA19")).isTrue();
        assertThat(implausibleAsTop("EC15")).isTrue();
        assertThat(implausibleAsTop("DB39")).isTrue();
        assertThat(implausibleAsTop("AC19")).isTrue();
        assertThat(implausibleAsTop("OB19")).isFalse();
        assertThat(implausibleAsTop("CB39")).isFalse();
        assertThat(implausibleAsTop("ES35")).isFalse();
    }

    @Test
    void topTenDrgs_commonConditionsOnly() {
        Map<String, Integer> counts = new HashMap<>();
        for (GeneratedProvince.Case c : province.grouped()) {
            counts.merge(c.drg(), 1, Integer::sum);
        }
        List<String> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(Map.Entry::getKey).toList();
        assertThat(top).as("top 10 " + top).noneMatch(ProvinceRealismTest::implausibleAsTop);
        long common = top.stream().filter(d -> COMMON.contains(d.substring(0, 3))).count();
        assertThat(common).as("top 10 " + top).isGreaterThanOrEqualTo(8);
        assertThat(top.subList(0, 3)).as("top 3").allMatch(d -> COMMON.contains(d.substring(0, 3)));
    }

    @Test
    void volumes_centresDischargeMoreThanCountyHospitals() {
        Map<String, Integer> volume = discharges();
        Map<HospitalTier, List<Integer>> byTier = new EnumMap<>(HospitalTier.class);
        province.tiers.forEach((h, t) -> byTier.computeIfAbsent(t, k -> new ArrayList<>()).add(volume.getOrDefault(h, 0)));
        int largestCounty = byTier.get(HospitalTier.COUNTY).stream().max(Comparator.naturalOrder()).orElseThrow();
        assertThat(byTier.get(HospitalTier.NATIONAL_CENTER)).allMatch(v -> v > largestCounty);
        assertThat(byTier.get(HospitalTier.NATIONAL_REGIONAL)).allMatch(v -> v > largestCounty);
        assertThat(mean(byTier.get(HospitalTier.NATIONAL_CENTER)))
                .isGreaterThan(mean(byTier.get(HospitalTier.PROVINCIAL_REGIONAL)));
        assertThat(mean(byTier.get(HospitalTier.PROVINCIAL_REGIONAL)))
                .isGreaterThan(mean(byTier.get(HospitalTier.CITY_TERTIARY)));
        assertThat(mean(byTier.get(HospitalTier.CITY_TERTIARY))).isGreaterThan(mean(byTier.get(HospitalTier.COUNTY)));
    }

    @Test
    void admissionConditions_onePerDiagnosis_nationalProportions() {
        long principal = 0;
        long principalPresent = 0;
        long secondary = 0;
        long secondaryArisen = 0;
        for (GeneratedProvince.Case c : province.cases) {
            List<String> conditions = c.a().admissionConditions();
            assertThat(conditions).as(c.a().recordId()).hasSize(1 + c.a().secondaryDx().size());
            assertThat(conditions).as(c.a().recordId()).allMatch(x -> Set.of("1", "2", "3", "4").contains(x));
            assertThat(conditions.get(0)).as("principal diagnosis " + c.a().recordId()).isNotEqualTo("4");
            principal++;
            principalPresent += conditions.get(0).equals("1") ? 1 : 0;
            for (String x : conditions.subList(1, conditions.size())) {
                secondary++;
                secondaryArisen += x.equals("4") ? 1 : 0;
            }
        }
        // 1 − 3 % − 1.5 % = 95.5 % present on admission; 5 % (10 % with an MCC) of secondary ones arisen in hospital
        assertThat(principalPresent / (double) principal).isBetween(0.945, 0.965);
        assertThat(secondaryArisen / (double) secondary).isBetween(0.045, 0.08);
    }

    @Test
    void daySurgery_electiveAdmissions_tierShares() {
        Map<HospitalTier, long[]> byTier = new EnumMap<>(HospitalTier.class);
        long surgical = 0;
        long fromClinic = 0;
        for (GeneratedProvince.Case c : province.cases) {
            var a = c.a();
            if (a.daySurgery()) {
                assertThat(a.admissionRoute()).as("day surgery is elective " + a.recordId()).isEqualTo("2");
            }
            if (a.hasProcedure()) {
                long[] n = byTier.computeIfAbsent(province.tiers.get(a.hospitalId()), k -> new long[2]);
                n[0]++;
                n[1] += a.daySurgery() ? 1 : 0;
                surgical++;
                fromClinic += a.admissionRoute().equals("2") ? 1 : 0;
            }
        }
        // design-default targets 20 % (tertiary) and 10 % (county), hospitals spread around them
        for (HospitalTier t : List.of(HospitalTier.NATIONAL_CENTER, HospitalTier.NATIONAL_REGIONAL,
                HospitalTier.PROVINCIAL_REGIONAL, HospitalTier.CITY_TERTIARY)) {
            assertThat(byTier.get(t)[1] / (double) byTier.get(t)[0]).as(t.name()).isBetween(0.12, 0.32);
        }
        long[] county = byTier.get(HospitalTier.COUNTY);
        assertThat(county[1] / (double) county[0]).isBetween(0.06, 0.16);
        assertThat(fromClinic / (double) surgical).as("elective (from the clinic) among stays with a procedure")
                .isBetween(0.6, 0.85);
    }

    /**
     * 出院患者四级手术比例 (国考 6) of each hospital — stays with a grade-4 operation of the national operation list among
     * the stays with such an operation (each generated stay is one 台次) — spreads around its tier's target of the
     * bundled plans (national centres and national regional centres 50 %, provincial regional centres 35 %, city
     * tertiary 30 %: targets to reach, so some hospitals meet them and some do not), higher tiers operating at higher
     * grades.
     */
    @Test
    void grade4Operations_eachTertiaryTierAroundItsTarget_higherTiersHigher() {
        CodeList operations = OperationLists.bundled().operations();
        Map<String, long[]> byHospital = new HashMap<>();
        for (GeneratedProvince.Case c : province.cases) {
            var a = c.a();
            if (a.principalProc().isEmpty()) {
                continue;
            }
            List<String> procs = new ArrayList<>();
            procs.add(a.principalProc());
            procs.addAll(a.otherProcs());
            boolean operated = false;
            boolean grade4 = false;
            for (int i = 0; i < procs.size(); i++) {
                if (operations.contains(procs.get(i))) {
                    operated = true;
                    grade4 |= i < a.procLevels().size() && a.procLevels().get(i) == 4;
                }
            }
            if (operated) {
                long[] n = byHospital.computeIfAbsent(a.hospitalId(), k -> new long[2]);
                n[0]++;
                n[1] += grade4 ? 1 : 0;
            }
        }
        Map<HospitalTier, List<Double>> shares = new EnumMap<>(HospitalTier.class);
        byHospital.forEach((h, n) -> shares.computeIfAbsent(province.tiers.get(h), k -> new ArrayList<>())
                .add(n[1] / (double) n[0]));
        Map<HospitalTier, Double> targets = Map.of(HospitalTier.NATIONAL_CENTER, 0.50, HospitalTier.NATIONAL_REGIONAL,
                0.50, HospitalTier.PROVINCIAL_REGIONAL, 0.35, HospitalTier.CITY_TERTIARY, 0.30);
        targets.forEach((tier, target) -> assertThat(shares.get(tier)).as(tier + " " + shares.get(tier))
                .anyMatch(v -> v >= target).anyMatch(v -> v < target).allMatch(v -> v > 0.15 && v < 0.75));
        double county = meanOf(shares.get(HospitalTier.COUNTY));
        double city = meanOf(shares.get(HospitalTier.CITY_TERTIARY));
        assertThat(meanOf(shares.get(HospitalTier.NATIONAL_CENTER)))
                .isGreaterThan(meanOf(shares.get(HospitalTier.PROVINCIAL_REGIONAL)));
        assertThat(meanOf(shares.get(HospitalTier.PROVINCIAL_REGIONAL))).isGreaterThan(city);
        assertThat(city).isBetween(0.22, 0.38).isGreaterThan(county);
        assertThat(county).isBetween(0.08, 0.25);
    }

    /**
     * 门诊人次数与出院人次数比 (国考 1) of each hospital: visits of the facility reports over its discharges. Chinese
     * public hospitals see about 12–22 outpatients per discharge at the tertiary tiers and 8–14 at county hospitals;
     * the ratio must not follow the cost of a hospital's stays (it did: 50–70 at the costly centres).
     */
    @Test
    void outpatientVisitsPerDischarge_nationalRangesByTier() {
        Map<HospitalTier, List<Double>> ratios = new EnumMap<>(HospitalTier.class);
        discharges().forEach((h, n) -> ratios.computeIfAbsent(province.tiers.get(h), k -> new ArrayList<>())
                .add(province.visits.get(h) / (double) n));
        ratios.forEach((tier, r) -> assertThat(r).as(tier + " " + r).allMatch(tier == HospitalTier.COUNTY
                ? v -> v >= 7.5 && v <= 15 : v -> v >= 11 && v <= 24));
        assertThat(meanOf(ratios.get(HospitalTier.COUNTY)))
                .isLessThan(meanOf(ratios.get(HospitalTier.CITY_TERTIARY)));
    }

    /** Discharges of each hospital over the whole period. */
    private static Map<String, Integer> discharges() {
        Map<String, Integer> n = new HashMap<>();
        for (GeneratedProvince.Case c : province.cases) {
            n.merge(c.a().hospitalId(), 1, Integer::sum);
        }
        return n;
    }

    private static double meanOf(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }
}
