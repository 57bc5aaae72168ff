/**
 * Budget management's use cases (全面预算管理): {@link org.hqd.app.budget.BudgetService} changes budgets (imports,
 * template compile, the workflow steps, adjustments, departments and performance targets); {@link
 * org.hqd.app.budget.BudgetReports} reads them (list, execution, history, what a user sees, the yearly report).
 */
@NullMarked
package org.hqd.app.budget;

import org.jspecify.annotations.NullMarked;
