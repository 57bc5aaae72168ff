package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class AliasTableTest {
    @Test
    void sample_weights_drawnInProportion() {
        AliasTable t = new AliasTable(new double[] {1, 0, 3, 6});
        SplittableRandom r = new SplittableRandom(9);
        int[] counts = new int[4];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            counts[t.sample(r)]++;
        }
        assertThat(counts[1]).isZero();
        assertThat(counts[0] / (double) n).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
        assertThat(counts[2] / (double) n).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.005));
        assertThat(counts[3] / (double) n).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void new_noPositiveWeight_throws() {
        assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AliasTable(new double[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
    }
}
