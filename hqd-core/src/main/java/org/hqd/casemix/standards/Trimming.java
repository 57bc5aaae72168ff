package org.hqd.casemix.standards;

/**
 * Which cases of one DRG enter its standards (DESIGN §3.3): with n ≥ minCasesToTrim cases, x = ln(cost), keep a
 * case when |x − mean(x)| ≤ k · sd(x), sd the sample standard deviation (n − 1); a DRG with fewer cases, or
 * with sd = 0, keeps all. Costs must be positive (cases with cost ≤ 0 are left out before).
 */
public final class Trimming {
    private Trimming() {
    }

    /** A keep flag per cost, in the given order. */
    public static boolean[] kept(double[] costs, StandardsParameters p) {
        int n = costs.length;
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        if (n < p.minCasesToTrim()) {
            return keep;
        }
        double mean = 0;
        for (double c : costs) {
            mean += Math.log(c);
        }
        mean /= n;
        double ss = 0;
        for (double c : costs) {
            double d = Math.log(c) - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / (n - 1));
        if (sd == 0) {
            return keep;
        }
        for (int i = 0; i < n; i++) {
            keep[i] = Math.abs(Math.log(costs[i]) - mean) <= p.trimSigmas() * sd;
        }
        return keep;
    }
}
