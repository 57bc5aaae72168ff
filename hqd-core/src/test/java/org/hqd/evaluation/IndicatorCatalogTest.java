package org.hqd.evaluation;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

final class IndicatorCatalogTest {
    private static final IndicatorCatalog STANDARD = IndicatorCatalog.standard();
    private static final String HEADER = "id\tname\tdimension\tformula\tunit\tdirection\tsource\tnote\n";
    private static final String GOOD = "cmi\tCMI\t医疗质量\ttotal_weight / grouped_cases\t\tHIGHER_BETTER\t病案首页\t\n";

    private static List<String> ids(IndicatorCatalog c) {
        return c.indicators().stream().map(Indicator::id).toList();
    }

    @Test
    void standard_loadsEveryDefinitionInFileOrder() {
        assertThat(STANDARD.indicators()).hasSize(86);
        assertThat(ids(STANDARD).get(0)).isEqualTo("cmi");
        assertThat(ids(STANDARD).get(85)).isEqualTo("staff_satisfaction");
    }

    @Test
    void standard_containsTheDesignIndicators() {
        assertThat(ids(STANDARD)).contains("cmi", "alos", "grade4_surgery_share", "grade3_4_surgery_share",
                "service_revenue_share", "emr_level", "drg_dip_payment_share", "nurse_to_physician_ratio",
                "personnel_cost_share", "low_risk_mortality");
    }

    @Test
    void standard_idsAreUnique() {
        assertThat(ids(STANDARD)).doesNotHaveDuplicates();
    }

    @Test
    void standard_everyDimensionHasDefinitions() {
        Map<Dimension, List<String>> byDimension = STANDARD.indicators().stream()
                .collect(groupingBy(Indicator::dimension, mapping(Indicator::id, toList())));

        assertThat(byDimension).containsOnlyKeys(Dimension.values());
        assertThat(byDimension.get(Dimension.SATISFACTION)).containsExactly("outpatient_satisfaction",
                "inpatient_satisfaction", "patient_satisfaction", "staff_satisfaction");
    }

    @Test
    void standard_directionsOfKeyIndicators() {
        assertThat(STANDARD.indicator("cmi").orElseThrow().direction()).isEqualTo(Direction.HIGHER_BETTER);
        assertThat(STANDARD.indicator("alos").orElseThrow().direction()).isEqualTo(Direction.LOWER_BETTER);
        assertThat(STANDARD.indicator("low_risk_mortality").orElseThrow().direction())
                .isEqualTo(Direction.LOWER_BETTER);
        assertThat(STANDARD.indicator("drug_share").orElseThrow().direction()).isEqualTo(Direction.LOWER_BETTER);
        assertThat(STANDARD.indicator("personnel_cost_share").orElseThrow().direction())
                .isEqualTo(Direction.HIGHER_BETTER);
        assertThat(STANDARD.indicator("energy_per_10k_revenue").orElseThrow().direction())
                .isEqualTo(Direction.LOWER_BETTER);
    }

    @Test
    void standard_sharesHaveUnitRatio() {
        assertThat(STANDARD.indicators()).filteredOn(i -> i.id().endsWith("_share"))
                .allSatisfy(i -> assertThat(i.unit()).isEqualTo("ratio"));
        assertThat(STANDARD.indicator("alos").orElseThrow().unit()).isEqualTo("天");
        assertThat(STANDARD.indicator("cmi").orElseThrow().unit()).isEmpty();
    }

    @Test
    void standard_onlyExternalJudgementsAreNotComputable() {
        assertThat(STANDARD.indicators()).filteredOn(i -> !i.computable()).extracting(Indicator::id)
                .containsExactly("single_disease_quality", "teaching_outcomes", "public_credit_grade",
                        "specialty_capacity", "party_leadership", "party_building");
    }

    @Test
    void standard_monitoredOnlyIndicatorsAreNotRanked() {
        assertThat(STANDARD.indicator("debt_to_asset_ratio").orElseThrow().direction()).isEqualTo(Direction.MONITOR);
        assertThat(Direction.MONITOR.ranked()).isFalse();
        assertThat(Direction.of("监测比较")).contains(Direction.MONITOR);
    }

