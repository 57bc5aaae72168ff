package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hqd.casemix.grouping.TinyPack.adult;
import static org.hqd.casemix.grouping.TinyPack.procedures;

import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every atom of {@code casemix-rulepack/1}, through the tiny pack's MDCA: ADRG {@code Xn} is gated by its own
 * principal diagnosis and the one atom, so the case groups to {@code Xn9} when the atom holds and is ungroupable
 * ({@code 0000}) when it does not.
 */
final class ConditionsTest {
    private static final String NO_GROUP = GroupingResult.UNGROUPABLE_DRG;

    private static String drg(DischargeAbstract.Builder b) {
        GroupingResult r = TinyPack.group(b);
        assertThat(r.status()).as("status of %s", r).isIn(GroupingStatus.GROUPED, GroupingStatus.UNGROUPABLE);
        return r.drg();
    }

    private static String expect(boolean holds, String drg) {
        return holds ? drg : NO_GROUP;
    }

    @ParameterizedTest
    @CsvSource({"1, true", "9, true", "10, true", "11, false", "45, false"})
    void ageYearsAtMost_aroundTen_holdsUpToTen(int age, boolean holds) {
        assertThat(drg(adult("A01.000").ageYears(age))).isEqualTo(expect(holds, "AA19"));
    }

    @ParameterizedTest
    @CsvSource({"64, false", "65, true", "66, true", "1, false"})
    void ageYearsAtLeast_aroundSixtyFive_holdsFromSixtyFive(int age, boolean holds) {
        assertThat(drg(adult("A02.000").ageYears(age))).isEqualTo(expect(holds, "AA29"));
    }

    @ParameterizedTest
    @CsvSource({"0, true", "27, true", "28, true", "29, false", "200, false"})
    void ageDaysAtMost_aroundTwentyEight_holdsUpToTwentyEight(int days, boolean holds) {
        DischargeAbstract.Builder b = adult("A03.000").ageYears(0).ageDays(days).birthWeightG(3000);
        assertThat(drg(b)).isEqualTo(expect(holds, "AA39"));
    }

    @Test
    void ageDaysAtMost_unknownAgeDays_doesNotHold() {
        DischargeAbstract.Builder b = adult("A03.000").ageYears(1).ageDays(DischargeAbstract.UNKNOWN);
        assertThat(drg(b)).isEqualTo(NO_GROUP);
    }

    @ParameterizedTest
    @CsvSource({"-1, false", "0, false", "1, true", "3000, true"})
    void birthWeightKnown_weight_holdsWhenPositive(int grams, boolean holds) {
        assertThat(drg(adult("A04.000").ageYears(1).birthWeightG(grams))).isEqualTo(expect(holds, "AB19"));
    }

    @ParameterizedTest
    @CsvSource({"-1, false", "2499, false", "2500, true", "2501, true"})
    void birthWeightAtLeast_aroundTwentyFiveHundred_holdsFromTwentyFiveHundred(int grams, boolean holds) {
        assertThat(drg(adult("A05.000").ageYears(1).birthWeightG(grams))).isEqualTo(expect(holds, "AB29"));
    }

    @ParameterizedTest
    @CsvSource({"1, true", "1499, true", "1500, false", "1501, false"})
    void birthWeightBelow_aroundFifteenHundred_holdsBelowFifteenHundred(int grams, boolean holds) {
        assertThat(drg(adult("A06.000").ageYears(1).birthWeightG(grams))).isEqualTo(expect(holds, "AB39"));
    }

    @ParameterizedTest
    @CsvSource({"29, false", "30, true", "31, true"})
    void losDaysAtLeast_aroundThirty_holdsFromThirty(int los, boolean holds) {
        assertThat(drg(adult("A07.000").losDays(los))).isEqualTo(expect(holds, "AC19"));
    }

    @ParameterizedTest
    @CsvSource({"0, true", "2, true", "3, true", "4, false"})
    void losDaysAtMost_aroundThree_holdsUpToThree(int los, boolean holds) {
        assertThat(drg(adult("A08.000").losDays(los))).isEqualTo(expect(holds, "AC29"));
    }

    @ParameterizedTest
    @CsvSource({"4, false", "5, true", "7, true", "10, true", "11, false"})
    void losDaysBetween_fiveToTen_holdsAtBothEnds(int los, boolean holds) {
        assertThat(drg(adult("A09.000").losDays(los))).isEqualTo(expect(holds, "AC39"));
    }

