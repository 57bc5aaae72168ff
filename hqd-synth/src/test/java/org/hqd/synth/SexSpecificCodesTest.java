package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class SexSpecificCodesTest {
    @ParameterizedTest
    @CsvSource({"O80.000, 1", "N83.200, 1", "C53.900, 1", "Z37.000, 1", "N40.x00, 2", "C61.x00, 2", "Q53.900, 2",
        "I10.x00, 0", "N18.500, 0", "K35.800x001, 0", "D25.900, 1", "D29.100, 2"})
    void ofDiagnosis_code_sexItBelongsTo(String code, int mask) {
        assertThat(SexSpecificCodes.ofDiagnosis(code)).isEqualTo(mask);
    }

    @ParameterizedTest
    @CsvSource({"74.1x00, 1", "68.4100, 1", "60.2100, 2", "64.0x00, 2", "47.0100, 0", "81.5100, 0"})
    void ofProcedure_code_sexItBelongsTo(String code, int mask) {
        assertThat(SexSpecificCodes.ofProcedure(code)).isEqualTo(mask);
    }

    @Test
    void of_femaleAndMaleCodes_bothBits() {
        assertThat(SexSpecificCodes.of(List.of("O80.000", "C61.x00"), List.of()))
                .isEqualTo(SexSpecificCodes.FEMALE | SexSpecificCodes.MALE);
    }

    @Test
    void obstetric_deliveryProcedureOrPregnancyCode_true() {
        assertThat(SexSpecificCodes.obstetric(List.of("I10.x00"), List.of("74.1x00"))).isTrue();
        assertThat(SexSpecificCodes.obstetric(List.of("I10.x00", "O99.301"), List.of())).isTrue();
        assertThat(SexSpecificCodes.obstetric(List.of("N83.200"), List.of("68.4100"))).isFalse();
    }
}
