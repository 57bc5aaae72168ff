package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hqd.casemix.grouping.TinyPack.adult;
import static org.hqd.casemix.grouping.TinyPack.procedures;

import org.hqd.casemix.abstracts.Sex;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The grouping walk of {@code casemix-rulepack/1} on the tiny pack (MDCC, MDCD, MDCE). */
final class RuleEngineTest {

    /** MDC order, passing an MDC on, ADRG rules sharing a code, ungroupable cases. */
    @Nested
    final class Walk {
        @Test
        void group_principalInTwoMdcs_firstMdcOfMdcOrderWins() {
            // C10.000 would group in MDCD too; MDCC comes first in mdcOrder (and last in the "mdcs" object).
            GroupingResult r = TinyPack.group(procedures(adult("C10.000"), "10.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.mdc()).isEqualTo("MDCC");
            assertThat(r.adrg()).isEqualTo("CA1");
        }

        @Test
        void group_mdcEnteredButNoAdrgMatches_goesOnToTheNextMdc() {
            // C11.000 enters MDCC (CA1 and CB1 do not take it, no procedure for the checkpoint), then MDCD.
            GroupingResult r = TinyPack.group(adult("C11.000"));

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.mdc()).isEqualTo("MDCD");
            assertThat(r.adrg()).isEqualTo("DA1");
            assertThat(r.drg()).isEqualTo("DA13");
        }

        @Test
        void group_firstMdcGivesNoResultWithoutItsProcedure_secondMdcTakesTheCase() {
            GroupingResult r = TinyPack.group(adult("C10.000"));

            assertThat(r.mdc()).isEqualTo("MDCD");
            assertThat(r.drg()).isEqualTo("DA13");
        }

        @Test
        void group_twoRulesOfOneAdrg_reportedUnderTheRuleCode() {
            GroupingResult female = TinyPack.group(adult("C11.000").sex(Sex.FEMALE));
            GroupingResult male = TinyPack.group(adult("C11.000").sex(Sex.MALE));

            assertThat(female.adrg()).isEqualTo("DA1");
            assertThat(female.drg()).isEqualTo("DA11");
            assertThat(male.adrg()).isEqualTo("DA1");
            assertThat(male.drg()).isEqualTo("DA13");
        }

        @Test
        void group_mdcEnteredAndNoMdcGivesAResult_isUngroupable() {
            GroupingResult r = TinyPack.group(adult("D01.000"));

            assertThat(r.status()).isEqualTo(GroupingStatus.UNGROUPABLE);
            assertThat(r.drg()).isEqualTo("0000");
            assertThat(r.mdc()).isEmpty();
            assertThat(r.adrg()).isEmpty();
            assertThat(r.reason()).isEmpty();
        }

        @Test
        void group_principalInNoMdc_isUngroupable() {
            GroupingResult r = TinyPack.group(procedures(adult("Z99.000"), "10.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.UNGROUPABLE);
            assertThat(r.drg()).isEqualTo(GroupingResult.UNGROUPABLE_DRG);
            assertThat(r.mdc()).isEmpty();
            assertThat(r.adrg()).isEmpty();
            assertThat(r.drgName()).isEmpty();
        }

        @Test
        void group_sameCaseTwice_sameResult() {
            var b = procedures(adult("C12.000", "H02.000"), "11.0100");

            assertThat(TinyPack.group(b)).isEqualTo(TinyPack.group(b));
        }

        @Test
        void group_recordId_isCarriedToTheResult() {
            assertThat(TinyPack.group(adult("C11.000").recordId("病案-42")).recordId()).isEqualTo("病案-42");
        }
    }

    /** DRG choice inside the matched ADRG: first DRG whose conditions hold, else the fallback. */
    @Nested
    final class DrgChoice {
        @Test
        void group_firstDrgHolds_choosesIt() {
            GroupingResult r = TinyPack.group(procedures(adult("C10.000").losDays(12), "10.0100"));

            assertThat(r.drg()).isEqualTo("CA11");
            assertThat(r.drgName()).isEqualTo("住院至少10天");
        }

        @Test
        void group_firstAndSecondDrgHold_choosesTheFirst() {
            GroupingResult r = TinyPack.group(procedures(adult("C10.000", "H02.000").losDays(12), "10.0100"));

            assertThat(r.drg()).isEqualTo("CA11");
        }

        @Test
        void group_onlySecondDrgHolds_choosesTheSecond() {
            GroupingResult r = TinyPack.group(procedures(adult("C10.000", "H02.000").losDays(9), "10.0100"));

            assertThat(r.drg()).isEqualTo("CA13");
            assertThat(r.cc()).isTrue();
        }

        @Test
        void group_noDrgHolds_choosesTheFallback() {
            GroupingResult r = TinyPack.group(procedures(adult("C10.000").losDays(9), "10.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.adrg()).isEqualTo("CA1");
            assertThat(r.drg()).isEqualTo("CA1");
        }
    }

    /** Ambiguity checkpoints. */
    @Nested
    final class Ambiguity {
        @Test
        void group_orProcedureAndNoEarlierAdrg_isAmbiguousInTheEnteredMdc() {
            // C12.000 is not taken by CA1 (needs 10.0100); 11.0100 is an OR procedure: the checkpoint stops.
            GroupingResult r = TinyPack.group(procedures(adult("C12.000"), "11.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.AMBIGUOUS);
            assertThat(r.mdc()).isEqualTo("MDCC");
            assertThat(r.adrg()).isEqualTo("QY");
            assertThat(r.drg()).isEqualTo("CQY");
        }

        @Test
        void group_orProcedureAfterANonOrMainProcedure_isAmbiguous() {
            GroupingResult r = TinyPack.group(procedures(adult("C12.000"), "12.0100", "11.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.AMBIGUOUS);
            assertThat(r.drg()).isEqualTo("CQY");
        }

        @Test
        void group_adrgBeforeTheCheckpointMatches_isGroupedNotAmbiguous() {
            // 10.0100 is an OR procedure too, but CA1 comes before the checkpoint.
            GroupingResult r = TinyPack.group(procedures(adult("C12.000"), "10.0100", "11.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.adrg()).isEqualTo("CA1");
        }

        @Test
        void group_noOrProcedure_passesTheCheckpointToTheNextAdrg() {
            GroupingResult r = TinyPack.group(procedures(adult("C12.000"), "12.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.adrg()).isEqualTo("CB1");
            assertThat(r.drg()).isEqualTo("CB19");
        }

        @Test
        void group_noProcedure_passesTheCheckpoint() {
            assertThat(TinyPack.group(adult("C12.000")).drg()).isEqualTo("CB19");
        }

        @Test
        void group_listedMainProcedure_isAmbiguous() {
            GroupingResult r = TinyPack.group(procedures(adult("E01.000"), "13.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.AMBIGUOUS);
            assertThat(r.mdc()).isEqualTo("MDCE");
            assertThat(r.adrg()).isEqualTo(GroupingResult.AMBIGUOUS_ADRG);
            assertThat(r.drg()).isEqualTo("EQY");
        }

        @Test
        void group_listedProcedureOnlyAfterTheMain_isNotAmbiguousForAMainProcCheckpoint() {
            GroupingResult r = TinyPack.group(procedures(adult("E01.000"), "12.0100", "13.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.drg()).isEqualTo("EA19");
        }

        @Test
        void group_ambiguousCase_keepsItsComplicationFlags() {
            GroupingResult r = TinyPack.group(procedures(adult("C12.000", "M02.000"), "11.0100"));

            assertThat(r.status()).isEqualTo(GroupingStatus.AMBIGUOUS);
            assertThat(r.mcc()).isTrue();
            assertThat(r.cc()).isFalse();
        }
    }

    /**
     * CC/MCC (MDCB, ADRG BA1: BA11 with MCC, BA13 with CC, BA15 otherwise). Exclusion tables: principal B01.000 →
     * 10, B02.000 → 20, B03.000/B04.000 none; MCC M01.000 → 10, M02.000 → 30, B04.000 → 30; CC H01.000 → 10,
     * H02.000 → 40.
     */
    @Nested
    final class Complications {
        @Test
        void group_mccInTheTableOfThePrincipal_isExcluded() {
            GroupingResult r = TinyPack.group(adult("B01.000", "M01.000"));

            assertThat(r.drg()).isEqualTo("BA15");
            assertThat(r.mcc()).isFalse();
            assertThat(r.cc()).isFalse();
        }

        @Test
        void group_mccInAnotherTable_counts() {
            GroupingResult r = TinyPack.group(adult("B01.000", "M02.000"));

            assertThat(r.drg()).isEqualTo("BA11");
            assertThat(r.mcc()).isTrue();
            assertThat(r.cc()).isFalse();
        }

        @Test
        void group_principalWithoutExclusionRow_mccCounts() {
            GroupingResult r = TinyPack.group(adult("B03.000", "M01.000"));

            assertThat(r.drg()).isEqualTo("BA11");
            assertThat(r.mcc()).isTrue();
        }

        @Test
        void group_principalInAnotherTable_mccCounts() {
            assertThat(TinyPack.group(adult("B02.000", "M01.000")).drg()).isEqualTo("BA11");
        }

        @Test
        void group_ccInTheTableOfThePrincipal_isExcluded() {
            GroupingResult r = TinyPack.group(adult("B01.000", "H01.000"));

            assertThat(r.drg()).isEqualTo("BA15");
            assertThat(r.cc()).isFalse();
        }

        @Test
        void group_ccInAnotherTable_counts() {
            GroupingResult r = TinyPack.group(adult("B01.000", "H02.000"));

            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.cc()).isTrue();
            assertThat(r.mcc()).isFalse();
        }

        @Test
        void group_principalWithoutExclusionRow_ccCounts() {
            GroupingResult r = TinyPack.group(adult("B03.000", "H01.000"));

            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.cc()).isTrue();
        }

        @Test
        void group_excludedMccAndCountingCc_givesTheCcGroup() {
            GroupingResult r = TinyPack.group(adult("B01.000", "M01.000", "H02.000"));

            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.cc()).isTrue();
            assertThat(r.mcc()).isFalse();
        }

        @Test
        void group_excludedOneFirstThenCountingOne_counts() {
            GroupingResult r = TinyPack.group(adult("B01.000", "H01.000", "M01.000", "M02.000"));

            assertThat(r.drg()).isEqualTo("BA11");
        }

        @Test
        void group_onlyOneDiagnosis_noComplicationEvenWhenThePrincipalIsAnMcc() {
            GroupingResult r = TinyPack.group(adult("B04.000"));

            assertThat(r.drg()).isEqualTo("BA15");
            assertThat(r.mcc()).isFalse();
            assertThat(r.cc()).isFalse();
        }

        @Test
        void group_principalIsAnMccAndSecondaryIsNot_noComplication() {
            GroupingResult r = TinyPack.group(adult("B04.000", "Z99.000"));

            assertThat(r.drg()).isEqualTo("BA15");
            assertThat(r.mcc()).isFalse();
        }

        @Test
        void group_mccPrincipalAsSecondaryOfAnotherPrincipal_counts() {
            GroupingResult r = TinyPack.group(adult("B03.000", "B04.000"));

            assertThat(r.drg()).isEqualTo("BA11");
            assertThat(r.mcc()).isTrue();
        }

        @Test
        void group_secondaryThatIsNeitherCcNorMcc_noComplication() {
            GroupingResult r = TinyPack.group(adult("B03.000", "Z99.000"));

            assertThat(r.drg()).isEqualTo("BA15");
            assertThat(r.cc()).isFalse();
            assertThat(r.mcc()).isFalse();
        }

        @Test
        void group_bothCcAndMcc_setsBothFlags() {
            GroupingResult r = TinyPack.group(adult("B03.000", "H02.000", "M02.000"));

            assertThat(r.drg()).isEqualTo("BA11");
            assertThat(r.cc()).isTrue();
            assertThat(r.mcc()).isTrue();
        }
    }

    /** Codes the pack does not know. */
    @Nested
    final class Warnings {
        @Test
        void group_unknownSecondaryDiagnosisAndProcedure_warnsAndGroups() {
            GroupingResult r = TinyPack.group(procedures(adult("B03.000", "X99.999"), "99.9999"));

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.drg()).isEqualTo("BA15");
            assertThat(r.warnings()).hasSize(2);
            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("X99.999"));
            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("99.9999"));
        }

        @Test
        void group_unknownSecondaryBesideACc_ccStillCounts() {
            GroupingResult r = TinyPack.group(adult("B03.000", "X99.999", "H02.000"));

            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.warnings()).singleElement().asString().contains("X99.999");
        }

        @Test
        void group_allCodesKnown_noWarning() {
            GroupingResult r = TinyPack.group(procedures(adult("B03.000", "H02.000"), "09.0100"));

            assertThat(r.warnings()).isEmpty();
            assertThat(r.unmapped()).isEmpty();
        }
    }

    /**
     * Clinical-edition codes mapped through the dictionary's map tables: a code in the map is replaced by its
     * target, a code already in the insurance dictionary stays, any other code is reported as unmapped and kept.
     */
    @Nested
    final class CodeMapping {
        private final GroupingOptions mapped = new GroupingOptions(false, true);

        @Test
        void group_mappedPrincipalAndSecondary_groupsOnTheTargetCodes() {
            // B02.000x001 → B02.000 (table 20), H02.000x002 → H02.000 (CC of table 40): a CC.
            GroupingResult r = TinyPack.group(adult("B02.000x001", "H02.000x002"), mapped);

            assertThat(r.status()).isEqualTo(GroupingStatus.GROUPED);
            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.unmapped()).isEmpty();
            assertThat(r.warnings()).isEmpty();
        }

        @Test
        void group_clinicalPrincipalWithoutMapping_isInvalid() {
            GroupingResult r = TinyPack.group(adult("B02.000x001", "H02.000x002"));

            assertThat(r.status()).isEqualTo(GroupingStatus.INVALID);
            assertThat(r.reason()).contains("principal_dx").contains("B02.000x001");
        }

        @Test
        void group_codeInNeitherMapNorDictionary_isReportedAndKept() {
            // H03.000x003 has no map row and no dictionary entry, but is a CC of table 40 in cc.tsv: kept as
            // written, it still counts.
            GroupingResult r = TinyPack.group(adult("B01.000", "H03.000x003"), mapped);

            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.cc()).isTrue();
            assertThat(r.unmapped()).containsExactly("H03.000x003");
            assertThat(r.warnings()).singleElement().asString().contains("H03.000x003");
        }

        @Test
        void group_unmappableCodeWithoutMapping_isNotReported() {
            GroupingResult r = TinyPack.group(adult("B01.000", "H03.000x003"));

            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.unmapped()).isEmpty();
            assertThat(r.warnings()).isEmpty();
        }

        @Test
        void group_insuranceCodesWithoutMapRow_stayAndAreNotReported() {
            // H02.000, Z99.000 and 09.0100 are in the tiny dictionary but not in the maps.
            GroupingResult r = TinyPack.group(procedures(adult("B01.000", "H02.000", "Z99.000"), "09.0100"), mapped);

            assertThat(r.drg()).isEqualTo("BA13");
            assertThat(r.unmapped()).isEmpty();
            assertThat(r.warnings()).isEmpty();
        }

        @Test
        void group_mappedProcedure_groupsOnTheTargetCode() {
            GroupingResult r = TinyPack.group(procedures(adult("C10.000"), "10.0100x001"), mapped);

            assertThat(r.mdc()).isEqualTo("MDCC");
            assertThat(r.adrg()).isEqualTo("CA1");
            assertThat(r.unmapped()).isEmpty();
        }

        @Test
        void group_procedureInNeitherMapNorDictionary_isReportedAndKept() {
            // 10.0200 is only in the code list CA1.ss.
            GroupingResult r = TinyPack.group(procedures(adult("C10.000"), "10.0200"), mapped);

            assertThat(r.adrg()).isEqualTo("CA1");
            assertThat(r.unmapped()).containsExactly("10.0200");
        }

        @Test
        void group_mappingOff_clinicalProcedureIsUnknown() {
            GroupingResult r = TinyPack.group(procedures(adult("C10.000"), "10.0100x001"));

            assertThat(r.mdc()).isEqualTo("MDCD");
            assertThat(r.unmapped()).isEmpty();
            assertThat(r.warnings()).singleElement().asString().contains("10.0100x001");
        }
    }
}