    @Test
    void mainProcIn_firstProcedureInList_holds() {
        assertThat(drg(procedures(adult("A10.000"), "01.0100", "09.0100"))).isEqualTo("AD19");
    }

    @Test
    void mainProcIn_listedProcedureOnlyAfterTheFirst_doesNotHold() {
        assertThat(drg(procedures(adult("A10.000"), "09.0100", "01.0100"))).isEqualTo(NO_GROUP);
    }

    @Test
    void mainProcIn_noProcedure_doesNotHold() {
        assertThat(drg(adult("A10.000"))).isEqualTo(NO_GROUP);
    }

    @Test
    void mainProcIn_blankPrincipalProcedure_firstOtherProcedureIsTheMainOne() {
        assertThat(drg(procedures(adult("A10.000"), "", "01.0100"))).isEqualTo("AD19");
    }

    @Test
    void anyProcIn_listedMainProcedure_holds() {
        assertThat(drg(procedures(adult("A11.000"), "02.0100"))).isEqualTo("AD29");
    }

    @Test
    void anyProcIn_listedOtherProcedure_holds() {
        assertThat(drg(procedures(adult("A11.000"), "09.0100", "09.0100", "02.0100"))).isEqualTo("AD29");
    }

    @Test
    void anyProcIn_noListedProcedure_doesNotHold() {
        assertThat(drg(procedures(adult("A11.000"), "09.0100", "01.0100"))).isEqualTo(NO_GROUP);
        assertThat(drg(adult("A11.000"))).isEqualTo(NO_GROUP);
    }

    @Test
    void secondaryProcIn_listedProcedureAfterTheFirst_holds() {
        assertThat(drg(procedures(adult("A12.000"), "09.0100", "03.0100"))).isEqualTo("AD39");
    }

    @Test
    void secondaryProcIn_listedProcedureOnlyAsTheFirst_doesNotHold() {
        assertThat(drg(procedures(adult("A12.000"), "03.0100", "09.0100"))).isEqualTo(NO_GROUP);
    }

    @Test
    void noProc_noProcedure_holds() {
        assertThat(drg(adult("A13.000"))).isEqualTo("AD49");
    }

    @Test
    void noProc_oneProcedure_doesNotHold() {
        assertThat(drg(procedures(adult("A13.000"), "09.0100"))).isEqualTo(NO_GROUP);
    }

    @Test
    void procCountAtLeast_oneProcedure_doesNotHold() {
        assertThat(drg(procedures(adult("A14.000"), "09.0100"))).isEqualTo(NO_GROUP);
    }

    @Test
    void procCountAtLeast_twoOrThreeProcedures_holds() {
        assertThat(drg(procedures(adult("A14.000"), "09.0100", "01.0100"))).isEqualTo("AD59");
        assertThat(drg(procedures(adult("A14.000"), "09.0100", "01.0100", "02.0100"))).isEqualTo("AD59");
    }

    @Test
    void procCountAtLeast_blankOtherProcedures_areNotCounted() {
        assertThat(drg(procedures(adult("A14.000"), "09.0100", " ", ""))).isEqualTo(NO_GROUP);
    }

    @Test
    void sex_female_holdsForSexTwo() {
        assertThat(drg(adult("A15.000").sex(Sex.FEMALE))).isEqualTo("AE19");
        assertThat(drg(adult("A15.000").sex(Sex.MALE))).isEqualTo(NO_GROUP);
    }

    @ParameterizedTest
    @CsvSource({"1, true", "4, true", "2, false", "5, false", "9, false"})
    void dischargeMethodIn_oneOrFour_holdsOnlyForListedMethods(String method, boolean holds) {
        assertThat(drg(adult("A16.000").dischargeMethod(method))).isEqualTo(expect(holds, "AE29"));
    }

    @Test
    void anyDxStartsWith_principalWithPrefix_holds() {
        assertThat(drg(adult("S72.000"))).isEqualTo("AF19");
    }

    @Test
    void anyDxStartsWith_secondaryWithPrefix_holds() {
        assertThat(drg(adult("A17.000", "Z99.000", "S72.100"))).isEqualTo("AF19");
    }

    @Test
    void anyDxStartsWith_noDiagnosisWithPrefix_doesNotHold() {
        assertThat(drg(adult("A17.000", "S73.000"))).isEqualTo(NO_GROUP);
    }

