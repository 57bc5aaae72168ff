package org.hqd.casemix.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

final class RanksTest {
    @Test
    void descending_tiesShareTheBestRankAndTheNextSkips() {
        List<OptionalDouble> v = List.of(OptionalDouble.of(1.2), OptionalDouble.of(1.5), OptionalDouble.of(1.2),
                OptionalDouble.empty(), OptionalDouble.of(0.9));

        assertThat(Ranks.descending(v)).containsExactly(2, 1, 2, 0, 4);
    }

    @Test
    void descending_valuesEqualButForTheLastBitsOfASum_tie() {
        double summedOneWay = 0.1 + 0.2;
        double summedTheOther = 0.3;
        assertThat(summedOneWay).isNotEqualTo(summedTheOther);
        List<OptionalDouble> v = List.of(OptionalDouble.of(0.7), OptionalDouble.of(summedOneWay),
                OptionalDouble.of(summedTheOther), OptionalDouble.of(0.2999999));

        assertThat(Ranks.descending(v)).containsExactly(1, 2, 2, 4);
    }

    @Test
    void descending_noValues_isEmpty() {
        assertThat(Ranks.descending(List.of())).isEmpty();
    }
}
