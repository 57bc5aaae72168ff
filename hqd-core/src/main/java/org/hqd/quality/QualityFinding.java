package org.hqd.quality;

/** A rule a row fails, with what exactly is wrong in this row (e.g. the field and its value). */
public record QualityFinding(QualityRule rule, String detail) {

    /** The rule's message and the detail, for people. */
    public String message() {
        return detail.isEmpty() ? rule.message() : rule.message() + "：" + detail;
    }
}
