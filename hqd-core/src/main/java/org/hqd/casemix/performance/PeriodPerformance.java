package org.hqd.casemix.performance;


/**
 * A unit's performance in one period: a month {@code YYYY-MM}, or empty for the whole filter; with the total
 * cost of its grouped cases (what a payment by weight is set against).
 */
public record PeriodPerformance(String period, UnitPerformance performance, double groupedCost) { }
