package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hqd.evaluation.Fixtures.CATALOGUE;
import static org.hqd.evaluation.Fixtures.hospital;
import static org.hqd.evaluation.Measure.CASES;
import static org.hqd.evaluation.Measure.DEATHS;
import static org.hqd.evaluation.Measure.DRG_COUNT;
import static org.hqd.evaluation.Measure.EMR_LEVEL;
import static org.hqd.evaluation.Measure.LOS_DAYS;
import static org.hqd.evaluation.Status.MET;
import static org.hqd.evaluation.Status.NOT_MET;
import static org.hqd.evaluation.Status.NO_DATA;
import static org.hqd.evaluation.Status.WARNING;
import static org.hqd.hospital.HospitalTier.CITY_TERTIARY;
import static org.hqd.hospital.HospitalTier.COUNTY;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.Test;

/**
 * The content of a briefing over a hand-made province, every figure computed by hand.
 *
 * <p>Catalogue: {@link Fixtures#CATALOGUE} (volume, mortality, stay, emr, satisfaction). Targets (this class's own
 * TSV), margin 0.10, equal weights:
 * <pre>
 * volume        CITY_TERTIARY ≥ 200 (warning [180, 200)), COUNTY ≥ 100 (warning [90, 100)); none for untiered
 * mortality     *  ≤ 0.05  (warning (0.05, 0.055])
 * stay          *  ≤ 8     (warning (8, 8.8])
 * emr           CITY_TERTIARY ≥ 5 (warning [4.5, 5))
 * satisfaction  COUNTY ≥ 90 — no county hospital reports it: every row NO_DATA
 * </pre>
 * <pre>
 * hospital tier    volume      mortality         stay              emr         satisfaction
 * B1       CITY    250  MET    1/100  0.01 MET   700/100  7  MET   4.6 WARNING  (no target)
 * B2       CITY    170  NOT    3/100  0.03 MET   900/100  9  NOT   6   MET      (no target)
 * C0       COUNTY  -    NO_D   -      NO_DATA    -      NO_DATA   (no target)  NO_DATA
 * C1       COUNTY  100  MET    10/100 0.1  NOT   -       NO_DATA   (no target)  NO_DATA
 * C2       COUNTY  80   NOT    7/100  0.07 NOT   850/100 8.5 WARN  (no target)  NO_DATA
 * C3       COUNTY  120  MET    2/100  0.02 MET   700/100  7  MET   (no target)  NO_DATA
 * A1       (none)  (no target) 10/100 0.1  NOT   600/100  6  MET   (no target)  (no target)
 * </pre>
 * Shortfalls (relative to the target): B1 emr 0.4/5 = 0.08; B2 volume 30/200 = 0.15, stay 1/8 = 0.125;
 * C1 mortality 0.05/0.05 = 1; C2 volume 20/100 = 0.2, mortality 0.02/0.05 = 0.4, stay 0.5/8 = 0.0625;
 * A1 mortality 1.
 *
 * <p>Overall scores (attainment 100 when met, else 100·v/t floor, 100·t/v ceiling; dimensions averaged):
 * B1 (100 + 100 + 92)/3; B2 ((85 + 100)/2 + 800/9 + 100)/3; C0 none; C1 (100 + 50)/2 = 75 (quality only);
 * C2 ((80 + 500/7)/2 + 800/8.5)/2; C3 100; A1 (50 + 100)/2 = 75.
 */
final class BriefingTest {
    private static final String TARGETS_TSV = String.join("\n",
            "# id: briefing-test",
            "# name: 通报测试目标集",
            "indicator\ttier\tcomparison\ttarget\tyear\tsource",
            "volume\tCITY_TERTIARY\tGE\t200\t\tbrief.txt:1",
            "volume\tCOUNTY\tGE\t100\t\tbrief.txt:2",
            "mortality\t*\tLE\t0.05\t\tbrief.txt:3",
            "stay\t*\tLE\t8\t\tbrief.txt:4",
            "emr\tCITY_TERTIARY\tGE\t5\t\tbrief.txt:5",
            "satisfaction\tCOUNTY\tGE\t90\t\tbrief.txt:6");
    private static final TargetSet TARGETS = TargetSet.parse(TARGETS_TSV, "briefing-test.tsv", CATALOGUE);
    private static final EvaluationPeriod PERIOD = EvaluationPeriod.parse("2024");

