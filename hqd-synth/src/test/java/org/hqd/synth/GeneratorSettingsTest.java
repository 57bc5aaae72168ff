package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

final class GeneratorSettingsTest {
    private static final YearMonth JAN = YearMonth.of(2024, 1);

    @Test
    void new_noHospitals_throwsNamingHospitals() {
        assertThatThrownBy(() -> new GeneratorSettings(0, 10, 12, 1, JAN, 1)).isInstanceOf(HqdException.class)
                .hasMessageContaining("hospitals = 0").hasMessageContaining("1–20000");
    }

    @Test
    void new_negativeRecords_throwsNamingRecords() {
        assertThatThrownBy(() -> new GeneratorSettings(1, -1, 12, 1, JAN, 1)).isInstanceOf(HqdException.class)
                .hasMessageContaining("records = -1");
    }

    @Test
    void new_monthsOutOfRange_throwsNamingMonths() {
        assertThatThrownBy(() -> new GeneratorSettings(1, 1, 0, 1, JAN, 1)).hasMessageContaining("months = 0");
        assertThatThrownBy(() -> new GeneratorSettings(1, 1, 121, 1, JAN, 1)).hasMessageContaining("months = 121");
    }

    @Test
    void new_noThreads_throwsNamingThreads() {
        assertThatThrownBy(() -> new GeneratorSettings(1, 1, 1, 1, JAN, 0)).hasMessageContaining("threads = 0");
    }

    @Test
    void new_limits_accepted() {
        GeneratorSettings s = new GeneratorSettings(20_000, 0, 120, -5, JAN, 256);
        assertThat(s.months()).isEqualTo(120);
    }

    @Test
    void of_defaults_januaryTwentyTwentyFourAndAtLeastOneThread() {
        GeneratorSettings s = GeneratorSettings.of(10, 100, 3, 42);
        assertThat(s.firstMonth()).isEqualTo(JAN);
        assertThat(s.threads()).isPositive();
        assertThat(s.withThreads(3).threads()).isEqualTo(3);
        assertThat(s.withFirstMonth(YearMonth.of(2025, 6)).firstMonth()).isEqualTo(YearMonth.of(2025, 6));
    }
}
