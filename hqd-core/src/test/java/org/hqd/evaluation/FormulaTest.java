package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hqd.evaluation.Fixtures.measures;

import java.util.Map;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

final class FormulaTest {
    private static final Map<Measure, Double> M = measures(Measure.CASES, 10, Measure.DEATHS, 3,
            Measure.ENERGY_SPENDING, 3000, Measure.TOTAL_REVENUE, 2_000_000);

    @Test
    void evaluate_parenthesesGroupTheDenominator() {
        // 2 000 000 / 10 000 = 200; 3000 / 200 = 15
        assertThat(Formula.parse("energy_spending / (total_revenue / 10000)").evaluate(M)).hasValue(15.0);
    }

    @Test
    void evaluate_divisionIsLeftAssociativeWithoutParentheses() {
        // (3000 / 2 000 000) / 10 000 = 0.0015 / 10 000 = 1.5e-7
        assertThat(Formula.parse("energy_spending / total_revenue / 10000").evaluate(M).getAsDouble())
                .isCloseTo(1.5e-7, within(1e-20));
    }

    @Test
    void evaluate_multiplicationBindsTighterThanAddition() {
        // 10 + 3 * 2 = 16, not (10 + 3) * 2 = 26
        assertThat(Formula.parse("cases + deaths * 2").evaluate(M)).hasValue(16.0);
        assertThat(Formula.parse("(cases + deaths) * 2").evaluate(M)).hasValue(26.0);
        // 2 * 3 + 10 = 16
        assertThat(Formula.parse("2*deaths+cases").evaluate(M)).hasValue(16.0);
    }

    @Test
    void evaluate_subtractionAndDivisionAreLeftAssociative() {
        // (10 - 3) - 1 = 6, not 10 - (3 - 1) = 8
        assertThat(Formula.parse("cases - deaths - 1").evaluate(M)).hasValue(6.0);
        // (10 / 2) * 5 = 25, not 10 / (2 * 5) = 1
        assertThat(Formula.parse("cases / 2 * 5").evaluate(M)).hasValue(25.0);
        // nested parentheses: 10 - ((3 - 1) * 2) = 6
        assertThat(Formula.parse("cases - ((deaths - 1) * 2)").evaluate(M)).hasValue(6.0);
    }

    @Test
    void evaluate_decimalNumbersAndConstants() {
        // 1.5 * 10 = 15; .5 * 10 = 5; a constant alone is its value
        assertThat(Formula.parse("1.5 * cases").evaluate(M)).hasValue(15.0);
        assertThat(Formula.parse(".5 * cases").evaluate(M)).hasValue(5.0);
        assertThat(Formula.parse("42").evaluate(Map.of())).hasValue(42.0);
    }

    @Test
    void evaluate_zeroNumerator_isZeroNotEmpty() {
        // 0 / 10 = 0
        assertThat(Formula.parse("deaths / cases").evaluate(measures(Measure.DEATHS, 0, Measure.CASES, 10)))
                .hasValue(0.0);
    }

    @Test
    void evaluate_missingMeasure_isEmpty() {
        Formula f = Formula.parse("total_weight / grouped_cases");

        assertThat(f.evaluate(measures(Measure.TOTAL_WEIGHT, 12.5))).isEmpty();
        assertThat(f.evaluate(measures(Measure.GROUPED_CASES, 10))).isEmpty();
        assertThat(f.evaluate(Map.of())).isEmpty();
    }

    @Test
    void evaluate_missingMeasureTimesZero_isEmptyNotZero() {
        assertThat(Formula.parse("0 * cases").evaluate(Map.of())).isEmpty();
        assertThat(Formula.parse("deaths + 0 * cases").evaluate(measures(Measure.DEATHS, 3))).isEmpty();
    }

    @Test
    void evaluate_divisionByZero_isEmpty() {
        assertThat(Formula.parse("total_weight / grouped_cases")
                .evaluate(measures(Measure.TOTAL_WEIGHT, 12.5, Measure.GROUPED_CASES, 0))).isEmpty();
        // 0 / 0 is empty too, not NaN
        assertThat(Formula.parse("deaths / cases").evaluate(measures(Measure.DEATHS, 0, Measure.CASES, 0)))
                .isEmpty();
        // a denominator that comes out zero: 3 - 3 = 0
        assertThat(Formula.parse("cases / (deaths - deaths)").evaluate(M)).isEmpty();
        // inner 0 / 10000 = 0, then 3000 / 0
        assertThat(Formula.parse("energy_spending / (total_revenue / 10000)")
                .evaluate(measures(Measure.ENERGY_SPENDING, 3000, Measure.TOTAL_REVENUE, 0))).isEmpty();
        assertThat(Formula.parse("cases / 0").evaluate(M)).isEmpty();
    }

