package org.hqd.casemix.standards;

/**
 * The standard of one DRG (one row of {@code hqd standards}): cases, cases kept by trimming, relative weight,
 * cost percentiles and means over the kept cases, mortality over all its grouped cases and its risk level.
 *
 * @param cases        grouped cases with cost &gt; 0
 * @param trimmedCases the cases kept after trimming (裁剪后病例数)
 * @param riskLevel    0 no deaths, 1 low, 2 mid-low, 3 mid-high, 4 high
 */
public record GroupStandard(String drg, int cases, int trimmedCases, double rw, double meanCost, double medianCost,
                            double p25Cost, double p75Cost, double p90Cost, double meanLos, double meanDrugCost,
                            double meanConsumableCost, double meanExamLabCost, double mortality, int riskLevel) {
}
