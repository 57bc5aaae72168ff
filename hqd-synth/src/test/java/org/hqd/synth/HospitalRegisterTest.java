package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class HospitalRegisterTest {
    @ParameterizedTest
    @ValueSource(ints = {5, 6, 20, 100, 1000, 20_000})
    void tierCounts_fiveOrMore_everyTierMostlyCountyAndCity(int n) {
        Map<HospitalTier, Integer> counts = HospitalRegister.tierCounts(n);
        assertThat(counts.keySet()).containsExactlyInAnyOrder(HospitalTier.values());
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isPositive());
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        assertThat(counts.get(HospitalTier.COUNTY) + counts.get(HospitalTier.CITY_TERTIARY))
                .isGreaterThanOrEqualTo(n * 2 / 5);
        assertThat(counts.get(HospitalTier.NATIONAL_CENTER)).isLessThanOrEqualTo(Math.max(1, n / 50));
    }

    @Test
    void tierCounts_fewerThanFive_cityAndCountyFirst() {
        assertThat(HospitalRegister.tierCounts(1)).containsOnlyKeys(HospitalTier.CITY_TERTIARY);
        assertThat(HospitalRegister.tierCounts(2)).containsOnlyKeys(HospitalTier.CITY_TERTIARY, HospitalTier.COUNTY);
    }

    @Test
    void build_sameSeed_sameRegister() {
        assertThat(HospitalRegister.build(50, 3)).isEqualTo(HospitalRegister.build(50, 3));
        assertThat(HospitalRegister.build(50, 3)).isNotEqualTo(HospitalRegister.build(50, 4));
    }

    @Test
    void build_manyHospitals_uniqueIdsAndNamesAndHighTiersInCities() {
        List<Hospital> hs = HospitalRegister.build(2000, 1);
        assertThat(hs.stream().map(Hospital::name).distinct()).hasSize(2000);
        assertThat(hs.get(0).id()).isEqualTo("H0001");
        assertThat(hs.get(1999).id()).isEqualTo("H2000");
        assertThat(hs.stream().filter(h -> h.tier() == HospitalTier.NATIONAL_CENTER))
                .allSatisfy(h -> assertThat(h.city().name()).isEqualTo("兰州市"));
        assertThat(hs.stream().filter(h -> h.tier() == HospitalTier.CITY_TERTIARY))
                .allSatisfy(h -> assertThat(h.county()).isEqualTo(h.city().seat()));
        assertThat(hs.stream().filter(h -> h.tier() == HospitalTier.COUNTY).map(h -> h.county().kind())
                .collect(Collectors.toSet())).contains(County.Kind.COUNTY);
        assertThat(hs).allSatisfy(h -> {
            assertThat(h.costFactor()).isBetween(0.8, 1.3);
            assertThat(h.readmissionRate()).isBetween(0.04, 0.12);
        });
    }

    @Test
    void build_twenty_realisticNamesAndBedsByTier() {
        List<Hospital> hs = HospitalRegister.build(20, 42);
        assertThat(hs.get(0).name()).isEqualTo("兰州大学第一医院");
        assertThat(hs.get(0).type()).isEqualTo(HospitalType.GENERAL);
        for (Hospital h : hs) {
            if (h.type() == HospitalType.GENERAL && h.tier() == HospitalTier.COUNTY) {
                assertThat(h.name()).endsWith("人民医院");
                assertThat(h.beds()).isBetween(200, 800);
            }
            if (h.type() == HospitalType.TCM) {
                assertThat(h.name()).containsAnyOf("中医", "中西医结合");
            }
        }
        double nationalBeds = hs.stream().filter(h -> h.tier() == HospitalTier.NATIONAL_CENTER)
                .mapToInt(Hospital::beds).average().orElseThrow();
        double countyBeds = hs.stream().filter(h -> h.tier() == HospitalTier.COUNTY).mapToInt(Hospital::beds)
                .average().orElseThrow();
        assertThat(nationalBeds).isGreaterThan(3 * countyBeds);
    }

    @Test
    void physicians_sameDepartment_sameCountAndFactors() {
        Hospital h = HospitalRegister.build(5, 1).get(0);
        int n = h.physiciansIn(Department.CARDIOLOGY);
        assertThat(n).isBetween(2, 26);
        assertThat(h.physiciansIn(Department.CARDIOLOGY)).isEqualTo(n);
        for (int k = 0; k < n; k++) {
            assertThat(h.physicianFactor(Department.CARDIOLOGY, k)).isBetween(0.75, 1.35)
                    .isEqualTo(h.physicianFactor(Department.CARDIOLOGY, k));
        }
    }
}
