package org.hqd.casemix.monitoring;

/**
 * One measure of a current stay against its DRG standard: actual / standard and the alert it raises.
 *
 * @param measure the Chinese name of the measure, e.g. 总费用
 */
public record StayRatio(String measure, double actual, double standard, double ratio, Alert alert) {

    /** How close a measure is to its standard. */
    public enum Alert {
        NONE("正常"),
        NEAR("已达标准的 80%"),
        OVER("已超过标准");

        private final String label;

        Alert(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
