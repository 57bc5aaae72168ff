package org.hqd.budget;

/** What a user does to a budget; every action is an event of its history and of the audit log. */
public enum BudgetAction {
    COMPILE("编制"),
    SUBMIT("提交"),
    APPROVE("批准"),
    RETURN("退回"),
    ADJUST("调整"),
    CLOSE("决算");

    private final String label;

    BudgetAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
