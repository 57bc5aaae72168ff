package org.hqd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** How rates and differences of rates read: a rate in %, a difference of two rates in 百分点. */
final class FormatsTest {

    @Test
    void points_differenceOfTwoRates_signedPercentagePoints() {
        assertThat(Formats.points(OptionalDouble.of(-0.123))).isEqualTo("-12.3 个百分点");
        assertThat(Formats.points(OptionalDouble.of(0.05))).isEqualTo("+5.0 个百分点");
        assertThat(Formats.points(OptionalDouble.of(0.6 - 0.75))).isEqualTo("-15.0 个百分点");
        // rounds to zero: no sign, and never "-0.0"
        assertThat(Formats.points(OptionalDouble.of(-0.0004))).isEqualTo("0.0 个百分点");
        assertThat(Formats.points(OptionalDouble.empty())).isEqualTo("—");
    }

    @Test
    void against_rateAndReference_inWords() {
        // 0.627 against 0.75: 12.3 points behind
        assertThat(Formats.against(OptionalDouble.of(0.627), 0.75, "时间进度")).isEqualTo("低于时间进度 12.3 个百分点");
        assertThat(Formats.against(OptionalDouble.of(0.8), 0.75, "时间进度")).isEqualTo("高于时间进度 5.0 个百分点");
        assertThat(Formats.against(OptionalDouble.of(0.7502), 0.75, "时间进度")).isEqualTo("与时间进度持平");
        assertThat(Formats.against(OptionalDouble.empty(), 0.75, "时间进度")).isEmpty();
    }

    @Test
    void percent_ratioOfTwoAmounts_staysPercent() {
        assertThat(Formats.percent(OptionalDouble.of(0.481))).isEqualTo("48.1%");
    }
}
