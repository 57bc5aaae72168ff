package org.hqd.casemix.abstracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SexTest {

    @Test
    void fromCode_oneAndTwo_areMaleAndFemale() {
        assertThat(Sex.fromCode("1")).contains(Sex.MALE);
        assertThat(Sex.fromCode("2")).contains(Sex.FEMALE);
    }

    @Test
    void fromCode_surroundingBlanks_areIgnored() {
        assertThat(Sex.fromCode(" 1 ")).contains(Sex.MALE);
        assertThat(Sex.fromCode("2\t")).contains(Sex.FEMALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0", "3", "9", "M", "男", "12", "01"})
    void fromCode_anyOtherText_isEmpty(String code) {
        assertThat(Sex.fromCode(code)).isEmpty();
    }

    @Test
    void code_eachSex_isItsGbCode() {
        assertThat(Sex.MALE.code()).isEqualTo("1");
        assertThat(Sex.FEMALE.code()).isEqualTo("2");
        assertThat(Sex.UNKNOWN.code()).isEmpty();
        assertThat(Sex.MALE.label()).isEqualTo("男");
        assertThat(Sex.FEMALE.label()).isEqualTo("女");
    }

    @Test
    void isKnown_eachSex_falseOnlyForUnknown() {
        assertThat(Sex.MALE.isKnown()).isTrue();
        assertThat(Sex.FEMALE.isKnown()).isTrue();
        assertThat(Sex.UNKNOWN.isKnown()).isFalse();
    }
}
