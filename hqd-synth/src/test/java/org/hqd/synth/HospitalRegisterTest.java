package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
        assertThat(counts.get(HospitalTier.NATIONAL_CENTER)).isLessThanOrEqualTo(Math.max(n >= 12 ? 2 : 1, n / 50));
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
                .allSatisfy(h -> assertThat(h.city().name()).isEqualTo("甲市"));
        assertThat(hs.stream().filter(h -> h.tier() == HospitalTier.CITY_TERTIARY))
                .allSatisfy(h -> assertThat(h.county()).isEqualTo(h.city().seat()));
        assertThat(hs.stream().filter(h -> h.tier() == HospitalTier.COUNTY).map(h -> h.county().kind())
                .collect(Collectors.toSet())).contains(County.Kind.COUNTY);
        assertThat(hs).allSatisfy(h -> {
            assertThat(h.costFactor()).isBetween(0.8, 1.25);
            assertThat(h.readmissionRate()).isBetween(0.04, 0.12);
        });
    }

    @Test
    void build_twenty_realisticNamesAndBedsByTier() {
        List<Hospital> hs = HospitalRegister.build(20, 42);
        assertThat(hs.get(0).name()).isEqualTo("示例医科大学第一附属医院");
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
    void build_manyHospitals_noNameOfARealInstitutionAndEveryPlaceInvented() throws IOException {
        List<String> real = RealHospitalNames.bundled();
        List<Hospital> hs = HospitalRegister.build(2000, 7);
        assertThat(hs).extracting(Hospital::name).doesNotContainAnyElementsOf(real);
        assertThat(hs).allSatisfy(h -> {
            assertThat(h.name()).matches("^(示例|[甲乙丙丁戊己庚辛壬癸]).*");
            assertThat(h.city().code()).startsWith("99");
        });
    }

    @Test
    void tierCounts_twelveOrMore_atLeastTwoOfEveryTier() {
        assertThat(HospitalRegister.tierCounts(12).values()).allSatisfy(c -> assertThat(c).isGreaterThanOrEqualTo(2));
        assertThat(HospitalRegister.tierCounts(40).values()).allSatisfy(c -> assertThat(c).isGreaterThanOrEqualTo(2));
    }

    @Test
    void build_firstTwoOfEveryTier_generalAndOnEitherSideOfTheTargets() {
        List<Hospital> hs = HospitalRegister.build(40, 5);
        for (HospitalTier tier : HospitalTier.values()) {
            List<Hospital> mine = hs.stream().filter(h -> h.tier() == tier).toList();
            assertThat(mine.get(0).type()).isEqualTo(HospitalType.GENERAL);
            assertThat(mine.get(1).type()).isEqualTo(HospitalType.GENERAL);
            assertThat(mine.get(0).leans().cmi()).isGreaterThanOrEqualTo(1.0);
            assertThat(mine.get(1).leans().cmi()).isLessThanOrEqualTo(-1.0);
            assertThat(mine.get(0).leans().alos()).isLessThanOrEqualTo(-1.0);
            assertThat(mine.get(1).leans().service()).isLessThanOrEqualTo(-1.0);
        }
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
