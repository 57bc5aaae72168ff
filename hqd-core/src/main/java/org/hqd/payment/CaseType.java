package org.hqd.payment;

/** How the insurer pays a case (the settlement's {@code case_type}). */
public enum CaseType {
    NORMAL("normal", "正常病例"),
    HIGH("high", "高倍率病例"),
    LOW("low", "低倍率病例"),
    /** A special case of the rules (death within 24 h, transfer …) or a case accepted for 特病单议. */
    SPECIAL("special", "特殊病例"),
    /** Not grouped, or its group has no weight in the version in force. */
    UNGROUPED("ungrouped", "未入组病例");

    private final String code;
    private final String label;

    CaseType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value of the settlement's {@code case_type} column. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
