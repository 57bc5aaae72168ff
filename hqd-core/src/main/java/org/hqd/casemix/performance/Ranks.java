package org.hqd.casemix.performance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Ranks of values within a peer group, highest first, with standard competition ranking for ties ("1224": equal
 * values share the best rank, the next rank skips). Units without a value are not ranked (rank 0). Values equal to
 * nine significant digits are equal: a sum of doubles may differ in its last bits with the order it was added in
 * (the store's parallel aggregation), and two hospitals with the same score must not be ranked 2 and 3 one run
 * and 2 and 2 the next.
 */
public final class Ranks {
    private Ranks() {
    }

    /** The rank of each value, in the given order; 0 for an empty value. */
    public static int[] descending(List<OptionalDouble> values) {
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values.get(i).isPresent()
                ? -values.get(i).getAsDouble() : Double.POSITIVE_INFINITY));
        int[] rank = new int[values.size()];
        for (int k = 0; k < order.length; k++) {
            OptionalDouble v = values.get(order[k]);
            if (v.isEmpty()) {
                break;
            }
            boolean tie = k > 0 && values.get(order[k - 1]).isPresent()
                    && same(values.get(order[k - 1]).getAsDouble(), v.getAsDouble());
            rank[order[k]] = tie ? rank[order[k - 1]] : k + 1;
        }
        return rank;
    }

    /** Equal to nine significant digits (relative to the larger magnitude, at least 1e-9 absolute). */
    static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
}
