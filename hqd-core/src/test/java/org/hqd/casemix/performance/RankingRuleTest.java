package org.hqd.casemix.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

final class RankingRuleTest {
    private static UnitPerformance unit(String name, long grouped, double cmi) {
        OptionalDouble none = OptionalDouble.empty();
        return new UnitPerformance(name, grouped, grouped, 1, cmi * grouped, OptionalDouble.of(cmi), none, none, none,
                none, none, none, none, none, none);
    }

    @Test
    void standard_bundledFile_thirtyCases() {
        assertThat(RankingRule.standard().minCases()).isEqualTo(30);
    }

    @Test
    void byCmi_unitWithFewCases_notRankedEvenWithTheHighestCmi() {
        List<UnitPerformance> units = List.of(unit("one case", 1, 5.2), unit("a", 40, 1.1), unit("b", 30, 1.4),
                unit("c", 29, 2.0), unit("d", 100, 1.1));
        assertThat(new RankingRule(30).byCmi(units)).containsExactly(0, 2, 1, 0, 2);
    }

    @Test
    void parse_otherMinimum_andBadFiles() {
        assertThat(RankingRule.parse("parameter\tvalue\nmin_cases\t50\n", "x.tsv").minCases()).isEqualTo(50);
        assertThatThrownBy(() -> RankingRule.parse("parameter\tvalue\n", "x.tsv")).isInstanceOf(HqdException.class)
                .hasMessageContaining("x.tsv").hasMessageContaining("min_cases");
        assertThatThrownBy(() -> RankingRule.parse("min_cases\tthirty", "x.tsv")).hasMessageContaining("thirty");
        assertThatThrownBy(() -> new RankingRule(0)).isInstanceOf(HqdException.class);
    }
}
