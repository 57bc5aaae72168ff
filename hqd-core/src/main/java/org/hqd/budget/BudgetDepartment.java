package org.hqd.budget;

/** A department (cost centre) registered for a hospital's budget. */
public record BudgetDepartment(String hospitalId, String department) {
}