    @Test
    void parse_unknownIdentifier_namesTheIdentifier() {
        assertThatThrownBy(() -> Formula.parse("total_wieght / grouped_cases")).isInstanceOf(HqdException.class)
                .hasMessageContaining("'total_wieght'").hasMessageContaining("不是已知的统计量")
                .hasMessageContaining("total_weight"); // the list of known measures
    }

    @Test
    void parse_measureIdsAreLowerCase_upperCaseIsUnknown() {
        assertThatThrownBy(() -> Formula.parse("CASES")).isInstanceOf(HqdException.class)
                .hasMessageContaining("'CASES'");
    }

    @Test
    void parse_danglingOperator_isIncompleteAtTheEnd() {
        // "cases +" has 7 characters: the missing operand is at character 8
        assertThatThrownBy(() -> Formula.parse("cases +")).isInstanceOf(HqdException.class)
                .hasMessageContaining("'cases +'").hasMessageContaining("第 8 个字符").hasMessageContaining("公式不完整");
    }

    @Test
    void parse_emptyFormula_isIncomplete() {
        assertThatThrownBy(() -> Formula.parse("")).isInstanceOf(HqdException.class)
                .hasMessageContaining("公式不完整");
    }

    @Test
    void parse_unclosedParenthesis_isMissingRightParenthesis() {
        // "(cases + deaths" has 15 characters
        assertThatThrownBy(() -> Formula.parse("(cases + deaths")).isInstanceOf(HqdException.class)
                .hasMessageContaining("第 16 个字符").hasMessageContaining("缺少右括号");
    }

    @Test
    void parse_twoOperandsWithoutOperator_isTrailingContent() {
        // "cases deaths": 'd' is character 7
        assertThatThrownBy(() -> Formula.parse("cases deaths")).isInstanceOf(HqdException.class)
                .hasMessageContaining("第 7 个字符").hasMessageContaining("多余的内容");
        assertThatThrownBy(() -> Formula.parse("cases)")).isInstanceOf(HqdException.class)
                .hasMessageContaining("第 6 个字符").hasMessageContaining("多余的内容");
    }

    @Test
    void parse_unknownCharacter_namesIt() {
        // "cases * #": '#' is character 9
        assertThatThrownBy(() -> Formula.parse("cases * #")).isInstanceOf(HqdException.class)
                .hasMessageContaining("第 9 个字符").hasMessageContaining("无法识别的字符 '#'");
    }

    @Test
    void parse_badNumber_isNumberFormatError() {
        assertThatThrownBy(() -> Formula.parse("1.2.3 * cases")).isInstanceOf(HqdException.class)
                .hasMessageContaining("'1.2.3 * cases'").hasMessageContaining("数字格式错误");
    }

    @Test
    void measures_areTheMeasuresUsedOnceEach() {
        assertThat(Formula.parse("(drug_cost + material_cost) / total_cost").measures())
                .containsExactlyInAnyOrder(Measure.DRUG_COST, Measure.MATERIAL_COST, Measure.TOTAL_COST);
        assertThat(Formula.parse("cases / cases * 100").measures()).containsExactly(Measure.CASES);
        assertThat(Formula.parse("energy_spending / (total_revenue / 10000)").measures())
                .containsExactlyInAnyOrder(Measure.ENERGY_SPENDING, Measure.TOTAL_REVENUE);
        assertThat(Formula.parse("100").measures()).isEmpty();
    }

    @Test
    void toString_isTheStrippedText() {
        assertThat(Formula.parse("  total_weight / grouped_cases ")).hasToString("total_weight / grouped_cases");
    }

    @Test
    void fallback_isTheFirstValueThatExists_andBindsLooserThanArithmetic() {
        // deaths / cases = 0.3; los_days is missing, so the first alternative has no value
        assertThat(Formula.parse("los_days / cases ?? deaths / cases").evaluate(M)).hasValue(0.3);
        assertThat(Formula.parse("deaths / cases ?? los_days").evaluate(M)).hasValue(0.3);
        // a zero denominator is no value too: energy_spending / (deaths - 3) falls back
        assertThat(Formula.parse("energy_spending / (deaths - 3) ?? 7").evaluate(M)).hasValue(7.0);
        assertThat(Formula.parse("los_days ?? grouped_cases").evaluate(M)).isEmpty();
        assertThat(Formula.parse("(los_days ?? cases) * 2").evaluate(M)).hasValue(20.0);
        assertThat(Formula.parse("los_days ?? deaths ?? cases").evaluate(M)).hasValue(3.0);
        assertThatThrownBy(() -> Formula.parse("cases ??")).isInstanceOf(HqdException.class).hasMessageContaining("公式不完整");
    }
}
