package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hqd.casemix.grouping.TinyPack.adult;

import java.util.List;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks before grouping: a failing case is INVALID with a reason naming the field, never ungroupable. */
final class InputChecksTest {

    /** B03.000 groups to BA15 when the input is valid. */
    private static DischargeAbstract.Builder valid() {
        return adult("B03.000");
    }

    private static void assertInvalid(GroupingResult r, String field) {
        assertThat(r.status()).isEqualTo(GroupingStatus.INVALID);
        assertThat(r.reason()).contains(field);
        assertThat(r.mdc()).isEmpty();
        assertThat(r.adrg()).isEmpty();
        assertThat(r.drg()).isEmpty();
        assertThat(r.cc()).isFalse();
        assertThat(r.mcc()).isFalse();
    }

    @Test
    void group_validCase_isGrouped() {
        GroupingResult r = TinyPack.group(valid());

        assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
        assertThat(r.drg()).isEqualTo("BA15");
        assertThat(r.reason()).isEmpty();
    }

    @Test
    void group_missingSex_isInvalidNamingSex() {
        assertInvalid(TinyPack.group(valid().sex(Sex.UNKNOWN)), "sex");
    }

    @Test
    void group_noDiagnosis_isInvalidNamingPrincipalDx() {
        assertInvalid(TinyPack.group(valid().principalDx("")), "principal_dx");
    }

    @Test
    void group_blankPrincipalWithSecondaries_isInvalidNamingPrincipalDx() {
        assertInvalid(TinyPack.group(valid().principalDx("  ").secondaryDx(List.of("B03.000"))), "principal_dx");
    }

    @Test
    void group_unknownPrincipalDiagnosis_isInvalidNamingFieldAndCode() {
        GroupingResult r = TinyPack.group(valid().principalDx("Q00.000"));

        assertInvalid(r, "principal_dx");
        assertThat(r.reason()).contains("Q00.000");
    }

    @Test
    void group_principalWithSurroundingBlanks_isTrimmedAndGrouped() {
        assertThat(TinyPack.group(valid().principalDx(" B03.000 ")).drg()).isEqualTo("BA15");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 28})
    void group_newbornWithoutBirthWeight_isInvalidNamingBirthWeight(int ageDays) {
        assertInvalid(TinyPack.group(valid().ageYears(0).ageDays(ageDays)), "birth_weight_g");
    }

    @Test
    void group_newbornWithBirthWeightZero_isInvalidNamingBirthWeight() {
        assertInvalid(TinyPack.group(valid().ageYears(0).ageDays(28).birthWeightG(0)), "birth_weight_g");
    }

    @Test
    void group_newbornWithBirthWeight_isGrouped() {
        GroupingResult r = TinyPack.group(valid().ageYears(0).ageDays(28).birthWeightG(3000));

        assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
    }

    @Test
    void group_twentyNineDaysOldWithoutBirthWeight_isNotInvalid() {
        GroupingResult r = TinyPack.group(valid().ageYears(0).ageDays(29));

        assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
        assertThat(r.drg()).isEqualTo("BA15");
    }

    @Test
    void group_oneYearOldWithoutAgeDaysOrBirthWeight_isNotInvalid() {
        assertThat(TinyPack.group(valid().ageYears(1)).status()).isEqualTo(GroupingStatus.GROUPED);
    }

    @Test
    void group_ageZeroWithoutAgeDays_isInvalidNamingAgeDays() {
        assertInvalid(TinyPack.group(valid().ageYears(0).birthWeightG(3000)), "age_days");
    }

    @Test
    void group_missingAgeYears_isInvalidNamingAgeYears() {
        assertInvalid(TinyPack.group(valid().ageYears(DischargeAbstract.UNKNOWN)), "age_years");
    }

    @Test
    void group_missingLengthOfStay_isInvalidNamingLosDays() {
        assertInvalid(TinyPack.group(valid().losDays(DischargeAbstract.UNKNOWN)), "los_days");
    }

    @Test
    void group_zeroLengthOfStay_isNotInvalid() {
        assertThat(TinyPack.group(valid().losDays(0)).status()).isEqualTo(GroupingStatus.GROUPED);
    }

    @Test
    void group_missingDischargeMethod_isInvalidNamingDischargeMethod() {
        assertInvalid(TinyPack.group(valid().dischargeMethod("")), "discharge_method");
        assertInvalid(TinyPack.group(valid().dischargeMethod(" ")), "discharge_method");
    }

    @Test
    void group_invalidCaseWithUnknownCodes_hasNoWarnings() {
        GroupingResult r = TinyPack.group(adult("B03.000", "X99.999").sex(Sex.UNKNOWN));

        assertInvalid(r, "sex");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void group_invalidCaseTraced_traceGivesTheReason() {
        GroupingResult r = TinyPack.group(valid().sex(Sex.UNKNOWN), GroupingOptions.TRACED);

        assertThat(r.trace()).singleElement().asString().contains("sex");
    }

    @Test
    void firstFailure_severalFieldsMissing_namesTheFirstCheckedOne() {
        // sex is checked before the principal diagnosis, which is checked before the length of stay
        GroupingResult r = TinyPack.group(valid().sex(Sex.UNKNOWN).principalDx("").losDays(-1));

        assertInvalid(r, "sex");
        assertThat(r.reason()).doesNotContain("principal_dx");
    }
}
