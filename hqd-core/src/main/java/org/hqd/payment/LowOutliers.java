package org.hqd.payment;

/**
 * The low-outlier rule (低倍率): a case whose charges are below {@code costBelow} times its group's mean cost, and how
 * its points are computed.
 */
public record LowOutliers(String source, double costBelow, PointsFormula points) {
}
