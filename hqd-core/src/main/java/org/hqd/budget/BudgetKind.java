package org.hqd.budget;

/** Whether a budget item is revenue or expenditure. */
public enum BudgetKind {
    REVENUE("收入"),
    EXPENDITURE("支出");

    private final String label;

    BudgetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
