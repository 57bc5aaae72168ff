package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;
import org.junit.jupiter.api.Test;

final class CompositeRankingTest {
    private static final Optional<HospitalTier> CITY = Optional.of(HospitalTier.CITY_TERTIARY);
    private static final Optional<HospitalTier> COUNTY = Optional.of(HospitalTier.COUNTY);
    private static final Optional<HospitalType> GENERAL = Optional.of(HospitalType.GENERAL);
    private static final Optional<HospitalType> TCM = Optional.of(HospitalType.TCM);

    @Test
    void ranksWithinPeers_withPercentileFromRankAndScoredPeers() {
        List<DimensionScore> scores = new ArrayList<>();
        // 城市三级·综合: overall 80 (rank 2), 90 (rank 1), 70 (rank 3) and one without a score
        hospital(scores, "H1", CITY, GENERAL, 80, 2);
        hospital(scores, "H2", CITY, GENERAL, 90, 1);
        hospital(scores, "H3", CITY, GENERAL, 70, 3);
        hospital(scores, "H4", CITY, GENERAL, -1, 0);
        // 城市三级·中医: alone
        hospital(scores, "H5", CITY, TCM, 60, 1);
        // 县级·综合: listed after every city group
        hospital(scores, "H6", COUNTY, GENERAL, 75, 1);
        hospital(scores, "H7", COUNTY, GENERAL, 65, 2);
        Evaluation e = new Evaluation(EvaluationPeriod.parse("2025"), IndicatorSets.standard().defaultSet(),
                new TargetSet("t", "测试", List.of()), 0.05, List.of(), scores, List.of(),
                new TierFigures(List.of(), List.of()));

        List<CompositeRanking.Line> lines = CompositeRanking.of(e);

        assertThat(lines).extracting(CompositeRanking.Line::hospitalId)
                .containsExactly("H2", "H1", "H3", "H4", "H5", "H6", "H7");
        CompositeRanking.Line h1 = CompositeRanking.of(lines, "H1").orElseThrow();
        assertThat(h1.score()).isEqualTo(OptionalDouble.of(80));
        assertThat(h1.rank()).isEqualTo(OptionalInt.of(2));
        assertThat(h1.peers()).isEqualTo(3);
        assertThat(h1.percentile()).isEqualTo(OptionalDouble.of(50.0)); // 100 · (3 − 2) / (3 − 1)
        assertThat(h1.peerGroup().label()).isEqualTo("城市三级医院·综合医院");
        assertThat(h1.dimensions().get(Dimension.QUALITY)).isEqualTo(OptionalDouble.of(81));
        assertThat(h1.dimensions().get(Dimension.SATISFACTION)).isEqualTo(OptionalDouble.empty());
        assertThat(CompositeRanking.of(lines, "H2").orElseThrow().percentile()).isEqualTo(OptionalDouble.of(100.0));
        assertThat(CompositeRanking.of(lines, "H3").orElseThrow().percentile()).isEqualTo(OptionalDouble.of(0.0));
        CompositeRanking.Line h4 = CompositeRanking.of(lines, "H4").orElseThrow();
        assertThat(h4.rank()).isEmpty();
        assertThat(h4.percentile()).isEmpty();
        assertThat(h4.peers()).isEqualTo(3);
        CompositeRanking.Line h5 = CompositeRanking.of(lines, "H5").orElseThrow();
        assertThat(h5.rank()).isEqualTo(OptionalInt.of(1));
        assertThat(h5.peers()).isEqualTo(1);
        assertThat(h5.percentile()).isEmpty(); // no percentile among fewer than two
        assertThat(CompositeRanking.of(lines, "H7").orElseThrow().percentile()).isEqualTo(OptionalDouble.of(0.0));
        assertThat(CompositeRanking.of(lines, "H9")).isEmpty();
    }

    /** A hospital's four dimensions (quality = overall + 1, the others 0 … none) and overall; score −1: none. */
    private static void hospital(List<DimensionScore> out, String id, Optional<HospitalTier> tier,
                                 Optional<HospitalType> type, double overall, int rank) {
        OptionalDouble s = overall < 0 ? OptionalDouble.empty() : OptionalDouble.of(overall);
        out.add(new DimensionScore(id, tier, type, Optional.of(Dimension.QUALITY),
                overall < 0 ? s : OptionalDouble.of(overall + 1), 3, OptionalInt.empty()));
        out.add(new DimensionScore(id, tier, type, Optional.of(Dimension.EFFICIENCY), s, 2, OptionalInt.empty()));
        out.add(new DimensionScore(id, tier, type, Optional.of(Dimension.DEVELOPMENT), s, 1, OptionalInt.empty()));
        out.add(new DimensionScore(id, tier, type, Optional.of(Dimension.SATISFACTION), OptionalDouble.empty(), 0,
                OptionalInt.empty()));
        out.add(new DimensionScore(id, tier, type, Optional.empty(), s, 6,
                rank == 0 ? OptionalInt.empty() : OptionalInt.of(rank)));
    }
}
