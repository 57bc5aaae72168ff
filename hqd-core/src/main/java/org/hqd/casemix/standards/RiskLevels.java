package org.hqd.casemix.standards;

import java.util.HashMap;
import java.util.Map;

/**
 * Mortality risk levels of DRGs (DESIGN §3.4): groups with no deaths are level 0; for the others x = ln(m), μ
 * their mean and σ their sample SD: level 1 (low) x &lt; μ−σ, 2 (mid-low) μ−σ ≤ x &lt; μ, 3 (mid-high)
 * μ ≤ x &lt; μ+σ, 4 (high) x ≥ μ+σ. With a single group with deaths σ is taken as 0, so that group is level 4.
 */
public final class RiskLevels {
    private RiskLevels() {
    }

    /** DRG → level, from DRG → mortality (deaths / grouped cases). */
    public static Map<String, Integer> of(Map<String, Double> mortality) {
        Map<String, Integer> levels = new HashMap<>();
        double sum = 0;
        int n = 0;
        for (double m : mortality.values()) {
            if (m > 0) {
                sum += Math.log(m);
                n++;
            }
        }
        double mu = n == 0 ? 0 : sum / n;
        double ss = 0;
        for (double m : mortality.values()) {
            if (m > 0) {
                ss += (Math.log(m) - mu) * (Math.log(m) - mu);
            }
        }
        double sigma = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
        mortality.forEach((drg, m) -> levels.put(drg, level(m, mu, sigma)));
        return levels;
    }

    static int level(double m, double mu, double sigma) {
        if (m <= 0) {
            return 0;
        }
        double x = Math.log(m);
        if (x < mu - sigma) {
            return 1;
        }
        if (x < mu) {
            return 2;
        }
        return x < mu + sigma ? 3 : 4;
    }
}
