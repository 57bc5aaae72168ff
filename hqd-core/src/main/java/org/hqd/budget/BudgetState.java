package org.hqd.budget;

/** The state of a budget version. */
public enum BudgetState {
    DRAFT("编制中"),
    SUBMITTED("已提交"),
    RETURNED("已退回"),
    APPROVED("已批准"),
    CLOSED("已决算");

    private final String label;

    BudgetState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
