package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hqd.evaluation.Fixtures.CATALOGUE;
import static org.hqd.evaluation.Fixtures.hospital;
import static org.hqd.evaluation.Measure.CASES;
import static org.hqd.evaluation.Measure.DRG_COUNT;
import static org.hqd.evaluation.Measure.LOS_DAYS;
import static org.hqd.hospital.HospitalTier.CITY_TERTIARY;
import static org.hqd.hospital.HospitalTier.COUNTY;
import static org.hqd.hospital.HospitalTier.NATIONAL_CENTER;
import static org.hqd.hospital.HospitalTier.NATIONAL_REGIONAL;
import static org.hqd.hospital.HospitalTier.PROVINCIAL_REGIONAL;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.hospital.Hospital;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which hospitals an indicator set applies to, and what the evaluation does with the others. */
final class ApplicabilityTest {
    private static final String MEMBERS = "national_no\tindicator\tname\tdimension\tgroup\tmonitored\n"
            + "\tvolume\n\tmortality\n\tstay\n\temr\n\tsatisfaction";
    private static final IndicatorSet TERTIARY_ONLY = IndicatorSet.parse("# id: hqd\n# name: 三级测试集\n"
            + "# applies_to: NATIONAL_CENTER, CITY_TERTIARY\n# scope: 三级医院\n" + MEMBERS, "t.tsv", CATALOGUE);

    @Nested
    final class Rule {
        @Test
        void parse_noTiers_appliesToEveryHospitalWithOrWithoutATier() {
            IndicatorSet s = IndicatorSet.parse("# id: regional\n" + MEMBERS, "r.tsv", CATALOGUE);

            assertThat(s.applicability().universal()).isTrue();
            assertThat(s.applicability().appliesTo(Optional.of(COUNTY))).isTrue();
            assertThat(s.applicability().appliesTo(Optional.empty())).isTrue();
            assertThat(s.applicability().note(3, 0)).isEmpty();
        }

        @Test
        void parse_namedTiers_appliesToThoseOnly_notToAHospitalWithoutATier() {
            Applicability a = TERTIARY_ONLY.applicability();

            assertThat(a.tiers()).containsExactlyInAnyOrder(NATIONAL_CENTER, CITY_TERTIARY);
            assertThat(a.appliesTo(Optional.of(CITY_TERTIARY))).isTrue();
            assertThat(a.appliesTo(Optional.of(NATIONAL_CENTER))).isTrue();
            assertThat(a.appliesTo(Optional.of(PROVINCIAL_REGIONAL))).isFalse();
            assertThat(a.appliesTo(Optional.of(COUNTY))).isFalse();
            assertThat(a.appliesTo(Optional.empty())).isFalse();
        }

        @Test
        void parse_noScopeLabel_namesTheTiersInRegisterOrder() {
            Applicability a = Applicability.parse("CITY_TERTIARY、national_center", "", "x.tsv");

            assertThat(a.label()).isEqualTo("国家医学中心、城市三级医院");
        }

        @Test
        void parse_unknownTier_namesTheFileAndTheTier() {
            assertThatThrownBy(() -> Applicability.parse("CITY_TERTIARY, TOWNSHIP", "", "x.tsv"))
                    .isInstanceOf(HqdException.class).hasMessageContaining("x.tsv").hasMessageContaining("TOWNSHIP");
        }

        @Test
        void note_saysTheScopeAndHowManyWereLeftOut() {
            Applicability a = TERTIARY_ONLY.applicability();

            assertThat(a.note(2, 3)).hasValue("本指标体系适用于三级医院；不适用的 3 家医院未参评");
            assertThat(a.note(0, 3)).hasValue("本指标体系适用于三级医院；所选范围内没有适用的医院，不适用的 3 家医院未参评");
            assertThat(a.note(5, 0)).isEmpty();
        }

