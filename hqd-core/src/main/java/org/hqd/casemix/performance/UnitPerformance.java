package org.hqd.casemix.performance;

import java.util.OptionalDouble;

/**
 * The metrics of one unit (a row of {@code hqd metrics}). A value that cannot be defined — CMI of a unit without
 * grouped cases, an index without comparable DRGs, low-risk mortality without low-risk cases — is empty, never 0
 * and never NaN.
 */
public record UnitPerformance(String unit, long cases, long grouped, int drgCount, double totalWeight,
                              OptionalDouble cmi, OptionalDouble costIndex, OptionalDouble timeIndex,
                              OptionalDouble drugIndex, OptionalDouble consumableIndex,
                              OptionalDouble lowRiskMortality, OptionalDouble midLowRiskMortality,
                              OptionalDouble alos, OptionalDouble mortality, OptionalDouble meanCost) {
    /** The same metrics under another unit name (a hospital's DRG under its DRG code alone). */
    public UnitPerformance withUnit(String name) {
        return new UnitPerformance(name, cases, grouped, drgCount, totalWeight, cmi, costIndex, timeIndex, drugIndex,
                consumableIndex, lowRiskMortality, midLowRiskMortality, alos, mortality, meanCost);
    }
}
