package org.hqd.evaluation;

import java.util.Optional;

/** How a value is held against its target. */
public enum Comparison {
    GE("≥"),
    GT(">"),
    LE("≤"),
    LT("<");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the value meets the target. */
    public boolean met(double value, double target) {
        return switch (this) {
            case GE -> value >= target;
            case GT -> value > target;
            case LE -> value <= target;
            case LT -> value < target;
        };
    }

    /** Whether the target is a floor (the value should be at least it) rather than a ceiling. */
    public boolean floor() {
        return this == GE || this == GT;
    }

    /** The comparison written as {@code GE}, {@code >=} or {@code ≥} (and likewise for the others). */
    public static Optional<Comparison> of(String text) {
        String t = text.strip();
        for (Comparison c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.symbol.equals(t)) {
                return Optional.of(c);
            }
        }
        return switch (t) {
            case ">=" -> Optional.of(GE);
            case "<=" -> Optional.of(LE);
            default -> Optional.empty();
        };
    }
}
