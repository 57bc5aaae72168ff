package org.hqd.casemix.standards;

/** Whether a case's cost is far from its DRG's standard: 高倍率 (high), 低倍率 (low) or neither. */
public enum OutlierClass {
    HIGH("高倍率"),
    LOW("低倍率"),
    NORMAL("正常");

    private final String label;

    OutlierClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The class of a cost against its DRG (DESIGN §3.3): high when cost &gt; factor(RW) × kept mean, low when
     * cost &lt; lowFactor × kept mean.
     */
    public static OutlierClass of(double cost, GroupStandard g, StandardsParameters p) {
        if (cost > p.highFactor(g.rw()) * g.meanCost()) {
            return HIGH;
        }
        return cost < p.lowFactor() * g.meanCost() ? LOW : NORMAL;
    }
}
