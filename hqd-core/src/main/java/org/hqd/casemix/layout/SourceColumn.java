package org.hqd.casemix.layout;

import java.util.Objects;

/**
 * A column of a layout's files that feeds a canonical column, with the factor its number is multiplied by (24 for a
 * duration in days that fills hours; 1 otherwise).
 */
public record SourceColumn(String name, double factor) {
    public SourceColumn {
        Objects.requireNonNull(name, "name");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor of " + name + " must be positive: " + factor);
        }
    }

    /** A column taken as it is. */
    public static SourceColumn of(String name) {
        return new SourceColumn(name, 1);
    }
}
