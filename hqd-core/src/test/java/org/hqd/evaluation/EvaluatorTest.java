package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hqd.evaluation.Fixtures.CATALOGUE;
import static org.hqd.evaluation.Fixtures.SET;
import static org.hqd.evaluation.Fixtures.TARGETS;
import static org.hqd.evaluation.Fixtures.hospital;
import static org.hqd.evaluation.Fixtures.indicator;
import static org.hqd.evaluation.Measure.CASES;
import static org.hqd.evaluation.Measure.DEATHS;
import static org.hqd.evaluation.Measure.DRG_COUNT;
import static org.hqd.evaluation.Measure.EMR_LEVEL;
import static org.hqd.evaluation.Measure.LOS_DAYS;
import static org.hqd.evaluation.Measure.PATIENT_SATISFACTION;
import static org.hqd.evaluation.Status.MET;
import static org.hqd.evaluation.Status.NOT_MET;
import static org.hqd.evaluation.Status.NO_DATA;
import static org.hqd.evaluation.Status.WARNING;
import static org.hqd.hospital.HospitalTier.CITY_TERTIARY;
import static org.hqd.hospital.HospitalTier.COUNTY;
import static org.hqd.hospital.HospitalType.GENERAL;
import static org.hqd.hospital.HospitalType.TCM;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

/**
 * A hand-made province (targets of {@link Fixtures#TARGETS}: volume COUNTY ≥ 100 / CITY_TERTIARY ≥ 200, mortality
 * ≤ 0.05, stay &lt; 8, emr &gt; 4; satisfaction untargeted). With margin 0.10 the warning bands are
 * volume [90, 100) and [180, 200), mortality (0.05, 0.055], stay [8, 8.8], emr [3.6, 4].
 *
 * <pre>
 * hospital tier     volume  mortality        stay             emr   satisfaction
 * H1       COUNTY   100     5/100  = 0.05    800/100  = 8.0   4     90
 * H2       COUNTY   95      5/50   = 0.1     350/50   = 7.0   5     -
 * H3       COUNTY   100     -/40   = none    360/40   = 9.0   3     80
 * H4       CITY     210     0/200  = 0.0     1800/200 = 9.0   6     95
 * H5       CITY     179     26/500 = 0.052   3750/500 = 7.5   5     -
 * H6       (none)   150     1/100  = 0.01    700/100  = 7.0   -     70
 * </pre>
 */
final class EvaluatorTest {
    private static final EvaluationPeriod PERIOD = EvaluationPeriod.parse("2024");
    /** The province of the table above (also {@link TierFiguresTest}'s). */
    static final List<HospitalMeasures> PROVINCE = List.of(
            hospital("H1", COUNTY, DRG_COUNT, 100, DEATHS, 5, CASES, 100, LOS_DAYS, 800, EMR_LEVEL, 4,
                    PATIENT_SATISFACTION, 90),
            hospital("H2", COUNTY, DRG_COUNT, 95, DEATHS, 5, CASES, 50, LOS_DAYS, 350, EMR_LEVEL, 5),
            hospital("H3", COUNTY, DRG_COUNT, 100, CASES, 40, LOS_DAYS, 360, EMR_LEVEL, 3,
                    PATIENT_SATISFACTION, 80),
            hospital("H4", CITY_TERTIARY, DRG_COUNT, 210, DEATHS, 0, CASES, 200, LOS_DAYS, 1800, EMR_LEVEL, 6,
                    PATIENT_SATISFACTION, 95),
            hospital("H5", CITY_TERTIARY, DRG_COUNT, 179, DEATHS, 26, CASES, 500, LOS_DAYS, 3750, EMR_LEVEL, 5),
            hospital("H6", null, DRG_COUNT, 150, DEATHS, 1, CASES, 100, LOS_DAYS, 700, PATIENT_SATISFACTION, 70));

    private static Evaluator evaluator(double margin) {
        return new Evaluator(SET, TARGETS, Weights.equal(), margin);
    }

    private static Evaluation evaluate(double margin, boolean all) {
        return evaluator(margin).evaluate(PERIOD, PROVINCE, all);
    }

