package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class PatientIdsTest {
    @Test
    void code_distinctPatients_distinctTwelveDigitCodes() {
        Set<Long> codes = new HashSet<>();
        for (long p = 0; p < 200_000; p++) {
            long c = PatientIds.code(p * 4_999_999L % 1_000_000_000_000L, 77);
            assertThat(c).isBetween(0L, 999_999_999_999L);
            codes.add(c);
        }
        assertThat(codes).hasSize(200_000);
    }

    @Test
    void code_otherKey_otherCode() {
        assertThat(PatientIds.code(12345, 1)).isNotEqualTo(PatientIds.code(12345, 2));
    }
}
