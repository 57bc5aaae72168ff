package org.hqd.budget;

/** A value reported for a performance target of the {@code MANUAL} source (by its name), as of a month. */
public record TargetValue(String hospitalId, int year, String target, int month, double value) {
}
