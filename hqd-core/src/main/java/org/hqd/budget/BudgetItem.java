package org.hqd.budget;

import java.util.Set;

/**
 * A budget item: code, name, revenue or expenditure, its category (医疗收入, 财政补助收入, 业务活动费用, …) and the
 * evaluation measures its actual amounts add to (e.g. {@code staff_spending}), and the abstract charge columns
 * that forecast it from a department's cases (inpatient revenue items only).
 */
public record BudgetItem(String code, String name, BudgetKind kind, String category, Set<String> measures,
                         Set<String> caseCharges) {
    public BudgetItem {
        measures = Set.copyOf(measures);
        caseCharges = Set.copyOf(caseCharges);
    }
}
