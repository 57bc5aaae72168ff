package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TargetSetTest {
    private static final IndicatorCatalog CATALOGUE = IndicatorCatalog.standard();
    private static final TargetSet STANDARD = TargetSet.standard(CATALOGUE);
    private static final String HEAD = "# id: t\nindicator\ttier\tcomparison\ttarget\tyear\tsource\n"
            + "cmi\tCOUNTY\tGE\t0.8\t\ta.txt:1\n"; // the good row is line 3, a bad row after it line 4

    private static TargetSet parse(String rows) {
        return TargetSet.parse("# id: t\nindicator\ttier\tcomparison\ttarget\tyear\tsource\n" + rows, "t.tsv",
                CATALOGUE);
    }

    private static Target applicable(TargetSet s, String indicator, HospitalTier tier, int year) {
        return s.applicable(indicator, Optional.ofNullable(tier), year).orElseThrow();
    }

    @Test
    void standard_hasIdNameAndThirtyFourTargets() {
        assertThat(STANDARD.id()).isEqualTo("design-default");
        assertThat(STANDARD.name()).startsWith("公立医院高质量发展分层目标");
        assertThat(STANDARD.targets()).hasSize(34);
    }

    @ParameterizedTest(name = "cmi {0} GE {1}")
    @CsvSource({"NATIONAL_CENTER, 1.8", "NATIONAL_REGIONAL, 1.5", "PROVINCIAL_REGIONAL, 1.3", "CITY_TERTIARY, 1.1",
            "COUNTY, 0.8"})
    void standard_cmiTierMatrix(HospitalTier tier, double value) {
        Target t = applicable(STANDARD, "cmi", tier, 2024);

        assertThat(t.comparison()).isEqualTo(Comparison.GE);
        assertThat(t.value()).isEqualTo(value);
        assertThat(t.tier()).contains(tier);
        assertThat(t.year()).isEmpty();
    }

    @ParameterizedTest(name = "alos {0} LT {1}")
    @CsvSource({"NATIONAL_CENTER, 8", "NATIONAL_REGIONAL, 8", "PROVINCIAL_REGIONAL, 8", "CITY_TERTIARY, 8",
            "COUNTY, 7"})
    void standard_alosTierMatrix(HospitalTier tier, double value) {
        Target t = applicable(STANDARD, "alos", tier, 2024);

        assertThat(t.comparison()).isEqualTo(Comparison.LT);
        assertThat(t.value()).isEqualTo(value);
    }

    @Test
    void standard_otherTierRows() {
        assertThat(applicable(STANDARD, "grade4_surgery_share", HospitalTier.PROVINCIAL_REGIONAL, 2024).value())
                .isEqualTo(0.35);
        assertThat(applicable(STANDARD, "grade3_4_surgery_share", HospitalTier.COUNTY, 2024).value())
                .isEqualTo(0.40);
        assertThat(STANDARD.applicable("grade3_4_surgery_share", Optional.of(HospitalTier.CITY_TERTIARY), 2024))
                .isEmpty();
        assertThat(applicable(STANDARD, "emr_level", HospitalTier.CITY_TERTIARY, 2024).value()).isEqualTo(4.0);
        assertThat(applicable(STANDARD, "day_surgery_share", HospitalTier.COUNTY, 2024).value()).isEqualTo(0.10);
    }

    @Test
    void standard_everyTierRowsApplyToHospitalsWithoutTier() {
        Target nurses = applicable(STANDARD, "nurse_to_physician_ratio", null, 2024);
        assertThat(nurses.tier()).isEmpty();
        assertThat(nurses.comparison()).isEqualTo(Comparison.GE);
        assertThat(nurses.value()).isEqualTo(2.0);
        assertThat(STANDARD.applicable("cmi", Optional.empty(), 2024)).isEmpty();
        // dated 2025: the later year applies in 2024, and stays the nearest (earlier) year in 2026
        assertThat(applicable(STANDARD, "drg_dip_payment_share", HospitalTier.COUNTY, 2024).year()).hasValue(2025);
        assertThat(applicable(STANDARD, "drg_dip_payment_share", HospitalTier.COUNTY, 2026).value()).isEqualTo(0.70);
    }

    @Test
    void standard_everySourceNamesAFileAndLine() {
        assertThat(STANDARD.targets()).allSatisfy(
                t -> assertThat(t.source()).matches("[A-Za-z0-9_.-]+\\.txt:\\d+(-\\d+)?"));
        assertThat(applicable(STANDARD, "cmi", HospitalTier.COUNTY, 2024).source())
                .isEqualTo("plans-collection-soe-forestry-hospital.txt:1287");
        assertThat(applicable(STANDARD, "drg_dip_payment_share", HospitalTier.COUNTY, 2024).source())
                .isEqualTo("hospital-plans-collection-a.txt:55-57");
    }

    @Test
    void standard_everyTargetIndicatorIsInTheCatalogue() {
        assertThat(STANDARD.targets()).allSatisfy(t -> assertThat(CATALOGUE.indicator(t.indicator())).isPresent());
    }

    @Test
    void applicable_ownTierBeatsEveryTier() {
        TargetSet s = parse("cmi\t*\tGE\t1.0\t2024\tall\n"
                + "cmi\tCOUNTY\tGE\t0.8\t2020\tcounty\n");

        // own tier wins even though its row is for an earlier year and the '*' row is for the very year
        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2024).source()).isEqualTo("county");
        // another tier has no own row: the '*' row
        assertThat(applicable(s, "cmi", HospitalTier.CITY_TERTIARY, 2024).source()).isEqualTo("all");
        assertThat(applicable(s, "cmi", null, 2024).source()).isEqualTo("all");
    }

    @Test
    void applicable_sameYearThenNearestLaterThenUndatedThenNearestEarlier() {
        TargetSet s = parse("cmi\t*\tGE\t1.0\t\tall-undated\n"
                + "cmi\tCOUNTY\tGE\t0.70\t2022\tcounty-2022\n"
                + "cmi\tCOUNTY\tGE\t0.80\t\tcounty-undated\n"
                + "cmi\tCOUNTY\tGE\t0.90\t2025\tcounty-2025\n"
                + "cmi\tCOUNTY\tGE\t0.95\t2027\tcounty-2027\n"
                + "cmi\tCOUNTY\tGE\t0.85\t2024\tcounty-2024\n");

        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2024).source()).isEqualTo("county-2024"); // same
        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2023).source()).isEqualTo("county-2024"); // +1
        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2026).source()).isEqualTo("county-2027"); // later
        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2028).source()).isEqualTo("county-undated");
        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2020).source()).isEqualTo("county-2022"); // +2
    }

    @Test
    void applicable_withoutUndatedRow_nearestEarlierYear() {
        TargetSet s = parse("cmi\tCOUNTY\tGE\t0.70\t2020\tcounty-2020\n"
                + "cmi\tCOUNTY\tGE\t0.75\t2022\tcounty-2022\n");

        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2024).source()).isEqualTo("county-2022");
        assertThat(applicable(s, "cmi", HospitalTier.COUNTY, 2021).source()).isEqualTo("county-2022");
    }

    @Test
    void applicable_unknownIndicatorOrNoRow_isEmpty() {
        TargetSet s = parse("cmi\tCOUNTY\tGE\t0.8\t\tx\n");

        assertThat(s.applicable("alos", Optional.of(HospitalTier.COUNTY), 2024)).isEmpty();
        assertThat(s.applicable("nope", Optional.of(HospitalTier.COUNTY), 2024)).isEmpty();
        assertThat(s.applicable("cmi", Optional.empty(), 2024)).isEmpty();
    }

    @Test
    void parse_cellForms_tierBlankOrStarComparisonSymbolsLowerCaseTier() {
        TargetSet s = parse("cmi\t\t>=\t1.0\t\tblank-tier\n"
                + "alos\t*\t<\t8\t2025\tstar-tier\n"
                + "emr_level\tcounty\t≥\t4\t\tlower-case-tier\n"
                + "drug_share\tCITY_TERTIARY\tle\t0.3\t\tlower-case-comparison\n");

        assertThat(s.targets()).extracting(Target::tier).containsExactly(Optional.empty(), Optional.empty(),
                Optional.of(HospitalTier.COUNTY), Optional.of(HospitalTier.CITY_TERTIARY));
        assertThat(s.targets()).extracting(Target::comparison).containsExactly(Comparison.GE, Comparison.LT,
                Comparison.GE, Comparison.LE);
        assertThat(s.targets().get(1).year()).hasValue(2025);
        assertThat(s.targets().get(1).value()).isEqualTo(8.0);
    }

    @Test
    void parse_nameDefaultsToId() {
        TargetSet s = parse("cmi\tCOUNTY\tGE\t0.8\t\tx\n");

        assertThat(s.id()).isEqualTo("t");
        assertThat(s.name()).isEqualTo("t");
    }

    @Test
    void parse_unknownIndicator_namesLine() {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmii\tCOUNTY\tGE\t0.8\t\ta.txt:2\n", "t.tsv", CATALOGUE))
                .isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行").hasMessageContaining("'cmii'");
    }

    @Test
    void parse_badTier_namesLine() {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmi\tTOWNSHIP\tGE\t0.8\t\ta.txt:2\n", "t.tsv", CATALOGUE))
                .isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行")
                .hasMessageContaining("'TOWNSHIP'");
    }

    @Test
    void parse_badComparison_namesLine() {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmi\tCOUNTY\tEQ\t0.8\t\ta.txt:2\n", "t.tsv", CATALOGUE))
                .isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行").hasMessageContaining("'EQ'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.8x", "80%", "高"})
    void parse_nonNumericTarget_namesLine(String target) {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmi\tCOUNTY\tGE\t" + target + "\t\ta.txt:2\n", "t.tsv",
                CATALOGUE)).isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行")
                .hasMessageContaining("'" + target + "'");
    }

    /**
     * "NaN" and "Infinity" are not numbers a target can be held against; {@code Double.parseDouble} accepts them,
     * so a NaN target would make every hospital NOT_MET silently. Expected to be rejected like "0.8x".
     */
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity"})
    void parse_nanOrInfiniteTarget_isRejectedNamingLine(String target) {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmi\tCOUNTY\tGE\t" + target + "\t\ta.txt:2\n", "t.tsv",
                CATALOGUE)).isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行");
    }

    @Test
    void parse_badYear_namesLine() {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmi\tCOUNTY\tGE\t0.8\t2025年\ta.txt:2\n", "t.tsv",
                CATALOGUE)).isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行")
                .hasMessageContaining("'2025年'");
    }

    /** The message for a bad year says "应为四位数字或留空"; a two-digit or negative year is not one. */
    @ParameterizedTest
    @ValueSource(strings = {"25", "-1"})
    void parse_yearNotFourDigits_isRejectedNamingLine(String year) {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmi\tCOUNTY\tGE\t0.8\t" + year + "\ta.txt:2\n", "t.tsv",
                CATALOGUE)).isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行");
    }

    @Test
    void parse_missingSource_namesLine() {
        assertThatThrownBy(() -> TargetSet.parse(HEAD + "cmi\tCOUNTY\tGE\t0.8\t\t\n", "t.tsv", CATALOGUE))
                .isInstanceOf(HqdException.class).hasMessageContaining("t.tsv 第 4 行").hasMessageContaining("source");
    }

    @Test
    void parse_missingIdProperty_namesFileAndProperty() {
        assertThatThrownBy(() -> TargetSet.parse("indicator\ttier\tcomparison\ttarget\tyear\tsource\n"
                + "cmi\tCOUNTY\tGE\t0.8\t\ta.txt:1\n", "t.tsv", CATALOGUE))
                .isInstanceOf(HqdException.class).hasMessageContaining("t.tsv").hasMessageContaining("# id:");
    }

    @Test
    void parse_idPropertyWithBlank_isRejected() {
        assertThatThrownBy(() -> TargetSet.parse("# id: my set\nindicator\ttier\tcomparison\ttarget\tyear\tsource\n",
                "t.tsv", CATALOGUE)).isInstanceOf(HqdException.class).hasMessageContaining("'my set'");
    }

    @Test
    void parse_missingColumn_namesHeaderLine() {
        assertThatThrownBy(() -> TargetSet.parse("# id: t\nindicator\ttier\tcomparison\ttarget\tsource\n",
                "t.tsv", CATALOGUE)).isInstanceOf(HqdException.class).hasMessageContaining("第 2 行")
                .hasMessageContaining("year");
    }
}