    @Test
    void anyDxIn_principalInList_holds() {
        assertThat(drg(adult("A18.100"))).isEqualTo("AF29");
    }

    @Test
    void anyDxIn_secondaryInList_holds() {
        assertThat(drg(adult("A18.000", "A18.200"))).isEqualTo("AF29");
    }

    @Test
    void anyDxIn_noDiagnosisInList_doesNotHold() {
        assertThat(drg(adult("A18.000", "A18.300"))).isEqualTo(NO_GROUP);
    }

    @Test
    void secondaryDxIn_secondaryInList_holds() {
        assertThat(drg(adult("A19.000", "Z99.000", "A19.100"))).isEqualTo("AF39");
    }

    @Test
    void secondaryDxIn_onlyThePrincipalInList_doesNotHold() {
        assertThat(drg(adult("A19.100"))).isEqualTo(NO_GROUP);
        assertThat(drg(adult("A19.100", "Z99.000"))).isEqualTo(NO_GROUP);
    }

    @Test
    void principalDxIn_listedCodeOnlyAsSecondary_doesNotEnterTheMdc() {
        GroupingResult r = TinyPack.group(adult("Z99.000", "A01.000"));

        assertThat(r.status()).isEqualTo(GroupingStatus.UNGROUPABLE);
        assertThat(r.drg()).isEqualTo(NO_GROUP);
    }

    @Test
    void procTag_procedureWhoseTagIsOne_holds() {
        assertThat(drg(procedures(adult("A20.000"), "07.0100"))).isEqualTo("AG19");
        assertThat(drg(procedures(adult("A20.000"), "07.0300"))).isEqualTo("AG19");
    }

    @Test
    void procTag_procedureWhoseTagIsZero_doesNotHold() {
        assertThat(drg(procedures(adult("A20.000"), "07.0200"))).isEqualTo(NO_GROUP);
    }

    @Test
    void procTag_taggedProcedureAfterTheFirst_holds() {
        assertThat(drg(procedures(adult("A20.000"), "07.0200", "07.0300"))).isEqualTo("AG19");
    }

    @Test
    void procTag_procedureNotInCodes_doesNotHold() {
        assertThat(drg(procedures(adult("A20.000"), "09.0100"))).isEqualTo(NO_GROUP);
    }

    @Test
    void traumaSitesAtLeast_twoSitesFromSecondaries_holds() {
        assertThat(drg(adult("A21.000", "S01.000", "S21.000"))).isEqualTo("AG29");
    }

    @Test
    void traumaSitesAtLeast_twoDiagnosesOfOneSite_doesNotHold() {
        assertThat(drg(adult("A21.000", "S81.000", "S81.100"))).isEqualTo(NO_GROUP);
    }

    @Test
    void traumaSitesAtLeast_principalCountsAsASite_holds() {
        assertThat(drg(adult("S01.000", "S81.100"))).isEqualTo("AG29");
    }

    @Test
    void traumaSitesAtLeast_threeSites_holds() {
        assertThat(drg(adult("A21.000", "S01.000", "S21.000", "S81.000"))).isEqualTo("AG29");
    }

    @Test
    void not_innerHolds_doesNotHold() {
        assertThat(drg(adult("A22.000").sex(Sex.MALE))).isEqualTo(NO_GROUP);
    }

    @Test
    void not_innerDoesNotHold_holds() {
        assertThat(drg(adult("A22.000").sex(Sex.FEMALE))).isEqualTo("AH19");
    }

    @ParameterizedTest
    @CsvSource({
        "85, 3, 1, true",   // first alternative
        "80, 3, 1, true",   // first alternative, at its bound
        "50, 25, 5, true",  // second alternative, both atoms
        "50, 20, 5, true",  // second alternative, at its bound
        "50, 25, 1, false", // second alternative, only one of its atoms
        "50, 10, 5, false", // second alternative, only the other atom
        "79, 19, 4, false"  // none
    })
    void anyOf_twoAlternatives_holdsWhenAllAtomsOfOneHold(int age, int los, String method, boolean holds) {
        DischargeAbstract.Builder b = adult("A23.000").ageYears(age).losDays(los).dischargeMethod(method);
        assertThat(drg(b)).isEqualTo(expect(holds, "AH29"));
    }
}
