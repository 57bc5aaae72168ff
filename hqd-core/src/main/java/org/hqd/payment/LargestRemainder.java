package org.hqd.payment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/*
 * Largest remainder (Hamilton) apportionment in exact arithmetic: share_i = total × w_i / Σw as an exact fraction
 * (the doubles' exact binary values); each gets floor(share_i), and the units left over — fewer than the number of
 * shares — go one each to the largest fractional parts, ties to the earlier share. The parts sum to the total.
 */
/** Splits a whole number of units (fen) in proportion to weights so that the parts add up to it exactly. */
public final class LargestRemainder {
    private LargestRemainder() {
    }

    /**
     * @param total   the units to split, ≥ 0
     * @param weights non-negative, finite; at least one positive when total > 0
     */
    public static long[] allocate(long total, double[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total < 0: " + total);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + w);
            }
            sum = sum.add(new BigDecimal(w));
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("no positive weight to split " + total + " over");
        }
        BigDecimal t = BigDecimal.valueOf(total);
        BigDecimal[] remainders = new BigDecimal[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigDecimal[] qr = t.multiply(new BigDecimal(weights[i])).divideAndRemainder(sum);
            parts[i] = qr[0].toBigIntegerExact().longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long left = total - given;
        Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> i));
        for (int k = 0; k < left; k++) {
            parts[order[k]]++;
        }
        return parts;
    }

}
