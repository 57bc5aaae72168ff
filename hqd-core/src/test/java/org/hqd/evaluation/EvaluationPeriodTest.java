package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class EvaluationPeriodTest {
    @Test
    void parse_year_coversJanuaryToDecember() {
        EvaluationPeriod p = EvaluationPeriod.parse("2024");

        assertThat(p.first()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(p.last()).isEqualTo(YearMonth.of(2024, 12));
        assertThat(p.months()).hasSize(12).startsWith(YearMonth.of(2024, 1)).endsWith(YearMonth.of(2024, 12));
        assertThat(p.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(p.to()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(p.targetYear()).isEqualTo(2024);
        assertThat(p).hasToString("2024");
    }

    @Test
    void parse_month_isThatMonthOnly() {
        EvaluationPeriod p = EvaluationPeriod.parse("2024-02");

        assertThat(p.months()).containsExactly(YearMonth.of(2024, 2));
        assertThat(p.from()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(p.to()).isEqualTo(LocalDate.of(2024, 2, 29)); // leap year
        assertThat(p.targetYear()).isEqualTo(2024);
        assertThat(p).hasToString("2024-02");
    }

    @Test
    void parse_range_includesBothEndsAcrossTheYearEnd() {
        EvaluationPeriod p = EvaluationPeriod.parse("2023-11..2024-02");

        assertThat(p.months()).containsExactly(YearMonth.of(2023, 11), YearMonth.of(2023, 12), YearMonth.of(2024, 1),
                YearMonth.of(2024, 2));
        assertThat(p.from()).isEqualTo(LocalDate.of(2023, 11, 1));
        assertThat(p.to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(p.targetYear()).isEqualTo(2024); // the year of the last month
        assertThat(p).hasToString("2023-11..2024-02");
    }

    @Test
    void parse_surroundingBlanks_areIgnored() {
        assertThat(EvaluationPeriod.parse(" 2024-03 ")).isEqualTo(new EvaluationPeriod(YearMonth.of(2024, 3),
                YearMonth.of(2024, 3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "2024-03", "2023-11..2024-02", "2024-01..2024-06", "2025-12"})
    void toString_roundTrips(String text) {
        EvaluationPeriod p = EvaluationPeriod.parse(text);

        assertThat(p).hasToString(text);
        assertThat(EvaluationPeriod.parse(p.toString())).isEqualTo(p);
    }

    @Test
    void toString_wholeYearRangeIsWrittenAsTheYear_andOneMonthRangeAsTheMonth() {
        assertThat(EvaluationPeriod.parse("2024-01..2024-12")).hasToString("2024")
                .isEqualTo(EvaluationPeriod.parse("2024"));
        assertThat(EvaluationPeriod.parse("2024-03..2024-03")).hasToString("2024-03")
                .isEqualTo(EvaluationPeriod.parse("2024-03"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13", "2024-00", "24", "2024-1", "2024/03", "", "abcd", "2024-01..", "2024-01..2024",
            "2024-01-15"})
    void parse_badText_isHqdExceptionQuotingIt(String text) {
        assertThatThrownBy(() -> EvaluationPeriod.parse(text)).isInstanceOf(HqdException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void parse_rangeEndingBeforeItStarts_isHqdException() {
        assertThatThrownBy(() -> EvaluationPeriod.parse("2024-06..2024-01")).isInstanceOf(HqdException.class)
                .hasMessageContaining("2024-01").hasMessageContaining("2024-06");
    }

    @Test
    void constructor_lastBeforeFirst_isHqdException() {
        assertThatThrownBy(() -> new EvaluationPeriod(YearMonth.of(2024, 2), YearMonth.of(2024, 1)))
                .isInstanceOf(HqdException.class);
    }
}
