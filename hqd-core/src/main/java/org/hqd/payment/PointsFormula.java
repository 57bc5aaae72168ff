package org.hqd.payment;

/**
 * How a case's points are computed (the formulas of the point method). {@code base} is the group's base points
 * (weight × points per weight, times the case's adjustment), {@code r} the case's charges / the group's mean cost,
 * {@code m} the high-outlier multiple of the group's weight band.
 */
public enum PointsFormula {
    /** base: a normal case. */
    BASE("基准点数", true),
    /** base + (r − m) × base: a high outlier (高倍率), paid its base points and the cost above m times the mean. */
    BASE_PLUS_EXCESS("基准点数 + (费用/病组均费用 − 倍数) × 基准点数", true),
    /** base × r: paid in proportion to cost (低倍率). */
    PROPORTIONAL("基准点数 × 费用/病组均费用", true),
    /** base × min(r, 1): in proportion to cost, at most the base points. */
    PROPORTIONAL_CAPPED("基准点数 × min(费用/病组均费用, 1)", true),
    /** charges / yuan per weight × points per weight: by cost (按项目), converted at the catalogue's mean. */
    COST("费用 / 每权重费用 × 每权重点数（按实际费用折算）", false),
    /** nothing. */
    NONE("不计点数", false);

    private final String label;
    private final boolean needsGroup;

    PointsFormula(String label, boolean needsGroup) {
        this.label = label;
        this.needsGroup = needsGroup;
    }

    /** The formula in Chinese. */
    public String label() {
        return label;
    }

    /** Whether the formula needs the case's group (its base points and mean cost). */
    public boolean needsGroup() {
        return needsGroup;
    }
}
