package org.hqd.costing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Divides an amount of fen in proportion to non-negative weights so that the parts add up to the amount exactly
 * (the largest-remainder method):
 * <ol>
 *   <li>each part is |amount| × weight / Σ weights rounded down, computed in exact integer arithmetic (decimal
 *       weights are first brought to one scale);</li>
 *   <li>the fen left over — fewer than the number of parts — go one each to the parts with the largest remainders
 *       of that division, ties to the earlier part;</li>
 *   <li>a negative amount is divided as its absolute value and every part negated.</li>
 * </ol>
 * No part is ever off its exact share by a whole fen or more, a zero weight gets nothing, and the same input gives
 * the same parts. The weights must not all be zero (the caller reports that as a problem of its input).
 */
public final class Apportion {
    private Apportion() {
    }

    /** The parts of {@code amount} in proportion to {@code weights} (decimals ≥ 0, not all zero). */
    public static long[] of(long amount, BigDecimal[] weights) {
        int scale = 0;
        for (BigDecimal w : weights) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            scale = Math.max(scale, w.scale());
        }
        BigInteger[] ints = new BigInteger[weights.length];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            ints[i] = weights[i].setScale(scale).unscaledValue();
            sum = sum.add(ints[i]);
        }
        if (sum.bitLength() < 62) {
            return of(amount, Arrays.stream(ints).mapToLong(BigInteger::longValueExact).toArray());
        }
        return exact(amount, ints);
    }

    /** The parts of {@code amount} in proportion to whole-number {@code weights} (≥ 0, not all zero). */
    public static long[] of(long amount, long[] weights) {
        long total = 0;
        long max = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            total = Math.addExact(total, w);
            max = Math.max(max, w);
        }
        if (total == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        long abs = Math.abs(amount);
        if (total >= (1L << 62)) {
            BigInteger[] b = Arrays.stream(weights).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
            return exact(amount, b);
        }
        long[] parts = new long[weights.length];
        long[] rest = new long[weights.length];
        long given = 0;
        long[] qr = new long[2];
        for (int i = 0; i < weights.length; i++) {
            if (!mulDiv(abs, weights[i], total, qr)) {
                BigInteger[] b = Arrays.stream(weights).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
                return exact(amount, b);
            }
            parts[i] = qr[0];
            rest[i] = qr[1];
            given += parts[i];
        }
        return finish(amount, abs - given, parts, Comparator.comparingLong((Integer i) -> rest[i]).reversed());
    }

    /**
     * The quotient and remainder of a × w / d (all ≥ 0, d > 0, w ≤ d) in exact 128-bit arithmetic: a floating-point
     * estimate corrected until 0 ≤ a·w − q·d < d. False (use BigInteger) in the unlikely case the estimate is far off.
     */
    static boolean mulDiv(long a, long w, long d, long[] qr) {
        long q = (long) ((double) a * (double) w / (double) d);
        long h1 = Math.multiplyHigh(a, w);
        long l1 = a * w;
        for (int step = 0; step < 8; step++) {
            long h2 = Math.multiplyHigh(q, d);
            long l2 = q * d;
            long lo = l1 - l2;
            long hi = h1 - h2 - (Long.compareUnsigned(l1, l2) < 0 ? 1 : 0);
            if (hi < 0) {
                q--;
            } else if (hi > 0 || Long.compareUnsigned(lo, d) >= 0) {
                q++;
            } else {
                qr[0] = q;
                qr[1] = lo;
                return true;
            }
        }
        return false;
    }

    private static long[] exact(long amount, BigInteger[] weights) {
        BigInteger total = BigInteger.ZERO;
        for (BigInteger w : weights) {
            total = total.add(w);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        BigInteger abs = BigInteger.valueOf(amount).abs();
        long[] parts = new long[weights.length];
        BigInteger[] rest = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = abs.multiply(weights[i]).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            rest[i] = qr[1];
            given += parts[i];
        }
        return finish(amount, Math.abs(amount) - given, parts, Comparator.comparing((Integer i) -> rest[i]).reversed());
    }

    /** Gives the {@code left} fen to the largest remainders (ties to the earlier part) and restores the sign. */
    private static long[] finish(long amount, long left, long[] parts, Comparator<Integer> largestFirst) {
        if (left > 0) {
            Integer[] order = IntStream.range(0, parts.length).boxed().toArray(Integer[]::new);
            Arrays.sort(order, largestFirst.thenComparing(i -> i));
            for (int k = 0; k < left; k++) {
                parts[order[k]]++;
            }
        }
        if (amount < 0) {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }
}
