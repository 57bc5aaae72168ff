package org.hqd.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.junit.jupiter.api.Test;

final class WeightTableTest {

    @Test
    void parse_withRate_meansFromBaseCostOrWeightTimesRate() {
        PaymentWeights w = WeightTable.parse("\uFEFFdrg,weight,base_cost\r\nAA11,0.8,8000\r\nBB11,1.5,\r\n", "w.csv", "v",
                OptionalDouble.of(10_000), OptionalDouble.empty());

        assertThat(w.meanCost(w.group("AA11").orElseThrow(), 100)).isEqualTo(8000);
        assertThat(w.meanCost(w.group("BB11").orElseThrow(), 100)).isEqualTo(15_000);
        assertThat(w.yuanPerPoint(100).getAsDouble()).isEqualTo(100);
    }

    @Test
    void parse_withPointValue_yuanPerWeightIsValueTimesPoints() {
        PaymentWeights w = WeightTable.parse("drg,weight\nAA11,0.8\n", "w.csv", "v", OptionalDouble.empty(),
                OptionalDouble.of(95.5));

        assertThat(w.yuanPerWeight(100)).isEqualTo(9550);
        assertThat(w.yuanPerPoint(100).getAsDouble()).isEqualTo(95.5);
    }

    @Test
    void parse_neitherRateNorValue_catalogueMeanAndNoPresettlementValue() {
        PaymentWeights w = WeightTable.parse("drg,weight,base_cost\nAA11,1,8000\nBB11,3,28000\n", "w.csv", "v",
                OptionalDouble.empty(), OptionalDouble.empty());

        assertThat(w.yuanPerWeight(100)).isEqualTo(9000); // (8000 + 28000) / (1 + 3)
        assertThat(w.yuanPerPoint(100)).isEmpty();
    }

    @Test
    void parse_badRows_everyProblemWithItsLine() {
        String csv = "drg,weight,base_cost\nAA11,0.8,8000\nAA11,0.9,9000\nBB11,abc,\nCC11,-1,5\n,1,1\nDD11,1,0\n";

        assertThatThrownBy(() -> WeightTable.parse(csv, "w.csv", "v", OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems())
                        .extracting(RuleFileProblem::where)
                        .containsExactly("第 3 行", "第 4 行", "第 4 行", "第 5 行", "第 6 行", "第 7 行"));
    }

    @Test
    void parse_wrongHeader_saysWhatItShouldBe() {
        assertThatThrownBy(() -> WeightTable.parse("code,rw\nAA11,1\n", "w.csv", "v", OptionalDouble.of(1),
                OptionalDouble.empty())).hasMessageContaining("表头应为 drg,weight[,base_cost]");
    }

    @Test
    void parse_rateAndPointValue_refused() {
        assertThatThrownBy(() -> WeightTable.parse("drg,weight\nAA11,1\n", "w.csv", "v", OptionalDouble.of(1),
                OptionalDouble.of(2))).hasMessageContaining("只能给出一个");
    }
}
