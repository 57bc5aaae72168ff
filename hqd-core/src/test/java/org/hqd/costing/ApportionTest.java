package org.hqd.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Largest-remainder division: exact sums, ties to the earlier part, signs, huge amounts. */
final class ApportionTest {
    @Test
    void of_thirds_leftoverFenGoesToTheEarliestOfEqualRemainders() {
        assertThat(Apportion.of(100, new long[] {1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(Apportion.of(200, new long[] {1, 1, 1})).containsExactly(67, 67, 66);
    }

    @Test
    void of_largestRemainderWins_notTheLargestWeight() {
        // 10 × 0.15 = 1.5, 10 × 0.35 = 3.5, 10 × 0.5 = 5: floors 1 + 3 + 5 = 9, remainders .5 .5 0 → the first .5
        assertThat(Apportion.of(10, new long[] {15, 35, 50})).containsExactly(2, 3, 5);
        // 7 × 6/10 = 4.2, 7 × 4/10 = 2.8: the 0.8 remainder takes the fen
        assertThat(Apportion.of(7, new long[] {6, 4})).containsExactly(4, 3);
    }

    @Test
    void of_negativeAmount_isTheNegatedDivisionOfItsAbsoluteValue() {
        assertThat(Apportion.of(-100, new long[] {1, 1, 1})).containsExactly(-34, -33, -33);
    }

    @Test
    void of_zeroWeight_getsNothing_andAllZeroIsRefused() {
        assertThat(Apportion.of(5, new long[] {0, 1, 0})).containsExactly(0, 5, 0);
        assertThatThrownBy(() -> Apportion.of(5, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_decimalWeights_broughtToOneScale() {
        assertThat(Apportion.of(1_000, new BigDecimal[] {new BigDecimal("0.5"), new BigDecimal("1.25"),
                new BigDecimal("0.25")})).containsExactly(250, 625, 125);
    }

    @Test
    void of_amountTimesWeightBeyondLong_exactWithBigIntegers() {
        long amount = 9_000_000_000_000_000L;
        long[] parts = Apportion.of(amount, new long[] {3_000_000_000L, 3_000_000_000L, 3_000_000_001L});
        assertThat(Arrays.stream(parts).sum()).isEqualTo(amount);
        // quotients 2,999,999,999,666,666 (twice) and 3,000,000,000,666,666; the 2 fen left go to the remainders
        // 6,000,333,334 (twice) over 5,999,333,334 — computed with Python's integers
        assertThat(parts).containsExactly(2_999_999_999_666_667L, 2_999_999_999_666_667L, 3_000_000_000_666_666L);
    }

    @Test
    void of_randomInputs_sumIsExactAndNoPartIsAFenOffItsShare() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            long amount = r.nextLong(-10_000_000_000L, 10_000_000_000L);
            long[] w = new long[1 + r.nextInt(12)];
            for (int i = 0; i < w.length; i++) {
                w[i] = r.nextInt(4) == 0 ? 0 : r.nextLong(1, 1_000_000_000L);
            }
            if (Arrays.stream(w).sum() == 0) {
                w[0] = 1;
            }
            long[] p = Apportion.of(amount, w);
            assertThat(Arrays.stream(p).sum()).isEqualTo(amount);
            double total = Arrays.stream(w).sum();
            for (int i = 0; i < w.length; i++) {
                assertThat(Math.abs(p[i] - amount * (w[i] / total))).isLessThan(1.0 + 1e-6);
            }
        }
    }

    @Test
    void mulDiv_randomLargeOperands_equalsBigIntegerDivision() {
        SplittableRandom r = new SplittableRandom(11);
        long[] qr = new long[2];
        for (int n = 0; n < 20_000; n++) {
            long d = r.nextLong(1, 1L << 62);
            long w = r.nextLong(0, d + 1);
            // amounts of money up to 2^50 fen always take the exact long path; larger ones may fall back to BigInteger
            boolean money = n % 2 == 0;
            long a = money ? r.nextLong(0, 1L << 50) : r.nextLong(0, Long.MAX_VALUE);
            java.math.BigInteger[] exact = java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(w))
                    .divideAndRemainder(java.math.BigInteger.valueOf(d));
            boolean done = Apportion.mulDiv(a, w, d, qr);
            assertThat(done || !money).as("%d × %d / %d on the long path", a, w, d).isTrue();
            if (done) {
                assertThat(qr).as("%d × %d / %d", a, w, d).containsExactly(exact[0].longValueExact(),
                        exact[1].longValueExact());
            }
        }
    }
}
