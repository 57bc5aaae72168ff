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
    void descending_noValues_isEmpty() {
        assertThat(Ranks.descending(List.of())).isEmpty();
    }
}
