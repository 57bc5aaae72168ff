package org.hqd.casemix.rulepack;

/** The weight of a secondary diagnosis: a complication or comorbidity (CC) or a major one (MCC). */
public enum ComplicationLevel {
    CC("CC", "并发症或合并症"),
    MCC("MCC", "严重并发症或合并症");

    private final String code;
    private final String label;

    ComplicationLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The Chinese term. */
    public String label() {
        return label;
    }
}
