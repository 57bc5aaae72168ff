package org.hqd.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plausibility rules as data (issue #15, item 9): age, dates, stay and costs within the ranges of the table. */
final class PlausibilityRangesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final AbstractQualityChecks CHECKS = new AbstractQualityChecks(QualityRuleCatalog.standard(),
            code -> true, TODAY);

    /** A row that passes every rule: 34 years, 2024-03-01 → 2024-03-06, 5 days, 10000.00 in two categories. */
    private static DischargeAbstract.Builder valid() {
        double[] charges = new double[14];
        charges[0] = 4000;
        charges[13] = 6000;
        return DischargeAbstract.builder().hospitalId("H001").recordId("R1").sex(Sex.MALE)
                .birthDate(LocalDate.of(1989, 5, 1)).ageYears(34).admissionDate(LocalDate.of(2024, 3, 1))
                .dischargeDate(LocalDate.of(2024, 3, 6)).losDays(5).dischargeMethod("1").principalDx("K35.800x001")
                .totalCost(10000).charges(Charges.of(charges));
    }

    private static List<String> failed(UnaryOperator<DischargeAbstract.Builder> change) {
        return CHECKS.check(change.apply(valid()).build(), Set.of()).stream()
                .map(f -> f.rule().id() + " " + f.detail()).toList();
    }

    @Test
    void check_validRow_failsNothing() {
        assertThat(failed(b -> b)).isEmpty();
    }

    @Nested
    final class Bounds {
        @Test
        void check_ageAtAndOverTheLimit() {
            assertThat(failed(b -> b.ageYears(130).birthDate(LocalDate.of(1894, 1, 1)))).isEmpty();
            assertThat(failed(b -> b.ageYears(300))).containsExactly("AGE_RANGE 年龄(岁)(age_years) 应在 0–130 之间");
            assertThat(failed(b -> b.ageYears(0).ageDays(400).birthWeightG(3000)))
                    .containsExactly("AGE_RANGE 年龄(天)(age_days) 应在 0–365 之间");
        }

        @Test
        void check_stayAtAndOverTheLimit() {
            LocalDate discharge = LocalDate.of(2024, 3, 6);
            assertThat(failed(b -> b.admissionDate(discharge.minusDays(3650)).losDays(3650))).isEmpty();
            assertThat(failed(b -> b.admissionDate(discharge.minusDays(3651)).losDays(3651)))
                    .containsExactly("LOS_RANGE 住院天数(los_days) 应在 0–3650 之间");
        }

        @Test
        void check_datesOutsideTheWindow_nameTheFieldAndTheWindowNotTheValue() {
            assertThat(failed(b -> b.admissionDate(LocalDate.of(9999, 12, 26)).dischargeDate(LocalDate.of(9999, 12, 31))))
                    .containsExactly("DATE_RANGE 入院日期(admission_date) 应在 1990-01-01 至今天（2026-12-06）之间；"
                            + "出院日期(discharge_date) 应在 1990-01-01 至今天（2026-12-06）之间");
            assertThat(failed(b -> b.admissionDate(LocalDate.of(0, 1, 1)))).contains(
                    "DATE_RANGE 入院日期(admission_date) 应在 1990-01-01 至今天（2026-12-06）之间");
            assertThat(failed(b -> b.birthDate(LocalDate.of(1879, 12, 31))))
                    .containsExactly("DATE_RANGE 出生日期(birth_date) 应在 1880-01-01 至今天（2026-12-06）之间");
        }

        @Test
        void check_dischargeTodayIsPlausible_tomorrowIsNot() {
            assertThat(failed(b -> b.admissionDate(TODAY.minusDays(5)).dischargeDate(TODAY))).isEmpty();
            assertThat(failed(b -> b.admissionDate(TODAY.minusDays(4)).dischargeDate(TODAY.plusDays(1))))
                    .containsExactly("DATE_RANGE 出院日期(discharge_date) 应在 1990-01-01 至今天（2026-12-06）之间");
        }

        @Test
        void check_admissionOnTheFloor_isPlausible_theDayBeforeIsNot() {
            assertThat(failed(b -> b.admissionDate(LocalDate.of(1990, 1, 1)).dischargeDate(LocalDate.of(1990, 1, 6))))
                    .isEmpty();
            assertThat(failed(b -> b.admissionDate(LocalDate.of(1989, 12, 31)).dischargeDate(LocalDate.of(1990, 1, 5))))
                    .containsExactly("DATE_RANGE 入院日期(admission_date) 应在 1990-01-01 至今天（2026-12-06）之间");
        }

        @ParameterizedTest
        @ValueSource(doubles = {-0.01, -10000, 1e300, 10_000_000.01})
        void check_totalCostNegativeOrOverTheCeiling(double cost) {
            assertThat(failed(b -> b.totalCost(cost).charges(Charges.NONE)))
                    .containsExactly("COST_RANGE 总费用(total_cost) 应在 0–10000000 之间");
        }

        @Test
        void check_negativeChargeCategory_namesIt() {
            double[] charges = new double[14];
            charges[0] = -500;
            charges[13] = 10500;
            assertThat(failed(b -> b.charges(Charges.of(charges))))
                    .containsExactly("COST_RANGE 床位费(cost_bed) 应在 0–10000000 之间");
            assertThat(failed(b -> b.totalCost(10_000_000).charges(Charges.NONE))).isEmpty();
        }

        @Test
        void check_missingOrUnreadableValues_areLeftToTheirOwnRules() {
            DischargeAbstract a = valid().ageYears(DischargeAbstract.UNKNOWN).dischargeDate(null)
                    .totalCost(Double.NaN).charges(Charges.NONE).build();
            assertThat(CHECKS.check(a, Set.of(AbstractColumn.AGE_YEARS, AbstractColumn.DISCHARGE_DATE,
                    AbstractColumn.TOTAL_COST))).isEmpty();
            assertThat(CHECKS.check(valid().ageYears(300).build(), Set.of(AbstractColumn.AGE_YEARS))).isEmpty();
        }
    }

    @Nested
    final class AsData {
        @Test
        void parse_otherThresholds_changeTheOutcomeWithoutCode() {
            PlausibilityRanges strict = PlausibilityRanges.parse("rule_id\tcolumn\tmin\tmax\n"
                    + "AGE_RANGE\tage_years\t18\t65\nDATE_RANGE\tdischarge_date\t2024-01-01\t2024-12-31\n", "t.tsv");
            AbstractQualityChecks checks = new AbstractQualityChecks(QualityRuleCatalog.standard().withRanges(strict),
                    code -> true, TODAY);

            assertThat(checks.check(valid().ageYears(70).dischargeDate(LocalDate.of(2025, 1, 1)).losDays(306).build(),
                    Set.of())).extracting(f -> f.rule().id() + " " + f.detail()).containsExactly(
                    "AGE_RANGE 年龄(岁)(age_years) 应在 18–65 之间",
                    "DATE_RANGE 出院日期(discharge_date) 应在 2024-01-01 至 2024-12-31 之间");
            assertThat(strict.dischargeWindow(TODAY)).isEqualTo(new PlausibilityRanges.DateWindow(
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        }

        @Test
        void standard_dischargeWindow_endsToday() {
            assertThat(PlausibilityRanges.standard().dischargeWindow(TODAY)).isEqualTo(
                    new PlausibilityRanges.DateWindow(LocalDate.of(1990, 1, 1), TODAY));
            assertThat(PlausibilityRanges.standard().ruleIds()).containsExactlyInAnyOrder("AGE_RANGE", "DATE_RANGE",
                    "LOS_RANGE", "COST_RANGE");
        }

        @Test
        void parse_badTable_namesTheLineAndTheProblem() {
            String head = "rule_id\tcolumn\tmin\tmax\n";
            assertThatThrownBy(() -> PlausibilityRanges.parse(head + "X\tage\t0\t1\n", "r.tsv"))
                    .isInstanceOf(HqdException.class).hasMessage("r.tsv 第 2 行：未知的列 'age'");
            assertThatThrownBy(() -> PlausibilityRanges.parse(head + "X\tdepartment\t0\t1\n", "r.tsv"))
                    .hasMessage("r.tsv 第 2 行：列 department 不是数值或日期列，不能设合理范围");
            assertThatThrownBy(() -> PlausibilityRanges.parse(head + "X\tage_years\t0\tmany\n", "r.tsv"))
                    .hasMessage("r.tsv 第 2 行：max 应为数值，实际为 'many'");
            assertThatThrownBy(() -> PlausibilityRanges.parse(head + "X\tage_years\t9\t1\n", "r.tsv"))
                    .hasMessage("r.tsv 第 2 行：max 小于 min");
            assertThatThrownBy(() -> PlausibilityRanges.parse(head + "X\tbirth_date\ttoday\ttoday\n", "r.tsv"))
                    .hasMessage("r.tsv 第 2 行：min 应为 YYYY-MM-DD，实际为 'today'");
        }

        @Test
        void catalogue_withoutARuleTheRangesUse_isRefused() throws Exception {
            String rules = new String(QualityRuleCatalog.class.getResourceAsStream("abstract-rules.tsv").readAllBytes(),
                    StandardCharsets.UTF_8).replaceAll("(?m)^LOS_RANGE\t.*\n", "");
            assertThatThrownBy(() -> QualityRuleCatalog.read(new ByteArrayInputStream(
                    rules.getBytes(StandardCharsets.UTF_8)), "region.tsv"))
                    .isInstanceOf(HqdException.class).hasMessage("region.tsv 缺少合理范围表用到的质控规则 LOS_RANGE");
        }
    }

    @Nested
    final class EchoedValues {
        @ParameterizedTest
        @ValueSource(strings = {"K35.800x001", "47.0100", "A50.400x003+G05.0*", "I10.x00", "P93.x02", "Z91.501", "O80"})
        void shown_codes_asTheyAre(String code) {
            assertThat(AbstractQualityChecks.shown(code)).isEqualTo(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"P589709752031", "620102199001011234", "1234567", "P-R001", "张三", "阑尾炎"})
        void shown_otherValues_notAtAll(String value) {
            assertThat(AbstractQualityChecks.shown(value)).doesNotContain(value)
                    .isEqualTo("（" + value.length() + " 个字符的非编码值，未显示）");
        }
    }
}
