package org.hqd.quality;

/** What a failed quality rule does to a row: an error keeps it out, a warning keeps it in with the flag. */
public enum Severity {
    ERROR("错误"),
    WARNING("警告");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