        @Test
        void bundledNationalSets_tertiaryTheFourTertiaryTiers_secondaryTheCountyOnes_othersAll() {
            IndicatorSets sets = IndicatorSets.standard();

            assertThat(sets.require("national-tertiary").applicability().tiers())
                    .isEqualTo(EnumSet.of(NATIONAL_CENTER, NATIONAL_REGIONAL, PROVINCIAL_REGIONAL, CITY_TERTIARY));
            assertThat(sets.require("national-tertiary").applicability().label()).isEqualTo("三级医院");
            assertThat(sets.require("national-secondary").applicability().tiers()).isEqualTo(EnumSet.of(COUNTY));
            assertThat(sets.require("hqd").applicability().universal()).isTrue();
            assertThat(sets.require("hqd-2022").applicability().universal()).isTrue();
            assertThat(sets.applicableTo(Optional.of(COUNTY)).stream().map(IndicatorSet::id))
                    .containsExactly("hqd", "national-secondary", "hqd-2022");
            assertThat(sets.applicableTo(Optional.empty()).stream().map(IndicatorSet::id))
                    .containsExactly("hqd", "hqd-2022");
        }
    }

    @Nested
    final class Evaluating {
        /** H1 CITY_TERTIARY, H2 and H3 COUNTY, H4 NATIONAL_CENTER, H5 without a tier. */
        private final List<HospitalMeasures> province = List.of(
                hospital("H1", CITY_TERTIARY, DRG_COUNT, 210, CASES, 100, LOS_DAYS, 700),
                hospital("H2", COUNTY, DRG_COUNT, 120, CASES, 100, LOS_DAYS, 800),
                hospital("H3", COUNTY, DRG_COUNT, 90, CASES, 50, LOS_DAYS, 450),
                hospital("H4", NATIONAL_CENTER, DRG_COUNT, 300, CASES, 200, LOS_DAYS, 1800),
                hospital("H5", null, DRG_COUNT, 150, CASES, 100, LOS_DAYS, 700));

        private Evaluation evaluate(IndicatorSet set) {
            return new Evaluator(set, Fixtures.TARGETS, Weights.equal(), 0.1)
                    .evaluate(EvaluationPeriod.parse("2024"), province, true);
        }

        @Test
        void evaluate_scopedSet_ratesOnlyTheHospitalsOfItsTiers_andListsTheOthers() {
            Evaluation e = evaluate(TERTIARY_ONLY);

            assertThat(e.rows().stream().map(EvaluationRow::hospitalId).distinct()).containsExactly("H4", "H1");
            assertThat(e.scores().stream().map(DimensionScore::hospitalId).distinct()).containsExactly("H4", "H1");
            assertThat(e.evaluated()).isEqualTo(2);
            assertThat(e.notApplicable().stream().map(Hospital::id)).containsExactly("H2", "H3", "H5");
            assertThat(e.scopeNote()).hasValue("本指标体系适用于三级医院；不适用的 3 家医院未参评");
            assertThat(e.outsideScope("H2")).hasValue(
                    "医院H2（县级医院）不在「三级测试集」的适用范围（三级医院）内，未参评");
            assertThat(e.outsideScope("H5")).hasValueSatisfying(m -> assertThat(m).startsWith("医院H5（未登记层级）"));
            assertThat(e.outsideScope("H1")).isEmpty();
        }

        @Test
        void evaluate_setWithoutScope_ratesEveryHospital() {
            Evaluation e = evaluate(Fixtures.SET);

            assertThat(e.rows().stream().map(EvaluationRow::hospitalId).distinct()).hasSize(5);
            assertThat(e.notApplicable()).isEmpty();
            assertThat(e.scopeNote()).isEmpty();
        }

        @Test
        void evaluate_scopedSet_peerRanksAreAmongTheApplicableHospitalsOnly() {
            // stay: H1 7.0 (CITY_TERTIARY alone in its peer group), H4 9.0 (NATIONAL_CENTER alone)
            Evaluation e = evaluate(TERTIARY_ONLY);
            EvaluationRow h1 = e.rows().stream().filter(r -> r.hospitalId().equals("H1")
                    && r.indicator().id().equals("stay")).findFirst().orElseThrow();

            assertThat(h1.peers()).isEqualTo(1);
            assertThat(h1.value()).hasValue(7.0);
        }
    }
}