    // given in an order that is neither tier nor id order
    private static final List<HospitalMeasures> PROVINCE = List.of(
            hospital("C2", COUNTY, DRG_COUNT, 80, DEATHS, 7, CASES, 100, LOS_DAYS, 850),
            hospital("A1", null, DRG_COUNT, 150, DEATHS, 10, CASES, 100, LOS_DAYS, 600),
            hospital("B2", CITY_TERTIARY, DRG_COUNT, 170, DEATHS, 3, CASES, 100, LOS_DAYS, 900, EMR_LEVEL, 6),
            hospital("C0", COUNTY),
            hospital("C3", COUNTY, DRG_COUNT, 120, DEATHS, 2, CASES, 100, LOS_DAYS, 700),
            hospital("B1", CITY_TERTIARY, DRG_COUNT, 250, DEATHS, 1, CASES, 100, LOS_DAYS, 700, EMR_LEVEL, 4.6),
            hospital("C1", COUNTY, DRG_COUNT, 100, DEATHS, 10, CASES, 100));

    private static final double B1_SCORE = (100 + 100 + 92) / 3.0;
    private static final double B2_SCORE = ((85 + 100) / 2.0 + 800 / 9.0 + 100) / 3.0;
    private static final double C1_SCORE = 75;
    private static final double C2_SCORE = ((80 + 500 / 7.0) / 2.0 + 800 / 8.5) / 2.0;
    private static final double C3_SCORE = 100;
    private static final double A1_SCORE = 75;

    private static final double EPS = 1e-9;

    private static Evaluation evaluate(List<HospitalMeasures> hospitals, TargetSet targets, double margin) {
        return new Evaluator(Fixtures.SET, targets, Weights.equal(), margin).evaluate(PERIOD, hospitals, false);
    }

    private static Briefing briefing(int top) {
        return Briefing.of(evaluate(PROVINCE, TARGETS, Evaluator.DEFAULT_MARGIN), Optional.empty(), top);
    }

    private static Map<Status, Integer> counts(int met, int warning, int notMet, int noData) {
        return Map.of(MET, met, WARNING, warning, NOT_MET, notMet, NO_DATA, noData);
    }

