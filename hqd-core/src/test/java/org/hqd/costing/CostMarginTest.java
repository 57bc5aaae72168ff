package org.hqd.costing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Margins on charges and on cost, with any payment. */
final class CostMarginTest {
    @Test
    void of_costOnlyWhereCasesAreCosted() {
        CostMargin m = CostMargin.of("FR21", List.of(
                new CostMargin.CaseAmounts(10_000, 12_000, OptionalDouble.of(9_000)),
                new CostMargin.CaseAmounts(8_000, 7_000, OptionalDouble.of(7_500)),
                new CostMargin.CaseAmounts(5_000, 4_000, OptionalDouble.empty())));

        assertThat(m.marginOnCharges()).isEqualTo(23_000 - 23_000);
        assertThat(m.costedCases()).isEqualTo(2);
        assertThat(m.marginOnCost()).hasValue(18_000 - 16_500);
    }

    @Test
    void of_noCostedCase_noMarginOnCost() {
        CostMargin m = CostMargin.of("FR21", List.of(new CostMargin.CaseAmounts(1, 2, OptionalDouble.empty())));
        assertThat(m.marginOnCost()).isEmpty();
        assertThat(m.marginOnCharges()).isEqualTo(-1);
    }
}