    @Test
    void indicator_unknownId_isEmpty() {
        assertThat(STANDARD.indicator("no_such_indicator")).isEmpty();
    }

    @Test
    void parse_customCatalogue_keepsEveryColumn() {
        IndicatorCatalog c = IndicatorCatalog.parse(HEADER
                + "alos\t平均住院日\tEFFICIENCY\tlos_days / cases\t天\tLOWER_BETTER\t病案首页\t说明\n", "my.tsv");

        Indicator alos = c.indicator("alos").orElseThrow();
        assertThat(alos.name()).isEqualTo("平均住院日");
        assertThat(alos.dimension()).isEqualTo(Dimension.EFFICIENCY); // the enum name is accepted too
        assertThat(alos.formula()).hasToString("los_days / cases");
        assertThat(alos.unit()).isEqualTo("天");
        assertThat(alos.direction()).isEqualTo(Direction.LOWER_BETTER);
        assertThat(alos.source()).isEqualTo("病案首页");
        assertThat(alos.note()).isEqualTo("说明");
    }

    @Test
    void parse_unknownDimension_namesLineAndValue() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER + GOOD
                + "x\tX\t质量\tcases\t\tHIGHER_BETTER\t病案首页\t\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("my.tsv 第 3 行")
                .hasMessageContaining("维度").hasMessageContaining("'质量'");
    }

    @Test
    void parse_badFormula_namesLineAndFormulaProblem() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER + GOOD
                + "x\tX\t医疗质量\tcases / / deaths\t\tHIGHER_BETTER\t病案首页\t\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("my.tsv 第 3 行")
                .hasMessageContaining("cases / / deaths");
    }

    @Test
    void parse_unknownMeasureInFormula_namesLineAndMeasure() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER + GOOD
                + "x\tX\t医疗质量\tcots / cases\t\tHIGHER_BETTER\t病案首页\t\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("my.tsv 第 3 行")
                .hasMessageContaining("'cots'");
    }

    @Test
    void parse_duplicateId_namesTheSecondLine() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER + GOOD + GOOD, "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("my.tsv 第 3 行")
                .hasMessageContaining("'cmi'").hasMessageContaining("重复");
    }

    @Test
    void parse_lineNumbersCountCommentAndBlankLines() {
        // line 1 comment, 2 blank, 3 header, 4 good, 5 blank, 6 duplicate
        assertThatThrownBy(() -> IndicatorCatalog.parse("# about: test\n\n" + HEADER + GOOD + "\n" + GOOD,
                "my.tsv")).isInstanceOf(HqdException.class).hasMessageContaining("第 6 行");
    }

    @Test
    void parse_badDirection_namesLine() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER
                + "x\tX\t医疗质量\tcases\t\tUP\t病案首页\t\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("第 2 行").hasMessageContaining("'UP'");
    }

    @Test
    void parse_badId_namesLine() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER
                + "Bad-Id\tX\t医疗质量\tcases\t\tHIGHER_BETTER\t病案首页\t\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("第 2 行").hasMessageContaining("'Bad-Id'");
    }

    @Test
    void parse_blankRequiredCell_namesLineAndColumn() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER
                + "x\tX\t医疗质量\tcases\t\tHIGHER_BETTER\t\t\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("第 2 行").hasMessageContaining("source");
    }

    @Test
    void parse_missingHeaderColumn_namesHeaderLine() {
        assertThatThrownBy(() -> IndicatorCatalog.parse("id\tname\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("第 1 行").hasMessageContaining("dimension");
    }

    @Test
    void parse_tooManyCells_namesLine() {
        assertThatThrownBy(() -> IndicatorCatalog.parse(HEADER + GOOD.strip() + "\textra\textra\n", "my.tsv"))
                .isInstanceOf(HqdException.class).hasMessageContaining("第 2 行");
    }

    @Test
    void parse_emptyText_isAnError() {
        assertThatThrownBy(() -> IndicatorCatalog.parse("", "my.tsv")).isInstanceOf(HqdException.class)
                .hasMessageContaining("my.tsv");
    }
}
