package org.hqd.ledger;

/** How a plan states a quantitative target: "达到 X", "X 以上", "X 以内", "X 左右". */
public enum TargetComparator {
    REACH("达到", "≥"),
    AT_LEAST("不少于", "≥"),
    AT_MOST("不超过", "≤"),
    ABOUT("左右", "≈");

    /** Relative tolerance of "左右" (about): within 10 % of the target counts as reached. */
    public static final double ABOUT_TOLERANCE = 0.10;

    private final String label;
    private final String symbol;

    TargetComparator(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether an actual value reaches the target. */
    public boolean met(double actual, double target) {
        return switch (this) {
            case REACH, AT_LEAST -> actual >= target;
            case AT_MOST -> actual <= target;
            case ABOUT -> Math.abs(actual - target) <= ABOUT_TOLERANCE * Math.abs(target) * (1 + 1e-12);
        };
    }
}
