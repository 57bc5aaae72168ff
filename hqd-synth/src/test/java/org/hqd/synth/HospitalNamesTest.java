package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.hqd.hospital.HospitalType;
import org.junit.jupiter.api.Test;

final class HospitalNamesTest {
    @Test
    void numeral_oneToNinetyNine_chineseNumerals() {
        assertThat(HospitalNames.numeral(1)).isEqualTo("一");
        assertThat(HospitalNames.numeral(10)).isEqualTo("十");
        assertThat(HospitalNames.numeral(12)).isEqualTo("十二");
        assertThat(HospitalNames.numeral(20)).isEqualTo("二十");
        assertThat(HospitalNames.numeral(99)).isEqualTo("九十九");
        assertThat(HospitalNames.numeral(100)).isEqualTo("100");
    }

    @Test
    void next_samePlaceAndType_nextOrdinal() {
        HospitalNames names = new HospitalNames();
        HospitalNames.Level city = HospitalNames.Level.CITY;
        HospitalNames.Level county = HospitalNames.Level.COUNTY;
        assertThat(names.next("甲市", city, HospitalType.GENERAL, Specialty.NONE, false)).isEqualTo("甲市第一人民医院");
        assertThat(names.next("甲市", city, HospitalType.GENERAL, Specialty.NONE, false)).isEqualTo("甲市第二人民医院");
        assertThat(names.next("甲一县", county, HospitalType.GENERAL, Specialty.NONE, false)).isEqualTo("甲一县人民医院");
        assertThat(names.next("甲一县", county, HospitalType.TCM, Specialty.NONE, false)).isEqualTo("甲一县中医医院");
        assertThat(names.next("甲市", city, HospitalType.MATERNAL_CHILD, Specialty.NONE, false))
                .isEqualTo("甲市妇幼保健院");
        assertThat(names.next("示例省", HospitalNames.Level.PROVINCE, HospitalType.TCM, Specialty.NONE, false))
                .isEqualTo("示例省中医院");
        assertThat(names.next("示例省", HospitalNames.Level.PROVINCE, HospitalType.SPECIALTY, Specialty.ONCOLOGY,
                false)).isEqualTo("示例省肿瘤医院");
        assertThat(names.next("癸市", city, HospitalType.GENERAL, Specialty.NONE, false)).isEqualTo("癸市第一人民医院");
        assertThat(names.next("示例省", HospitalNames.Level.PROVINCE, HospitalType.GENERAL, Specialty.NONE, true))
                .isEqualTo("示例医科大学第一附属医院");
    }
}
