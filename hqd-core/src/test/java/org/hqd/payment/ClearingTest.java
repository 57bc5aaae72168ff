package org.hqd.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ClearingTest {

    @Test
    void of_halfFenTies_largestRemainderTheEarlierCellFirst() {
        // fund 1,000.00 yuan over 400 points: 100.5 → 25,125 fen exactly; 200.25 → 50,062.5; 99.25 → 24,812.5.
        // Floors give 99,999 fen; the one fen left goes to the earlier of the two equal remainders.
        Clearing c = Clearing.of(100_000, List.of(new ClearingCell("H1", "AA11", 1, 100.5, 20_000),
                new ClearingCell("H1", "BB11", 2, 200.25, 60_000), new ClearingCell("H2", "AA11", 1, 99.25, 25_000)));

        assertThat(c.pointValue()).isEqualTo(2.5);
        assertThat(c.lines()).extracting(ClearingLine::clearedFen).containsExactly(25_125L, 50_063L, 24_812L);
        assertThat(c.byHospital()).extracting(ClearingLine::hospitalId, ClearingLine::clearedFen,
                ClearingLine::differenceFen).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("H1", 75_188L, -4_812L),
                        org.assertj.core.groups.Tuple.tuple("H2", 24_812L, -188L));
        assertThat(c.byGroup()).extracting(ClearingLine::group, ClearingLine::clearedFen).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AA11", 49_937L), org.assertj.core.groups.Tuple.tuple("BB11", 50_063L));
    }

    @Test
    void of_manyCellsWithAwkwardPoints_everyTotalAddsUpToTheFundToTheFen() {
        SplittableRandom r = new SplittableRandom(19);
        List<ClearingCell> cells = new ArrayList<>();
        for (int h = 0; h < 37; h++) {
            for (int g = 0; g < 61; g++) {
                if (r.nextInt(3) > 0) {
                    cells.add(new ClearingCell("H" + h, "G" + g, 1 + r.nextInt(50), r.nextDouble() * 3000 / 7, 0));
                }
            }
        }
        long fund = 123_456_789_01L; // 123,456,789.01 yuan

        Clearing c = Clearing.of(fund, cells);

        assertThat(c.lines().stream().mapToLong(ClearingLine::clearedFen).sum()).isEqualTo(fund);
        assertThat(c.byHospital().stream().mapToLong(ClearingLine::clearedFen).sum()).isEqualTo(fund);
        assertThat(c.byGroup().stream().mapToLong(ClearingLine::clearedFen).sum()).isEqualTo(fund);
        // each cell is within one fen of its exact share
        for (ClearingLine l : c.lines()) {
            assertThat(Math.abs(l.clearedFen() - fund * l.points() / c.totalPoints())).isLessThan(1.0 + 1e-6);
        }
    }

    @Test
    void allocate_zeroWeightCell_getsNothing() {
        assertThat(LargestRemainder.allocate(10, new double[] {0, 1, 2})).containsExactly(0, 3, 7);
        assertThat(Arrays.stream(LargestRemainder.allocate(7, new double[] {1, 1, 1})).sum()).isEqualTo(7);
        assertThat(LargestRemainder.allocate(7, new double[] {1, 1, 1})).containsExactly(3, 2, 2);
    }

    @Test
    void of_noPoints_refused() {
        assertThatThrownBy(() -> Clearing.of(100, List.of(new ClearingCell("H1", "A", 1, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
