package org.hqd.intake;

/** Cases of one tier: hospitals, cases, grouped share, distinct DRGs, mean LOS and cost. */
public record TierLine(String tier, long hospitals, long cases, double groupedShare, long drgs, double meanLos,
                       double meanCost) { }
