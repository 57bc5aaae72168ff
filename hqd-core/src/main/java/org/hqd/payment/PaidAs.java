package org.hqd.payment;

/**
 * How a kind of case outside the group rules is paid: cases accepted for 特病单议 (with a reason), and cases not
 * grouped or whose group has no weight.
 */
public record PaidAs(String label, String source, PointsFormula points) {
}
