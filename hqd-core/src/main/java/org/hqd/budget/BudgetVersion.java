package org.hqd.budget;

/**
 * One version of a hospital's budget for a year: 1 is the original budget, each later one an adjustment (调整)
 * made from the version in force, with its reason. The version in force is the latest approved (or closed) one.
 */
public record BudgetVersion(String hospitalId, int year, int version, boolean adjustment, BudgetState state,
                            String reason) {
    public BudgetVersion {
        reason = reason == null ? "" : reason;
    }

    public String label() {
        return adjustment ? "第 " + (version - 1) + " 次调整" : "年初预算";
    }

    public BudgetVersion with(BudgetState s) {
        return new BudgetVersion(hospitalId, year, version, adjustment, s, reason);
    }
}