    private static EvaluationRow row(Evaluation e, String hospital, String indicator) {
        return e.rows().stream().filter(r -> r.hospitalId().equals(hospital) && r.indicator().id().equals(indicator))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + hospital + " " + indicator));
    }

    private static Optional<EvaluationRow> findRow(Evaluation e, String hospital, String indicator) {
        return e.rows().stream().filter(r -> r.hospitalId().equals(hospital) && r.indicator().id().equals(indicator))
                .findFirst();
    }

    private static Status status(Evaluation e, String hospital, String indicator) {
        return row(e, hospital, indicator).status().orElseThrow();
    }

    private static Target target(Comparison c, double value) {
        return new Target("volume", Optional.empty(), c, value, OptionalInt.empty(), "test");
    }

    private static DimensionScore score(Evaluation e, String hospital, Dimension d) {
        return e.scores().stream().filter(s -> s.hospitalId().equals(hospital) && s.dimension()
                .equals(Optional.ofNullable(d))).findFirst().orElseThrow();
    }

    // ---- status of one value: boundaries and margins

    @Test
    void status_atTheTarget_metForInclusiveComparisonsWarningForStrictOnes() {
        Evaluator e = evaluator(0.10);

        assertThat(e.status(OptionalDouble.of(10), target(Comparison.GE, 10))).isEqualTo(MET);
        assertThat(e.status(OptionalDouble.of(10), target(Comparison.LE, 10))).isEqualTo(MET);
        // not met, and 0 away from the target: within the margin
        assertThat(e.status(OptionalDouble.of(10), target(Comparison.GT, 10))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(10), target(Comparison.LT, 10))).isEqualTo(WARNING);
    }

    @Test
    void status_atTheTargetWithZeroMargin_strictComparisonsAreNotMet() {
        Evaluator e = evaluator(0); // margin 0: no warnings at all

        assertThat(e.status(OptionalDouble.of(10), target(Comparison.GT, 10))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(10), target(Comparison.LT, 10))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(9.99), target(Comparison.GE, 10))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(10.01), target(Comparison.LE, 10))).isEqualTo(NOT_MET);
    }

    @Test
    void status_defaultMargin_warningInsideTenPercentNotMetJustOutside() {
        Evaluator e = evaluator(Evaluator.DEFAULT_MARGIN);
        // tolerance 0.10 × 10 = 1: floor band [9, 10), ceiling band (10, 11]

        assertThat(e.status(OptionalDouble.of(9.5), target(Comparison.GE, 10))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(9.0), target(Comparison.GE, 10))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(8.99), target(Comparison.GE, 10))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(9.0), target(Comparison.GT, 10))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(8.99), target(Comparison.GT, 10))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(11.0), target(Comparison.LE, 10))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(11.01), target(Comparison.LE, 10))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(11.0), target(Comparison.LT, 10))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(11.01), target(Comparison.LT, 10))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(12), target(Comparison.GE, 10))).isEqualTo(MET);
        assertThat(e.status(OptionalDouble.of(8), target(Comparison.LT, 10))).isEqualTo(MET);
    }

    @Test
    void status_customMargin_quarter() {
        Evaluator e = evaluator(0.25);
        // tolerance 0.25 × 2 = 0.5: floor band [1.5, 2), ceiling band (2, 2.5]

        assertThat(e.status(OptionalDouble.of(1.5), target(Comparison.GE, 2))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(1.49), target(Comparison.GE, 2))).isEqualTo(NOT_MET);
        assertThat(e.status(OptionalDouble.of(2.5), target(Comparison.LT, 2))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(2.51), target(Comparison.LT, 2))).isEqualTo(NOT_MET);
    }

    @Test
    void status_negativeTarget_marginIsOfTheAbsoluteTarget() {
        Evaluator e = evaluator(0.10);
        // tolerance 0.10 × |-10| = 1: floor band [-11, -10)

        assertThat(e.status(OptionalDouble.of(-10.5), target(Comparison.GE, -10))).isEqualTo(WARNING);
        assertThat(e.status(OptionalDouble.of(-11.5), target(Comparison.GE, -10))).isEqualTo(NOT_MET);
    }

    @Test
    void status_noValue_isNoData() {
        assertThat(evaluator(0.10).status(OptionalDouble.empty(), target(Comparison.GE, 10))).isEqualTo(NO_DATA);
    }

    @Test
    void constructor_negativeOrNanMargin_isHqdException() {
        assertThatThrownBy(() -> evaluator(-0.01)).isInstanceOf(HqdException.class);
        assertThatThrownBy(() -> evaluator(Double.NaN)).isInstanceOf(HqdException.class);
    }

    // ---- the province

    @Test
    void evaluate_rowsOrderedByTierThenIdWithTargetedIndicatorsOnly() {
        Evaluation e = evaluate(0.10, false);

        // CITY_TERTIARY before COUNTY (tier order), untiered last; H6 has no volume target (no '*' row)
        assertThat(e.rows()).extracting(r -> r.hospitalId() + ":" + r.indicator().id()).containsExactly(
                "H4:volume", "H4:mortality", "H4:stay", "H4:emr",
                "H5:volume", "H5:mortality", "H5:stay", "H5:emr",
                "H1:volume", "H1:mortality", "H1:stay", "H1:emr",
                "H2:volume", "H2:mortality", "H2:stay", "H2:emr",
                "H3:volume", "H3:mortality", "H3:stay", "H3:emr",
                "H6:mortality", "H6:stay", "H6:emr");
        assertThat(e.period()).isEqualTo(PERIOD);
        assertThat(e.targets()).isSameAs(TARGETS);
        assertThat(e.margin()).isEqualTo(0.10);
    }

    @Test
    void evaluate_rowsCarryHospitalFactsAndTheApplicableTarget() {
        EvaluationRow r = row(evaluate(0.10, false), "H4", "volume");

        assertThat(r.hospitalName()).isEqualTo("医院H4");
        assertThat(r.tier()).contains(CITY_TERTIARY);
        assertThat(r.target().orElseThrow().value()).isEqualTo(200.0);
        assertThat(r.target().orElseThrow().source()).isEqualTo("test.txt:2");
        assertThat(row(evaluate(0.10, false), "H1", "volume").target().orElseThrow().value()).isEqualTo(100.0);
    }

    @Test
    void evaluate_values() {
        Evaluation e = evaluate(0.10, false);

        assertThat(row(e, "H1", "mortality").value()).hasValue(0.05);  // 5 / 100
        assertThat(row(e, "H2", "mortality").value()).hasValue(0.1);   // 5 / 50
        assertThat(row(e, "H5", "mortality").value()).hasValue(0.052); // 26 / 500
        assertThat(row(e, "H4", "mortality").value()).hasValue(0.0);   // 0 / 200
        assertThat(row(e, "H3", "stay").value()).hasValue(9.0);        // 360 / 40
        assertThat(row(e, "H5", "stay").value()).hasValue(7.5);        // 3750 / 500
    }

    @Test
    void evaluate_statusesAtBoundariesAndInsideAndOutsideTheMargin() {
        Evaluation e = evaluate(0.10, false);

        assertThat(status(e, "H1", "volume")).isEqualTo(MET);        // GE at the target 100
        assertThat(status(e, "H1", "mortality")).isEqualTo(MET);     // LE at the target 0.05
        assertThat(status(e, "H1", "stay")).isEqualTo(WARNING);      // LT at the target 8: not met, 0 away
        assertThat(status(e, "H1", "emr")).isEqualTo(WARNING);       // GT at the target 4: not met, 0 away
        assertThat(status(e, "H2", "volume")).isEqualTo(WARNING);    // 95 in [90, 100)
        assertThat(status(e, "H2", "mortality")).isEqualTo(NOT_MET); // 0.1 > 0.055
        assertThat(status(e, "H2", "stay")).isEqualTo(MET);          // 7 < 8
        assertThat(status(e, "H2", "emr")).isEqualTo(MET);           // 5 > 4
        assertThat(status(e, "H3", "volume")).isEqualTo(MET);
        assertThat(status(e, "H3", "mortality")).isEqualTo(NO_DATA); // deaths missing
        assertThat(status(e, "H3", "stay")).isEqualTo(NOT_MET);      // 9 > 8.8
        assertThat(status(e, "H3", "emr")).isEqualTo(NOT_MET);       // 3 < 3.6
        assertThat(status(e, "H4", "volume")).isEqualTo(MET);        // 210 ≥ 200
        assertThat(status(e, "H4", "mortality")).isEqualTo(MET);     // 0 ≤ 0.05
        assertThat(status(e, "H4", "stay")).isEqualTo(NOT_MET);      // 9 > 8.8
        assertThat(status(e, "H5", "volume")).isEqualTo(NOT_MET);    // 179 < 180
        assertThat(status(e, "H5", "mortality")).isEqualTo(WARNING); // 0.052 in (0.05, 0.055]
        assertThat(status(e, "H6", "mortality")).isEqualTo(MET);     // untiered: the '*' target
        assertThat(status(e, "H6", "emr")).isEqualTo(NO_DATA);       // emr_level missing
    }

    @Test
    void evaluate_customMargin_widensTheWarningBand() {
        Evaluation e = evaluate(0.25, false);
        // bands: volume CITY [150, 200), stay [8, 10], emr [3, 4], mortality (0.05, 0.0625]

        assertThat(status(e, "H5", "volume")).isEqualTo(WARNING);    // 179 ≥ 150
        assertThat(status(e, "H3", "stay")).isEqualTo(WARNING);      // 9 ≤ 10
        assertThat(status(e, "H3", "emr")).isEqualTo(WARNING);       // 3 ≥ 3, the edge of the band
        assertThat(status(e, "H2", "mortality")).isEqualTo(NOT_MET); // 0.1 > 0.0625
        assertThat(e.margin()).isEqualTo(0.25);
    }

    @Test
    void evaluate_zeroMargin_everythingNotMetIsNotMet() {
        Evaluation e = evaluate(0, false);

        assertThat(status(e, "H2", "volume")).isEqualTo(NOT_MET);    // 95 < 100
        assertThat(status(e, "H5", "mortality")).isEqualTo(NOT_MET); // 0.052 > 0.05
        assertThat(status(e, "H1", "stay")).isEqualTo(NOT_MET);      // LT exactly at 8: no warnings at margin 0
    }

    @Test
    void evaluate_gapIsValueMinusTarget() {
        Evaluation e = evaluate(0.10, false);

        assertThat(row(e, "H1", "volume").gap()).hasValue(0.0);     // 100 − 100
        assertThat(row(e, "H2", "volume").gap()).hasValue(-5.0);    // 95 − 100: below a floor is negative
        assertThat(row(e, "H4", "volume").gap()).hasValue(10.0);    // 210 − 200
        assertThat(row(e, "H5", "volume").gap()).hasValue(-21.0);   // 179 − 200
        assertThat(row(e, "H3", "stay").gap()).hasValue(1.0);       // 9 − 8: above a ceiling is positive
        assertThat(row(e, "H2", "stay").gap()).hasValue(-1.0);      // 7 − 8
        assertThat(row(e, "H2", "mortality").gap().getAsDouble()).isCloseTo(0.05, within(1e-15)); // 0.1 − 0.05
        assertThat(row(e, "H3", "mortality").gap()).isEmpty();      // no value
    }

    @Test
    void evaluate_ranksHigherBetterWithCompetitionTies() {
        Evaluation e = evaluate(0.10, false);

        // COUNTY volume: H1 100, H3 100, H2 95 → 1, 1, 3
        assertThat(row(e, "H1", "volume").rankInPeers()).hasValue(1);
        assertThat(row(e, "H3", "volume").rankInPeers()).hasValue(1);
        assertThat(row(e, "H2", "volume").rankInPeers()).hasValue(3);
        assertThat(row(e, "H1", "volume").peers()).isEqualTo(3);
        // CITY volume ranked apart from COUNTY: H4 210 → 1, H5 179 → 2
        assertThat(row(e, "H4", "volume").rankInPeers()).hasValue(1);
        assertThat(row(e, "H5", "volume").rankInPeers()).hasValue(2);
        assertThat(row(e, "H5", "volume").peers()).isEqualTo(2);
        // COUNTY emr: H2 5 → 1, H1 4 → 2, H3 3 → 3
        assertThat(row(e, "H2", "emr").rankInPeers()).hasValue(1);
        assertThat(row(e, "H1", "emr").rankInPeers()).hasValue(2);
        assertThat(row(e, "H3", "emr").rankInPeers()).hasValue(3);
    }

    @Test
    void evaluate_ranksLowerBetterLowestFirst() {
        Evaluation e = evaluate(0.10, false);

        // COUNTY stay: H2 7 → 1, H1 8 → 2, H3 9 → 3
        assertThat(row(e, "H2", "stay").rankInPeers()).hasValue(1);
        assertThat(row(e, "H1", "stay").rankInPeers()).hasValue(2);
        assertThat(row(e, "H3", "stay").rankInPeers()).hasValue(3);
        // CITY mortality: H4 0.0 → 1, H5 0.052 → 2
        assertThat(row(e, "H4", "mortality").rankInPeers()).hasValue(1);
        assertThat(row(e, "H5", "mortality").rankInPeers()).hasValue(2);
        // CITY stay: H5 7.5 → 1, H4 9 → 2
        assertThat(row(e, "H5", "stay").rankInPeers()).hasValue(1);
        assertThat(row(e, "H4", "stay").rankInPeers()).hasValue(2);
    }

    @Test
    void evaluate_noDataIsNotRankedAndNotCountedInTierSize() {
        Evaluation e = evaluate(0.10, false);

        // COUNTY mortality: H1 0.05 → 1, H2 0.1 → 2, H3 no data; 2 with a value
        assertThat(row(e, "H1", "mortality").rankInPeers()).hasValue(1);
        assertThat(row(e, "H2", "mortality").rankInPeers()).hasValue(2);
        assertThat(row(e, "H3", "mortality").rankInPeers()).isEmpty();
        assertThat(row(e, "H1", "mortality").peers()).isEqualTo(2);
        assertThat(row(e, "H3", "mortality").peers()).isEqualTo(2);
        assertThat(row(e, "H1", "stay").peers()).isEqualTo(3);
        // the untiered hospitals form their own group
        assertThat(row(e, "H6", "mortality").rankInPeers()).hasValue(1);
        assertThat(row(e, "H6", "mortality").peers()).isEqualTo(1);
        assertThat(row(e, "H6", "emr").rankInPeers()).isEmpty();
        assertThat(row(e, "H6", "emr").peers()).isZero();
    }

    @Test
    void evaluate_divisionByZero_isNoDataWithoutGapOrRank() {
        Evaluation e = evaluator(0.10).evaluate(PERIOD, List.of(
                hospital("Z", COUNTY, DRG_COUNT, 100, DEATHS, 0, CASES, 0, LOS_DAYS, 0, EMR_LEVEL, 4)), false);

        EvaluationRow mortality = row(e, "Z", "mortality");
        assertThat(mortality.value()).isEmpty();
        assertThat(mortality.status()).contains(NO_DATA);
        assertThat(mortality.gap()).isEmpty();
        assertThat(mortality.rankInPeers()).isEmpty();
        assertThat(mortality.peers()).isZero();
        assertThat(row(e, "Z", "stay").status()).contains(NO_DATA);
    }

    @Test
    void evaluate_allIndicatorsFalse_omitsIndicatorsWithoutTarget() {
        Evaluation e = evaluate(0.10, false);

        assertThat(e.rows()).noneMatch(r -> r.indicator().id().equals("satisfaction"));
        assertThat(findRow(e, "H6", "volume")).isEmpty();
        assertThat(e.rows()).allSatisfy(r -> assertThat(r.target()).isPresent());
    }

    @Test
    void evaluate_allIndicatorsTrue_includesThemWithEmptyStatusButRanked() {
        Evaluation e = evaluate(0.10, true);

        assertThat(e.rows()).hasSize(30); // 6 hospitals × 5 indicators
        EvaluationRow h1 = row(e, "H1", "satisfaction");
        assertThat(h1.value()).hasValue(90.0);
        assertThat(h1.target()).isEmpty();
        assertThat(h1.status()).isEmpty();
        assertThat(h1.gap()).isEmpty();
        // COUNTY satisfaction: H1 90 → 1, H3 80 → 2, H2 none; 2 with a value
        assertThat(h1.rankInPeers()).hasValue(1);
        assertThat(h1.peers()).isEqualTo(2);
        assertThat(row(e, "H3", "satisfaction").rankInPeers()).hasValue(2);
        assertThat(row(e, "H2", "satisfaction").rankInPeers()).isEmpty();
        assertThat(row(e, "H2", "satisfaction").status()).isEmpty(); // no target: no status, not NO_DATA
        // the untiered hospital's volume: no target for it, still valued and ranked in its group
        EvaluationRow h6 = row(e, "H6", "volume");
        assertThat(h6.value()).hasValue(150.0);
        assertThat(h6.status()).isEmpty();
        assertThat(h6.rankInPeers()).hasValue(1);
        assertThat(h6.peers()).isEqualTo(1);
        // the targeted rows are the same as without allIndicators
        assertThat(status(e, "H2", "volume")).isEqualTo(WARNING);
        assertThat(row(e, "H2", "volume").rankInPeers()).hasValue(3);
    }

    @Test
    void evaluate_allIndicators_doesNotChangeTheScores() {
        assertThat(evaluate(0.10, true).scores()).isEqualTo(evaluate(0.10, false).scores());
    }

    @Test
    void evaluate_targetsOfThePeriodsLastYear() {
        TargetSet dated = TargetSet.parse(String.join("\n",
                "# id: dated",
                "indicator\ttier\tcomparison\ttarget\tyear\tsource",
                "volume\tCOUNTY\tGE\t100\t2024\tt:1",
                "volume\tCOUNTY\tGE\t120\t2025\tt:2"), "dated.tsv", CATALOGUE);
        Evaluator ev = new Evaluator(SET, dated, Weights.equal(), 0.10);
        List<HospitalMeasures> one = List.of(hospital("H", COUNTY, DRG_COUNT, 110));

        // 2024: 110 ≥ 100 met; 2025 and a range ending in 2025: 110 in [108, 120) warning
        assertThat(ev.evaluate(EvaluationPeriod.parse("2024"), one, false).rows().get(0).status()).contains(MET);
        assertThat(ev.evaluate(EvaluationPeriod.parse("2025-02"), one, false).rows().get(0).status())
                .contains(WARNING);
        EvaluationRow range = ev.evaluate(EvaluationPeriod.parse("2024-11..2025-02"), one, false).rows().get(0);
        assertThat(range.target().orElseThrow().value()).isEqualTo(120.0);
        assertThat(range.gap()).hasValue(-10.0);
    }

    // ---- composite scores

    /*
     * Weights: volume 3 (others 1) within 医疗质量; dimensions 医疗质量 2, 运营效率 1, 持续发展 0.5, 满意度评价 1.
     * Attainment: met → 100; floor 100·v/t; ceiling 100·t/v.
     *
     * S1 COUNTY volume 80 → 80; mortality 8/100 = 0.08 → 100·0.05/0.08 = 62.5; stay 1000/100 = 10 → 100·8/10 = 80;
     *    emr 5 met → 100.  Quality (3·80 + 62.5)/4 = 75.625; efficiency 80; development 100;
     *    overall (2·75.625 + 80 + 0.5·100)/3.5 = 281.25/3.5 = 80.357142857…
     * S2 COUNTY volume 150 met; mortality 0.02 met; stay 6 met; emr 2 → 50.
     *    Quality 100; efficiency 100; development 50; overall (200 + 100 + 25)/3.5 = 92.857142857…
     * S3 COUNTY no drg_count, no emr; mortality 10/100 = 0.1 → 50; stay 10 → 80.
     *    Quality 50 (1 indicator); efficiency 80; development none; overall (2·50 + 80)/3 = 60
     * S5 COUNTY no measures: every score empty.
     * S6 CITY volume 100 vs 200 → 50; mortality 0.05 met; stay 7 met; emr 5 met.
     *    Quality (3·50 + 100)/4 = 62.5; overall (125 + 100 + 50)/3.5 = 78.571428571…
     * S4 untiered: mortality 0.05, stay 7, emr 6 all met (no volume target) → 100 everywhere it has indicators.
     * Satisfaction has no target: every satisfaction score is empty.
     */
    private static final List<HospitalMeasures> SCORED = List.of(
            hospital("S1", COUNTY, DRG_COUNT, 80, DEATHS, 8, CASES, 100, LOS_DAYS, 1000, EMR_LEVEL, 5),
            hospital("S2", COUNTY, DRG_COUNT, 150, DEATHS, 2, CASES, 100, LOS_DAYS, 600, EMR_LEVEL, 2),
            hospital("S3", COUNTY, DEATHS, 10, CASES, 100, LOS_DAYS, 1000, PATIENT_SATISFACTION, 99),
            hospital("S4", null, DEATHS, 5, CASES, 100, LOS_DAYS, 700, EMR_LEVEL, 6),
            hospital("S5", COUNTY),
            hospital("S6", CITY_TERTIARY, DRG_COUNT, 100, DEATHS, 5, CASES, 100, LOS_DAYS, 700, EMR_LEVEL, 5));
    private static final Weights WEIGHTS = Weights.parse("key\tweight\nvolume\t3\n医疗质量\t2\n持续发展\t0.5\n",
            "test-weights.tsv");

    private static Evaluation scored() {
        return new Evaluator(SET, TARGETS, WEIGHTS, 0.10).evaluate(PERIOD, SCORED, false);
    }

    @Test
    void scores_weightedAttainmentPerDimension() {
        Evaluation e = scored();

        assertThat(score(e, "S1", Dimension.QUALITY).score().getAsDouble()).isCloseTo(75.625, within(1e-9));
        assertThat(score(e, "S1", Dimension.QUALITY).indicators()).isEqualTo(2);
        assertThat(score(e, "S1", Dimension.EFFICIENCY).score().getAsDouble()).isCloseTo(80, within(1e-9));
        assertThat(score(e, "S1", Dimension.DEVELOPMENT).score()).hasValue(100.0);
        assertThat(score(e, "S2", Dimension.QUALITY).score()).hasValue(100.0);
        assertThat(score(e, "S2", Dimension.DEVELOPMENT).score().getAsDouble()).isCloseTo(50, within(1e-9));
        assertThat(score(e, "S3", Dimension.QUALITY).score().getAsDouble()).isCloseTo(50, within(1e-9));
        assertThat(score(e, "S3", Dimension.QUALITY).indicators()).isEqualTo(1);
        assertThat(score(e, "S6", Dimension.QUALITY).score().getAsDouble()).isCloseTo(62.5, within(1e-9));
        assertThat(score(e, "S4", Dimension.QUALITY).score()).hasValue(100.0);
        assertThat(score(e, "S4", Dimension.QUALITY).indicators()).isEqualTo(1);
    }

    @Test
    void scores_dimensionWithoutTargetedValues_isEmpty() {
        Evaluation e = scored();

        assertThat(score(e, "S3", Dimension.DEVELOPMENT).score()).isEmpty();
        assertThat(score(e, "S3", Dimension.DEVELOPMENT).indicators()).isZero();
        assertThat(score(e, "S3", Dimension.DEVELOPMENT).rankInPeers()).isEmpty();
        // satisfaction has a value for S3 but no target: not scored
        assertThat(score(e, "S3", Dimension.SATISFACTION).score()).isEmpty();
        assertThat(score(e, "S5", Dimension.QUALITY).score()).isEmpty();
        assertThat(score(e, "S5", null).score()).isEmpty();
        assertThat(score(e, "S5", null).indicators()).isZero();
        assertThat(score(e, "S5", null).rankInPeers()).isEmpty();
    }

    @Test
    void scores_overallIsWeightedByDimensionOverDimensionsWithAScore() {
        Evaluation e = scored();

        assertThat(score(e, "S1", null).score().getAsDouble()).isCloseTo(281.25 / 3.5, within(1e-9));
        assertThat(score(e, "S1", null).indicators()).isEqualTo(4);
        assertThat(score(e, "S2", null).score().getAsDouble()).isCloseTo(325 / 3.5, within(1e-9));
        assertThat(score(e, "S3", null).score().getAsDouble()).isCloseTo(60, within(1e-9));
        assertThat(score(e, "S3", null).indicators()).isEqualTo(2);
        assertThat(score(e, "S6", null).score().getAsDouble()).isCloseTo(275 / 3.5, within(1e-9));
        assertThat(score(e, "S4", null).score()).hasValue(100.0);
    }

    @Test
    void scores_rankedWithinTierHighestFirst() {
        Evaluation e = scored();

        // COUNTY quality: S2 100, S1 75.625, S3 50, S5 none
        assertThat(score(e, "S2", Dimension.QUALITY).rankInPeers()).hasValue(1);
        assertThat(score(e, "S1", Dimension.QUALITY).rankInPeers()).hasValue(2);
        assertThat(score(e, "S3", Dimension.QUALITY).rankInPeers()).hasValue(3);
        assertThat(score(e, "S5", Dimension.QUALITY).rankInPeers()).isEmpty();
        // COUNTY efficiency: S2 100, S1 80, S3 80 → 1, 2, 2
        assertThat(score(e, "S2", Dimension.EFFICIENCY).rankInPeers()).hasValue(1);
        assertThat(score(e, "S1", Dimension.EFFICIENCY).rankInPeers()).hasValue(2);
        assertThat(score(e, "S3", Dimension.EFFICIENCY).rankInPeers()).hasValue(2);
        // COUNTY overall: S2 92.86, S1 80.36, S3 60
        assertThat(score(e, "S2", null).rankInPeers()).hasValue(1);
        assertThat(score(e, "S1", null).rankInPeers()).hasValue(2);
        assertThat(score(e, "S3", null).rankInPeers()).hasValue(3);
        // S6 is alone in CITY_TERTIARY: first although below S1's quality; S4 alone untiered
        assertThat(score(e, "S6", Dimension.QUALITY).rankInPeers()).hasValue(1);
        assertThat(score(e, "S6", null).rankInPeers()).hasValue(1);
        assertThat(score(e, "S4", null).rankInPeers()).hasValue(1);
    }

    @Test
    void scores_oneForEachHospitalAndDimensionPlusOverall() {
        Evaluation e = scored();

        assertThat(e.scores()).hasSize(30); // 6 hospitals × (4 dimensions + overall)
        assertThat(e.scores().subList(0, 5)).extracting(DimensionScore::hospitalId).containsOnly("S6");
        assertThat(e.scores().subList(0, 5)).extracting(DimensionScore::dimension).containsExactly(
                Optional.of(Dimension.QUALITY), Optional.of(Dimension.EFFICIENCY), Optional.of(Dimension.DEVELOPMENT),
                Optional.of(Dimension.SATISFACTION), Optional.empty());
        assertThat(e.scores().get(29).hospitalId()).isEqualTo("S4");
        assertThat(score(e, "S6", null).tier()).contains(CITY_TERTIARY);
    }

    @Test
    void scores_equalWeights() {
        Evaluation e = new Evaluator(SET, TARGETS, Weights.equal(), 0.10).evaluate(PERIOD, SCORED, false);

        // S1 quality (80 + 62.5)/2 = 71.25; overall (71.25 + 80 + 100)/3 = 83.75
        assertThat(score(e, "S1", Dimension.QUALITY).score().getAsDouble()).isCloseTo(71.25, within(1e-9));
        assertThat(score(e, "S1", null).score().getAsDouble()).isCloseTo(83.75, within(1e-9));
    }

    @Test
    void attainment_metIsHundredElseShareClippedToZeroHundred() {
        assertThat(Evaluator.attainment(12, target(Comparison.GE, 10))).isEqualTo(100);
        assertThat(Evaluator.attainment(7.5, target(Comparison.GE, 10))).isEqualTo(75);   // 100 · 7.5/10
        assertThat(Evaluator.attainment(-5, target(Comparison.GE, 10))).isEqualTo(0);     // −50 clipped to 0
        assertThat(Evaluator.attainment(10, target(Comparison.LT, 8))).isCloseTo(80, within(1e-9)); // 100 · 8/10
        assertThat(Evaluator.attainment(0.1, target(Comparison.LE, 0.05))).isCloseTo(50, within(1e-9));
        assertThat(Evaluator.attainment(6, target(Comparison.LE, 8))).isEqualTo(100);
        assertThat(Evaluator.attainment(-1, target(Comparison.GE, 0))).isEqualTo(0);      // floor of 0: 0
    }

    // ---- shortfall

    private static EvaluationRow shortfallRow(double value, Comparison c, double t, Status s) {
        return new EvaluationRow("H", "医院H", Optional.of(COUNTY), Optional.empty(), indicator("volume"),
                OptionalDouble.of(value), "病案首页", "", Optional.of(target(c, t)), Optional.of(s),
                OptionalDouble.of(value - t), OptionalInt.of(1), 1, OptionalDouble.empty());
    }

    @Test
    void shortfall_relativeDistanceBeyondTheTarget() {
        assertThat(shortfallRow(8, Comparison.GE, 10, NOT_MET).shortfall()).isCloseTo(0.2, within(1e-12));
        assertThat(shortfallRow(9.5, Comparison.GE, 10, WARNING).shortfall()).isCloseTo(0.05, within(1e-12));
        assertThat(shortfallRow(0.1, Comparison.LE, 0.05, NOT_MET).shortfall()).isCloseTo(1.0, within(1e-12));
        assertThat(shortfallRow(8, Comparison.LT, 8, WARNING).shortfall()).isEqualTo(0.0);
        // target 0: not relative (scale 1)
        assertThat(shortfallRow(0.3, Comparison.LE, 0, NOT_MET).shortfall()).isCloseTo(0.3, within(1e-12));
        // negative target: relative to |target|: (−10 − (−12)) / 10
        assertThat(shortfallRow(-12, Comparison.GE, -10, NOT_MET).shortfall()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void shortfall_metOrWithoutDataOrStatus_isZero() {
        assertThat(shortfallRow(12, Comparison.GE, 10, MET).shortfall()).isZero();
        Evaluation e = evaluate(0.10, true);
        assertThat(row(e, "H3", "mortality").shortfall()).isZero();    // NO_DATA
        assertThat(row(e, "H1", "satisfaction").shortfall()).isZero(); // no target
        // on evaluated rows: H2 volume (100 − 95)/100; H2 mortality (0.1 − 0.05)/0.05
        assertThat(row(e, "H2", "volume").shortfall()).isCloseTo(0.05, within(1e-12));
        assertThat(row(e, "H2", "mortality").shortfall()).isCloseTo(1.0, within(1e-12));
    }

    // ---- peers by tier and type, percentiles, scores of untargeted indicators

    /*
     * Peers are tier × type. COUNTY GENERAL: P1 volume 100, P2 120, P3 80 (targets COUNTY ≥ 100); COUNTY TCM: P4 60.
     * Satisfaction (untargeted, higher better): P1 90, P2 80, P3 70, P4 99.
     * Percentile = 100·(n − rank)/(n − 1): GENERAL volume P2 rank 1 → 100, P1 rank 2 → 50, P3 rank 3 → 0;
     * satisfaction P1 100, P2 50, P3 0; P4 alone in COUNTY TCM: rank 1 of 1, no percentile.
     */
    private static final List<HospitalMeasures> TYPED = List.of(
            hospital("P1", COUNTY, GENERAL, DRG_COUNT, 100, PATIENT_SATISFACTION, 90),
            hospital("P2", COUNTY, GENERAL, DRG_COUNT, 120, PATIENT_SATISFACTION, 80),
            hospital("P3", COUNTY, GENERAL, DRG_COUNT, 80, PATIENT_SATISFACTION, 70),
            hospital("P4", COUNTY, TCM, DRG_COUNT, 60, PATIENT_SATISFACTION, 99));

    @Test
    void evaluate_peersAreTierAndType() {
        Evaluation e = new Evaluator(SET, TARGETS, Weights.equal(), 0.10).evaluate(PERIOD, TYPED, true);

        assertThat(row(e, "P2", "volume").rankInPeers()).hasValue(1);
        assertThat(row(e, "P1", "volume").rankInPeers()).hasValue(2);
        assertThat(row(e, "P3", "volume").rankInPeers()).hasValue(3);
        assertThat(row(e, "P1", "volume").peers()).isEqualTo(3);
        // the TCM hospital is not ranked with the general ones although below all of them
        assertThat(row(e, "P4", "volume").rankInPeers()).hasValue(1);
        assertThat(row(e, "P4", "volume").peers()).isEqualTo(1);
        assertThat(row(e, "P4", "volume").peerGroup().label()).isEqualTo("县级医院·中医医院");
        // rows are ordered by tier, then type, then id
        assertThat(e.rows().stream().map(EvaluationRow::hospitalId).distinct()).containsExactly("P1", "P2", "P3", "P4");
    }

    @Test
    void evaluate_percentileAmongPeers_bestHundredWorstZeroNoneWhenAlone() {
        Evaluation e = new Evaluator(SET, TARGETS, Weights.equal(), 0.10).evaluate(PERIOD, TYPED, true);

        assertThat(row(e, "P2", "volume").percentile()).hasValue(100.0);
        assertThat(row(e, "P1", "volume").percentile()).hasValue(50.0);
        assertThat(row(e, "P3", "volume").percentile()).hasValue(0.0);
        assertThat(row(e, "P4", "volume").percentile()).isEmpty();
        // lower better: mortality H1 0.05 and H2 0.1 among COUNTY (untyped) peers of the first province
        Evaluation first = evaluate(0.10, false);
        assertThat(row(first, "H1", "mortality").percentile()).hasValue(100.0);
        assertThat(row(first, "H2", "mortality").percentile()).hasValue(0.0);
    }

    @Test
    void scores_untargetedIndicatorScoredByItsPercentile() {
        Evaluation e = new Evaluator(SET, TARGETS, Weights.equal(), 0.10).evaluate(PERIOD, TYPED, false);

        // satisfaction has no target: its percentile is the satisfaction score
        assertThat(score(e, "P1", Dimension.SATISFACTION).score()).hasValue(100.0);
        assertThat(score(e, "P2", Dimension.SATISFACTION).score()).hasValue(50.0);
        assertThat(score(e, "P3", Dimension.SATISFACTION).score()).hasValue(0.0);
        assertThat(score(e, "P4", Dimension.SATISFACTION).score()).isEmpty(); // alone: no percentile
        // volume has a target: attainment (P3 100·80/100 = 80), not its percentile (0)
        assertThat(score(e, "P3", Dimension.QUALITY).score()).hasValue(80.0);
        // P1 overall: quality 100 (met), satisfaction 100 → 100; P3: (80 + 0)/2 = 40
        assertThat(score(e, "P3", null).score()).hasValue(40.0);
        assertThat(score(e, "P3", null).rankInPeers()).hasValue(3);
        assertThat(score(e, "P4", null).rankInPeers()).hasValue(1);
    }

    @Test
    void evaluate_monitoredOnlyIndicator_isValuedButNeitherRankedNorScored() {
        IndicatorCatalog c = IndicatorCatalog.parse(String.join("\n",
                "id\tname\tdimension\tformula\tunit\tdirection\tsource\tnote",
                "ratio\t门诊人次数与出院人次数比\t医疗质量\toutpatient_visits / cases\t\tMONITOR\t机构月报\t"), "m.tsv");
        IndicatorSet set = IndicatorSet.parse("# id: m\nnational_no\tindicator\tname\tdimension\tgroup\tmonitored\n"
                + "1\tratio\t\t\t\t\n", "m.tsv", c);
        TargetSet none = TargetSet.parse("# id: none\n# set: m\nindicator\ttier\tcomparison\ttarget\tyear\tsource\n",
                "none.tsv", c);
        Evaluation e = new Evaluator(set, none, Weights.equal(), 0.1).evaluate(PERIOD, List.of(
                hospital("A", COUNTY, Measure.OUTPATIENT_VISITS, 3000, CASES, 100),
                hospital("B", COUNTY, Measure.OUTPATIENT_VISITS, 1000, CASES, 100)), true);

        assertThat(row(e, "A", "ratio").value()).hasValue(30.0);
        assertThat(row(e, "A", "ratio").rankInPeers()).isEmpty();
        assertThat(row(e, "A", "ratio").percentile()).isEmpty();
        assertThat(row(e, "A", "ratio").peers()).isEqualTo(2);
        assertThat(score(e, "A", Dimension.QUALITY).score()).isEmpty();
    }

    @Test
    void evaluate_noData_rowSaysWhichInputIsMissing_andValuesCarryTheirSource() {
        Evaluation e = evaluate(0.10, false);

        assertThat(row(e, "H3", "mortality").noData()).isEqualTo("缺少" + DEATHS.input());
        assertThat(row(e, "H6", "emr").noData()).contains("emr_level");
        assertThat(row(e, "H1", "mortality").noData()).isEmpty();
        assertThat(row(e, "H1", "mortality").source()).isEqualTo("病案首页");
        assertThat(row(e, "H1", "emr").source()).isEqualTo("机构月报");
        EvaluationRow zero = evaluator(0.10).evaluate(PERIOD, List.of(hospital("Z", COUNTY, DEATHS, 0, CASES, 0)), false)
                .rows().stream().filter(r -> r.indicator().id().equals("mortality")).findFirst().orElseThrow();
        assertThat(zero.noData()).isEqualTo("分母为 0");
    }

    @Test
    void evaluate_growthIndicator_usesTheMeasuresOfTheYearBefore() {
        IndicatorCatalog c = IndicatorCatalog.parse(String.join("\n",
                "id\tname\tdimension\tformula\tunit\tdirection\tsource\tnote",
                "growth\t出院人次增幅\t运营效率\tcases / prior(cases) - 1\tratio\tMONITOR\t病案首页\t"), "g.tsv");
        IndicatorSet set = IndicatorSet.parse("# id: g\nnational_no\tindicator\tname\tdimension\tgroup\tmonitored\n"
                + "1\tgrowth\t\t\t\t\n", "g.tsv", c);
        TargetSet none = TargetSet.parse("# id: none\n# set: g\nindicator\ttier\tcomparison\ttarget\tyear\tsource\n",
                "none.tsv", c);
        HospitalMeasures h = new HospitalMeasures("A", "医院A", Optional.of(COUNTY), Optional.of(GENERAL),
                Fixtures.measures(CASES, 1100), Fixtures.measures(CASES, 1000));
        HospitalMeasures firstYear = new HospitalMeasures("B", "医院B", Optional.of(COUNTY), Optional.of(GENERAL),
                Fixtures.measures(CASES, 900), java.util.Map.of());

        Evaluation e = new Evaluator(set, none, Weights.equal(), 0.1).evaluate(PERIOD, List.of(h, firstYear), true);
        // 1100 / 1000 − 1
        assertThat(row(e, "A", "growth").value().getAsDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(row(e, "B", "growth").value()).isEmpty();
        assertThat(row(e, "B", "growth").noData()).isEqualTo("缺少上年同期的" + CASES.input());
    }
}
