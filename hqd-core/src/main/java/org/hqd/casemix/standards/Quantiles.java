package org.hqd.casemix.standards;

/** Percentiles by linear interpolation between order statistics (DuckDB {@code quantile_cont}, numpy's default). */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The p-quantile (0 ≤ p ≤ 1) of sorted values: position p·(n−1), interpolated between its neighbours.
     *
     * @throws IllegalArgumentException for no values
     */
    public static double of(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
