package org.hqd.costing;

import java.time.Instant;

/**
 * A stored costing of a hospital's year: the rules it followed, the months of actuals, the total direct cost, the
 * expenditure that is not cost, the discharges of the year and those with a cost, the 住院 cost no case could take
 * (fen), and when and by whom it was run.
 */
public record CostingSummary(String hospitalId, int year, String rulesId, int months, long totalDirect, long notCost,
                             long cases, long costedCases, long unplaced, Instant runAt, String user) {
}
