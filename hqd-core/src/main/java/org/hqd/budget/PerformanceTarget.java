package org.hqd.budget;

import org.hqd.evaluation.Comparison;

/**
 * A performance target of a budget line (预算绩效目标): the department and item it belongs to (item empty: the
 * department's whole budget), its dimension, name, comparison, target value, unit and weight, and where its actual
 * comes from: {@code MANUAL} (values reported with hqd budget perf), {@code EXECUTION_RATE} (the line's execution
 * rate, a fraction) or {@code indicator:<id>} (an HQD indicator of the hospital, measured on the data).
 */
public record PerformanceTarget(String hospitalId, int year, String department, String item,
                                PerformanceDimension dimension, String name, Comparison comparison, double target,
                                String unit, double weight, String source) {
    public static final String MANUAL = "MANUAL";
    public static final String EXECUTION_RATE = "EXECUTION_RATE";
    public static final String INDICATOR = "indicator:";
}
