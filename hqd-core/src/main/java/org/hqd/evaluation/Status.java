package org.hqd.evaluation;

/**
 * The outcome of one indicator of one hospital: met; not met but within the margin of the target (a warning for
 * follow-up); not met; or no data (an input is missing or a denominator is zero — never counted as zero).
 */
public enum Status {
    MET("达标"),
    WARNING("预警"),
    NOT_MET("未达标"),
    NO_DATA("无数据");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
