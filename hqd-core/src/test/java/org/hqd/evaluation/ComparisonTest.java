package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ComparisonTest {
    @Test
    void met_atTheTarget_onlyForInclusiveComparisons() {
        assertThat(Comparison.GE.met(5, 5)).isTrue();
        assertThat(Comparison.GT.met(5, 5)).isFalse();
        assertThat(Comparison.LE.met(5, 5)).isTrue();
        assertThat(Comparison.LT.met(5, 5)).isFalse();
    }

    @Test
    void met_eitherSideOfTheTarget() {
        assertThat(Comparison.GE.met(5.01, 5)).isTrue();
        assertThat(Comparison.GE.met(4.99, 5)).isFalse();
        assertThat(Comparison.GT.met(5.01, 5)).isTrue();
        assertThat(Comparison.LE.met(5.01, 5)).isFalse();
        assertThat(Comparison.LE.met(4.99, 5)).isTrue();
        assertThat(Comparison.LT.met(4.99, 5)).isTrue();
        assertThat(Comparison.LT.met(5.01, 5)).isFalse();
    }

    @Test
    void floor_isTrueForGeAndGtOnly() {
        assertThat(Comparison.GE.floor()).isTrue();
        assertThat(Comparison.GT.floor()).isTrue();
        assertThat(Comparison.LE.floor()).isFalse();
        assertThat(Comparison.LT.floor()).isFalse();
    }

    @Test
    void of_namesSymbolsAndAsciiForms() {
        assertThat(Comparison.of("GE")).contains(Comparison.GE);
        assertThat(Comparison.of(" gt ")).contains(Comparison.GT);
        assertThat(Comparison.of("≥")).contains(Comparison.GE);
        assertThat(Comparison.of(">=")).contains(Comparison.GE);
        assertThat(Comparison.of(">")).contains(Comparison.GT);
        assertThat(Comparison.of("≤")).contains(Comparison.LE);
        assertThat(Comparison.of("<=")).contains(Comparison.LE);
        assertThat(Comparison.of("<")).contains(Comparison.LT);
        assertThat(Comparison.of("=")).isEmpty();
        assertThat(Comparison.of("EQ")).isEmpty();
    }
}
