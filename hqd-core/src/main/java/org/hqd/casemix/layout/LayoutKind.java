package org.hqd.casemix.layout;

/** What a layout is the form of. */
public enum LayoutKind {
    CANONICAL("HQD 标准格式"),
    HOMEPAGE("住院病案首页"),
    SETTLEMENT("医保结算清单");

    private final String label;

    LayoutKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
