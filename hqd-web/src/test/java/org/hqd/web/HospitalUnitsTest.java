package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which rows of a province's answer are a hospital's: its own, its departments' and its physicians'. */
final class HospitalUnitsTest {
    @Test
    void aHospitalsUnits_areItselfAndWhatIsNamedUnderIt_notAnotherIdItPrefixes() {
        assertThat(ProvinceFirst.ofHospital("H0001", "H0001")).isTrue();
        assertThat(ProvinceFirst.ofHospital("H0001/内科", "H0001")).isTrue();
        assertThat(ProvinceFirst.ofHospital("H0001/", "H0001")).isTrue();
        assertThat(ProvinceFirst.ofHospital("H00010", "H0001")).isFalse();
        assertThat(ProvinceFirst.ofHospital("H00010/内科", "H0001")).isFalse();
        assertThat(ProvinceFirst.ofHospital("H000", "H0001")).isFalse();
        assertThat(ProvinceFirst.ofHospital("H0002/H0001", "H0001")).isFalse();
    }
}
