package org.hqd.casemix.standards;

/**
 * The parameters of the standards (DESIGN §3.3 defaults); every one is named in output.
 *
 * @param trimSigmas       keep a case when |ln(cost) − mean| ≤ trimSigmas · sd within its DRG
 * @param minCasesToTrim   DRGs with fewer cases keep all of them
 * @param highFactorLowRw  高倍率 when cost &gt; this × the DRG's kept mean, for RW ≤ {@code rwBand1}
 * @param highFactorMidRw  the same for rwBand1 &lt; RW ≤ rwBand2
 * @param highFactorHighRw the same for RW &gt; rwBand2
 * @param lowFactor        低倍率 when cost &lt; this × the kept mean
 */
public record StandardsParameters(double trimSigmas, int minCasesToTrim, double rwBand1, double rwBand2,
                                  double highFactorLowRw, double highFactorMidRw, double highFactorHighRw,
                                  double lowFactor) {
    /** The defaults of DESIGN §3.3. */
    public static final StandardsParameters DEFAULTS = new StandardsParameters(3.0, 3, 1.0, 2.0, 3.0, 2.0, 1.5, 0.4);

    public StandardsParameters {
        if (trimSigmas <= 0 || minCasesToTrim < 2 || rwBand1 <= 0 || rwBand2 < rwBand1 || lowFactor <= 0
                || highFactorLowRw <= 1 || highFactorMidRw <= 1 || highFactorHighRw <= 1) {
            throw new IllegalArgumentException("invalid standards parameters: trimSigmas > 0, minCasesToTrim ≥ 2, "
                    + "0 < rwBand1 ≤ rwBand2, high factors > 1, lowFactor > 0");
        }
    }

    /** The high-outlier factor for a DRG of this relative weight. */
    public double highFactor(double rw) {
        return rw <= rwBand1 ? highFactorLowRw : rw <= rwBand2 ? highFactorMidRw : highFactorHighRw;
    }
}
