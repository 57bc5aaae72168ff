package org.hqd.evaluation;

import java.util.Optional;

/**
 * Which way an indicator improves; decides rankings, percentiles and attainment scores. {@link #MONITOR} is the
 * national manual's 监测比较: the value is watched and compared, but neither way is better, so it is not ranked.
 */
public enum Direction {
    HIGHER_BETTER("逐步提高"),
    LOWER_BETTER("逐步降低"),
    MONITOR("监测比较");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The Chinese term of the national manuals. */
    public String label() {
        return label;
    }

    /** Whether values can be ranked (a better end exists). */
    public boolean ranked() {
        return this != MONITOR;
    }

    /** The direction with this enum name or Chinese term. */
    public static Optional<Direction> of(String text) {
        String t = text.strip();
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(t) || d.label.equals(t)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
