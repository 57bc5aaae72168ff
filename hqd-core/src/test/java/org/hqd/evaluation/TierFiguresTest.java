package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hqd.hospital.HospitalTier.CITY_TERTIARY;
import static org.hqd.hospital.HospitalTier.COUNTY;

import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.Test;

/**
 * The tier figures of {@link EvaluatorTest}'s province, by hand (tiers in the register's order: CITY_TERTIARY before
 * COUNTY, hospitals without a tier last):
 *
 * <pre>
 * indicator     COUNTY (H1 H2 H3)          CITY_TERTIARY (H4 H5)    no tier (H6)   all six
 * satisfaction  90, —, 80: 2 of 3,         95, —: 1 of 2,           70: 1 of 1     70 80 90 95: 4 of 6,
 *   (no target) mean 85, median 85         mean 95, median 95                      mean 83.75, median (80+90)/2 = 85
 * mortality     0.05, 0.1, —: 2 of 3,      0.0, 0.052: 2 of 2,      0.01           0 .01 .05 .052 .1: 5 of 6,
 *               mean 0.075, median 0.075   mean 0.026, median 0.026                mean 0.212/5 = 0.0424, median 0.05
 * stay          8, 7, 9: mean 8, median 8  9, 7.5: mean 8.25         7              7 7 7.5 8 9 9: mean 47.5/6,
 *                                                                                  median (7.5+8)/2 = 7.75
 * </pre>
 */
final class TierFiguresTest {
    private static final Evaluation E = new Evaluator(Fixtures.SET, Fixtures.TARGETS, Weights.equal(), 0.1)
            .evaluate(EvaluationPeriod.parse("2024"), EvaluatorTest.PROVINCE, false);

    private static TierFigures.Line line(String indicator) {
        return E.tierFigures().lines().stream().filter(l -> l.indicator().id().equals(indicator)).findFirst()
                .orElseThrow();
    }

    private static void assertCell(TierFigures.Cell c, Optional<HospitalTier> tier, int hospitals, int withValue,
                                   double mean, double median) {
        assertThat(c.tier()).isEqualTo(tier);
        assertThat(c.hospitals()).isEqualTo(hospitals);
        assertThat(c.withValue()).isEqualTo(withValue);
        assertThat(c.mean().getAsDouble()).isCloseTo(mean, within(1e-12));
        assertThat(c.median().getAsDouble()).isCloseTo(median, within(1e-12));
    }

    @Test
    void of_everyIndicatorOfTheSet_inSetOrder_evenWithoutTargetAndWithoutAllIndicators() {
        assertThat(E.tierFigures().lines().stream().map(l -> l.indicator().id()))
                .containsExactly("volume", "mortality", "stay", "emr", "satisfaction");
        assertThat(E.rows()).noneMatch(r -> r.indicator().id().equals("satisfaction"));
    }

    @Test
    void of_monitoringIndicatorWithoutTarget_countMeanAndMedianPerTierAndOverall() {
        TierFigures.Line l = line("satisfaction");

        assertThat(l.tiers()).hasSize(3);
        assertCell(l.tiers().get(0), Optional.of(CITY_TERTIARY), 2, 1, 95, 95);
        assertCell(l.tiers().get(1), Optional.of(COUNTY), 3, 2, 85, 85);
        assertCell(l.tiers().get(2), Optional.empty(), 1, 1, 70, 70);
        assertCell(l.overall(), Optional.empty(), 6, 4, 83.75, 85);
        assertThat(l.overall().overall()).isTrue();
        assertThat(l.overall().label()).isEqualTo("全部");
        assertThat(l.tiers().get(2).label()).isEqualTo("未登记层级");
    }

    @Test
    void of_ratioWithMissingValues_averagesTheHospitalsWithAValueOnly_unweightedByCases() {
        TierFigures.Line l = line("mortality");

        // case-weighted the county tier would be 10/150; each hospital counts once: (0.05 + 0.1) / 2
        assertCell(l.tiers().get(0), Optional.of(CITY_TERTIARY), 2, 2, 0.026, 0.026);
        assertCell(l.tiers().get(1), Optional.of(COUNTY), 3, 2, 0.075, 0.075);
        assertCell(l.overall(), Optional.empty(), 6, 5, 0.0424, 0.05);
    }

    @Test
    void of_evenCount_medianIsTheMeanOfTheTwoMiddleValues() {
        TierFigures.Line l = line("stay");

        assertCell(l.tiers().get(0), Optional.of(CITY_TERTIARY), 2, 2, 8.25, 8.25);
        assertCell(l.tiers().get(1), Optional.of(COUNTY), 3, 3, 8, 8);
        assertCell(l.overall(), Optional.empty(), 6, 6, 47.5 / 6, 7.75);
    }

    @Test
    void hospitals_eachEvaluatedHospitalsValues_inEvaluationOrder_anEntryPerIndicator() {
        assertThat(E.tierFigures().hospitals().stream().map(TierFigures.HospitalValues::hospitalId))
                .containsExactly("H4", "H5", "H1", "H2", "H3", "H6");
        TierFigures.HospitalValues h2 = E.tierFigures().hospitals().get(3);
        // volume 95, mortality 0.1, stay 7.0, emr 5, satisfaction none
        assertThat(h2.values()).containsExactly(OptionalDouble.of(95), OptionalDouble.of(0.1), OptionalDouble.of(7.0),
                OptionalDouble.of(5), OptionalDouble.empty());
    }

    @Test
    void of_tierWithoutAnyValue_hasCountsButNoMeanOrMedian() {
        // emr: H6 (no tier) reports none
        TierFigures.Cell none = line("emr").tiers().get(2);

        assertThat(none.hospitals()).isEqualTo(1);
        assertThat(none.withValue()).isZero();
        assertThat(none.mean()).isEqualTo(OptionalDouble.empty());
        assertThat(none.median()).isEqualTo(OptionalDouble.empty());
    }
}
