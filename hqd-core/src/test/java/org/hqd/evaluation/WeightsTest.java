package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

final class WeightsTest {
    private static final IndicatorCatalog STANDARD = IndicatorCatalog.standard();

    private static Indicator standard(String id) {
        return STANDARD.indicator(id).orElseThrow();
    }

    @Test
    void standard_listedKeysAndDefaultOne() {
        Weights w = Weights.standard();

        assertThat(w.of(standard("cmi"))).isEqualTo(2.0);
        assertThat(w.of(standard("low_risk_mortality"))).isEqualTo(2.0);
        assertThat(w.of(standard("grade4_surgery_share"))).isEqualTo(1.5);
        assertThat(w.of(standard("alos"))).isEqualTo(1.0);
        assertThat(w.of(Dimension.QUALITY)).isEqualTo(0.4);
        assertThat(w.of(Dimension.EFFICIENCY)).isEqualTo(0.3);
        assertThat(w.of(Dimension.DEVELOPMENT)).isEqualTo(0.15);
        assertThat(w.of(Dimension.SATISFACTION)).isEqualTo(0.15);
    }

    @Test
    void equal_everythingWeighsOne() {
        assertThat(Weights.equal().of(standard("cmi"))).isEqualTo(1.0);
        assertThat(Weights.equal().of(Dimension.QUALITY)).isEqualTo(1.0);
    }

    @Test
    void parse_dimensionKeyIsTheChineseLabel() {
        Weights w = Weights.parse("key\tweight\n医疗质量\t2\nalos\t0\n", "w.tsv");

        assertThat(w.of(Dimension.QUALITY)).isEqualTo(2.0);
        assertThat(w.of(Dimension.EFFICIENCY)).isEqualTo(1.0);
        assertThat(w.of(standard("alos"))).isEqualTo(0.0);
    }

    @Test
    void parse_nonNumericWeight_namesLine() {
        assertThatThrownBy(() -> Weights.parse("key\tweight\ncmi\t2\nalos\theavy\n", "w.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("w.tsv 第 3 行").hasMessageContaining("'heavy'");
    }

    /**
     * An infinite weight passes the "not negative" check, and then every composite score it enters is ∞/∞ = NaN.
     * Expected to be rejected like a non-numeric one.
     */
    @Test
    void parse_infiniteWeight_isRejectedNamingLine() {
        assertThatThrownBy(() -> Weights.parse("key\tweight\ncmi\tInfinity\n", "w.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("w.tsv 第 2 行");
    }

    @Test
    void parse_nanWeight_isRejectedNamingLine() {
        assertThatThrownBy(() -> Weights.parse("key\tweight\ncmi\tNaN\n", "w.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("w.tsv 第 2 行");
    }

    @Test
    void parse_negativeWeight_namesLine() {
        assertThatThrownBy(() -> Weights.parse("key\tweight\ncmi\t-1\n", "w.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("w.tsv 第 2 行");
    }
}