    private static List<String> ids(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::id).toList();
    }

    // ---- summaries

    @Test
    void tiers_inTierOrderWithUntieredLast() {
        Briefing b = briefing(10);

        assertThat(b.tiers()).extracting(Briefing.TierSummary::tier).containsExactly(
                Optional.of(CITY_TERTIARY), Optional.of(COUNTY), Optional.<HospitalTier>empty());
        assertThat(b.tiers()).extracting(Briefing.TierSummary::hospitals).containsExactly(2, 4, 1);
        assertThat(b.overall().tier()).isEmpty();
        assertThat(b.overall().hospitals()).isEqualTo(7);
        assertThat(b.region()).isEmpty();
    }

    @Test
    void tierSummaries_statusCountsAndMetRate_noDataLeftOutOfTheRate() {
        Briefing b = briefing(10);
        Briefing.TierSummary city = b.tiers().get(0);
        Briefing.TierSummary county = b.tiers().get(1);
        Briefing.TierSummary untiered = b.tiers().get(2);

        assertThat(city.statuses()).containsExactlyInAnyOrderEntriesOf(counts(5, 1, 2, 0));
        assertThat(city.metRate().getAsDouble()).isCloseTo(5 / 8.0, within(EPS));
        // county: 4 met, 1 warning, 3 not met over 8 judged rows; the 8 NO_DATA rows are not in the denominator
        assertThat(county.statuses()).containsExactlyInAnyOrderEntriesOf(counts(4, 1, 3, 8));
        assertThat(county.metRate().getAsDouble()).isCloseTo(4 / 8.0, within(EPS));
        assertThat(untiered.statuses()).containsExactlyInAnyOrderEntriesOf(counts(1, 0, 1, 0));
        assertThat(untiered.metRate().getAsDouble()).isCloseTo(0.5, within(EPS));
        assertThat(b.overall().statuses()).containsExactlyInAnyOrderEntriesOf(counts(10, 2, 6, 8));
        assertThat(b.overall().metRate().getAsDouble()).isCloseTo(10 / 18.0, within(EPS));
    }

    @Test
    void tierSummaries_meanOverallScore_overHospitalsWithAScore() {
        Briefing b = briefing(10);

        assertThat(b.tiers().get(0).meanScore().getAsDouble()).isCloseTo((B1_SCORE + B2_SCORE) / 2, within(EPS));
        // C0 has no score and is left out of the mean (not counted as 0)
        assertThat(b.tiers().get(1).meanScore().getAsDouble())
                .isCloseTo((C1_SCORE + C2_SCORE + C3_SCORE) / 3, within(EPS));
        assertThat(b.tiers().get(2).meanScore().getAsDouble()).isCloseTo(A1_SCORE, within(EPS));
        assertThat(b.overall().meanScore().getAsDouble()).isCloseTo(
                (B1_SCORE + B2_SCORE + C1_SCORE + C2_SCORE + C3_SCORE + A1_SCORE) / 6, within(EPS));
    }

    @Test
    void tierSummary_onlyNoData_emptyRateAndEmptyMean() {
        Evaluation e = evaluate(List.of(hospital("X1", COUNTY), hospital("X2", COUNTY)), TARGETS,
                Evaluator.DEFAULT_MARGIN);

        Briefing b = Briefing.of(e, Optional.of("测试"), 5);

        assertThat(b.region()).contains("测试");
        assertThat(b.tiers()).hasSize(1);
        assertThat(b.tiers().get(0).statuses()).containsExactlyInAnyOrderEntriesOf(counts(0, 0, 0, 8));
        assertThat(b.tiers().get(0).metRate()).isEmpty();
        assertThat(b.tiers().get(0).meanScore()).isEmpty();
        assertThat(b.overall().metRate()).isEmpty();
        assertThat(b.furthest()).isEmpty();
        assertThat(b.mostMissed()).extracting(m -> m.missRate()).containsOnly(OptionalDouble.empty());
    }

    // ---- tier tables

    @Test
    void tierTables_indicatorsWithATargetInTheTier_inCatalogueOrder() {
        Briefing b = briefing(10);

        assertThat(b.tables()).extracting(Briefing.TierTable::tier).containsExactly(
                Optional.of(CITY_TERTIARY), Optional.of(COUNTY), Optional.<HospitalTier>empty());
        assertThat(ids(b.tables().get(0).indicators())).containsExactly("volume", "mortality", "stay", "emr");
        assertThat(ids(b.tables().get(1).indicators())).containsExactly("volume", "mortality", "stay", "satisfaction");
        assertThat(ids(b.tables().get(2).indicators())).containsExactly("mortality", "stay");
    }

    @Test
    void tierTables_linesByRank_unrankedLast() {
        Briefing b = briefing(10);
        Briefing.TierTable county = b.tables().get(1);

        // C3 100, C2 84.9, C1 75, C0 no score: rank order, not id order
        assertThat(county.lines()).extracting(Briefing.TierLine::hospitalId).containsExactly("C3", "C2", "C1", "C0");
        assertThat(county.lines()).extracting(l -> l.rank()).containsExactly(
                OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3), OptionalInt.empty());
        assertThat(county.lines()).extracting(Briefing.TierLine::hospitalName)
                .containsExactly("医院C3", "医院C2", "医院C1", "医院C0");
        assertThat(county.lines().get(0).score().getAsDouble()).isCloseTo(C3_SCORE, within(EPS));
        assertThat(county.lines().get(1).score().getAsDouble()).isCloseTo(C2_SCORE, within(EPS));
        assertThat(county.lines().get(2).score().getAsDouble()).isCloseTo(C1_SCORE, within(EPS));
        assertThat(county.lines().get(3).score()).isEmpty();

        assertThat(b.tables().get(0).lines()).extracting(Briefing.TierLine::hospitalId).containsExactly("B1", "B2");
        assertThat(b.tables().get(0).lines().get(0).score().getAsDouble()).isCloseTo(B1_SCORE, within(EPS));
        assertThat(b.tables().get(0).lines().get(1).score().getAsDouble()).isCloseTo(B2_SCORE, within(EPS));
        assertThat(b.tables().get(2).lines()).extracting(Briefing.TierLine::hospitalId).containsExactly("A1");
    }

    @Test
    void tierTables_lineRows_oneRowPerTargetedIndicator() {
        Briefing b = briefing(10);
        Briefing.TierLine c2 = b.tables().get(1).lines().get(1);
        Briefing.TierLine c0 = b.tables().get(1).lines().get(3);
        Briefing.TierLine a1 = b.tables().get(2).lines().get(0);

        assertThat(c2.rows()).containsOnlyKeys("volume", "mortality", "stay", "satisfaction");
        assertThat(c2.rows().get("volume").status()).contains(NOT_MET);
        assertThat(c2.rows().get("mortality").status()).contains(NOT_MET);
        assertThat(c2.rows().get("stay").status()).contains(WARNING);
        assertThat(c2.rows().get("satisfaction").status()).contains(NO_DATA);
        assertThat(c2.rows().get("stay").value().getAsDouble()).isCloseTo(8.5, within(EPS));
        assertThat(c0.rows().values()).extracting(r -> r.status().orElseThrow()).containsOnly(NO_DATA);
        assertThat(a1.rows()).containsOnlyKeys("mortality", "stay");
    }

    // ---- furthest from targets

    @Test
    void furthest_mostNotMetFirst_thenLargerMeanShortfall_thenId() {
        Briefing b = briefing(10);

        // C2 and B2: 2 not met, C2's mean shortfall is larger; A1 and C1: 1 not met with equal shortfall (1.0),
        // so by id; B1: only a warning; C0 (no data) and C3 (all met) are not listed
        assertThat(b.furthest()).extracting(Briefing.HospitalGap::hospitalId)
                .containsExactly("C2", "B2", "A1", "C1", "B1");
        assertThat(b.furthest()).extracting(Briefing.HospitalGap::notMet).containsExactly(2, 2, 1, 1, 0);
        assertThat(b.furthest()).extracting(Briefing.HospitalGap::warnings).containsExactly(1, 0, 0, 0, 1);
        assertThat(b.furthest()).extracting(Briefing.HospitalGap::targets).containsExactly(4, 4, 2, 4, 4);
        assertThat(b.furthest()).extracting(Briefing.HospitalGap::tier).containsExactly(Optional.of(COUNTY),
                Optional.of(CITY_TERTIARY), Optional.<HospitalTier>empty(), Optional.of(COUNTY),
                Optional.of(CITY_TERTIARY));
        assertThat(b.furthest()).extracting(Briefing.HospitalGap::hospitalName)
                .containsExactly("医院C2", "医院B2", "医院A1", "医院C1", "医院B1");
    }

    @Test
    void furthest_meanShortfallAndWorstIndicator() {
        List<Briefing.HospitalGap> f = briefing(10).furthest();

        assertThat(f.get(0).meanShortfall()).isCloseTo((0.2 + 0.4 + 0.0625) / 3, within(EPS));
        assertThat(f.get(1).meanShortfall()).isCloseTo((0.15 + 0.125) / 2, within(EPS));
        assertThat(f.get(2).meanShortfall()).isCloseTo(1.0, within(EPS));
        assertThat(f.get(3).meanShortfall()).isCloseTo(1.0, within(EPS));
        assertThat(f.get(4).meanShortfall()).isCloseTo(0.08, within(EPS));
        assertThat(f).extracting(g -> g.worst().orElseThrow().indicator().id())
                .containsExactly("mortality", "volume", "mortality", "mortality", "emr");
        assertThat(f.get(0).worst().orElseThrow().hospitalId()).isEqualTo("C2");
        assertThat(f.get(0).worst().orElseThrow().shortfall()).isCloseTo(0.4, within(EPS));
    }

    @Test
    void furthest_topLimitsTheList() {
        assertThat(briefing(3).furthest()).extracting(Briefing.HospitalGap::hospitalId)
                .containsExactly("C2", "B2", "A1");
        assertThat(briefing(1).furthest()).extracting(Briefing.HospitalGap::hospitalId).containsExactly("C2");
        assertThat(briefing(0).furthest()).isEmpty();
        assertThat(briefing(5).furthest()).hasSize(5);
        assertThat(briefing(100).furthest()).hasSize(5);
    }

    @Test
    void furthest_hospitalsWithNothingMissedAreNotListed() {
        Evaluation e = evaluate(List.of(
                hospital("OK1", COUNTY, DRG_COUNT, 120, DEATHS, 2, CASES, 100, LOS_DAYS, 700),
                hospital("OK2", CITY_TERTIARY, DRG_COUNT, 300, DEATHS, 0, CASES, 100, LOS_DAYS, 500, EMR_LEVEL, 6),
                hospital("ND", COUNTY)), TARGETS, Evaluator.DEFAULT_MARGIN);

        assertThat(Briefing.of(e, Optional.empty(), 10).furthest()).isEmpty();
    }

    /*
     * BUG: Briefing.furthest (Briefing.java, `missed = own.stream().filter(r -> r.shortfall() > 0)`) averages the
     * shortfall only over rows whose shortfall is positive, while the documented rule is the mean of
     * EvaluationRow.shortfall "over its not-met and warning rows". A strict target (LT/GT) missed exactly at the
     * target has shortfall 0 and must still count in the denominator. Targets of Fixtures: volume COUNTY ≥ 100,
     * stay < 8 (warning band [8, 8.8]).
     *   P1: volume 80 NOT_MET (0.2), stay 800/100 = 8 WARNING (0)  -> mean (0.2 + 0) / 2 = 0.1
     *   P2: volume 85 NOT_MET (0.15), stay 7 MET                   -> mean 0.15
     * Both have 1 NOT_MET, so P2 (0.15) comes before P1 (0.1). The code gives P1 0.2 and lists P1 first.
     */
    @Test
    void furthest_meanShortfallCountsEveryNotMetAndWarningRow_evenAtTheTarget() {
        Evaluation e = evaluate(List.of(
                hospital("P1", COUNTY, DRG_COUNT, 80, DEATHS, 1, CASES, 100, LOS_DAYS, 800, EMR_LEVEL, 5),
                hospital("P2", COUNTY, DRG_COUNT, 85, DEATHS, 1, CASES, 100, LOS_DAYS, 700, EMR_LEVEL, 5)),
                Fixtures.TARGETS, Evaluator.DEFAULT_MARGIN);
        assertThat(e.rows()).filteredOn(r -> r.hospitalId().equals("P1") && r.indicator().id().equals("stay"))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).contains(WARNING);
                    assertThat(r.shortfall()).isZero();
                });

        Briefing b = Briefing.of(e, Optional.empty(), 10);

        assertThat(b.furthest()).extracting(Briefing.HospitalGap::hospitalId).containsExactly("P2", "P1");
        assertThat(b.furthest().get(1).meanShortfall()).isCloseTo(0.1, within(EPS));
        assertThat(b.furthest().get(0).meanShortfall()).isCloseTo(0.15, within(EPS));
    }

    /*
     * BUG (same filter, Briefing.java `worst = missed.stream().max(...)`): a hospital listed because of a NOT_MET
     * row whose shortfall is 0 (margin 0, emr > 4 with emr = 4) gets no worst indicator; the renderings then print
     * "—" as its worst indicator although it missed emr. Expected: worst = the emr row.
     */
    @Test
    void furthest_worstIndicatorPresentWhenTheOnlyMissIsExactlyAtAStrictTarget() {
        Evaluation e = evaluate(List.of(
                hospital("Q1", COUNTY, DRG_COUNT, 120, DEATHS, 1, CASES, 100, LOS_DAYS, 700, EMR_LEVEL, 4)),
                Fixtures.TARGETS, 0);

        Briefing b = Briefing.of(e, Optional.empty(), 10);

        assertThat(b.furthest()).singleElement().satisfies(g -> {
            assertThat(g.hospitalId()).isEqualTo("Q1");
            assertThat(g.notMet()).isEqualTo(1);
            assertThat(g.meanShortfall()).isZero();
            assertThat(g.worst()).hasValueSatisfying(r -> assertThat(r.indicator().id()).isEqualTo("emr"));
        });
    }

    // ---- most often missed

    @Test
    void mostMissed_byNotMetOverHospitalsWithData_highestFirst_emptyRateLast() {
        List<Briefing.IndicatorMiss> m = briefing(10).mostMissed();

        assertThat(m).extracting(x -> x.indicator().id())
                .containsExactly("mortality", "volume", "stay", "emr", "satisfaction");
        assertThat(m).extracting(Briefing.IndicatorMiss::withTarget).containsExactly(7, 6, 7, 2, 4);
        assertThat(m).extracting(Briefing.IndicatorMiss::withData).containsExactly(6, 5, 5, 2, 0);
        assertThat(m).extracting(Briefing.IndicatorMiss::notMet).containsExactly(3, 2, 1, 0, 0);
        assertThat(m).extracting(Briefing.IndicatorMiss::warnings).containsExactly(0, 0, 1, 1, 0);
        assertThat(m.get(0).missRate().getAsDouble()).isCloseTo(3 / 6.0, within(EPS));
        assertThat(m.get(1).missRate().getAsDouble()).isCloseTo(2 / 5.0, within(EPS));
        assertThat(m.get(2).missRate().getAsDouble()).isCloseTo(1 / 5.0, within(EPS));
        assertThat(m.get(3).missRate().getAsDouble()).isZero();
        assertThat(m.get(4).missRate()).isEmpty();
    }

    @Test
    void mostMissed_equalRates_byIndicatorId() {
        // one COUNTY hospital missing volume and mortality outright: both rates 1, ordered by id
        Evaluation e = evaluate(List.of(
                hospital("R1", COUNTY, DRG_COUNT, 10, DEATHS, 50, CASES, 100, LOS_DAYS, 700, EMR_LEVEL, 5)),
                Fixtures.TARGETS, Evaluator.DEFAULT_MARGIN);

        List<Briefing.IndicatorMiss> m = Briefing.of(e, Optional.empty(), 10).mostMissed();

        assertThat(m).extracting(x -> x.indicator().id()).containsExactly("mortality", "volume", "emr", "stay");
        assertThat(m).extracting(x -> x.missRate().getAsDouble()).containsExactly(1.0, 1.0, 0.0, 0.0);
    }
}
