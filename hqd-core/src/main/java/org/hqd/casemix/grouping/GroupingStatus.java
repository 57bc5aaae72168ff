package org.hqd.casemix.grouping;

/** The outcome of grouping one case. */
public enum GroupingStatus {
    /** Grouped into a DRG (分组成功). */
    GROUPED("分组成功"),
    /** No MDC gave a result (无法入组): DRG {@code 0000}. */
    UNGROUPABLE("无法入组"),
    /** The procedure does not fit the principal diagnosis (歧义病案): ADRG {@code QY}. */
    AMBIGUOUS("歧义病案"),
    /** The input fails a check before grouping (数据不合格); the reason names the field. */
    INVALID("数据不合格");

    private final String label;

    GroupingStatus(String label) {
        this.label = label;
    }

    /** The Chinese term used by the published groupers. */
    public String label() {
        return label;
    }
}
