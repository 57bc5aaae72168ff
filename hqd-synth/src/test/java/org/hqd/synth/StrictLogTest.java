package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class StrictLogTest {
    private static void same(double x) {
        assertThat(Double.doubleToLongBits(StrictLog.log(x))).as("log(%s)", x)
                .isEqualTo(Double.doubleToLongBits(StrictMath.log(x)));
    }

    @Test
    void log_specialValues_asStrictMath() {
        for (double x : new double[] {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, Math.E, Double.MIN_VALUE, Double.MIN_NORMAL,
            1e-310, Double.MAX_VALUE, Math.nextUp(1.0), Math.nextDown(1.0), Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}) {
            same(x);
        }
    }

    @Test
    void log_randomArguments_sameBitsAsStrictMath() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 1_000_000; i++) {
            same(r.nextDouble());                                                 // the generator's range (0, 1)
            same(Double.longBitsToDouble(r.nextLong() & 0x7fffffffffffffffL));   // any positive double
            same(1 + (r.nextDouble() - 0.5) * 1e-5);                              // near 1, |f| < 2^-20 included
        }
    }
}
