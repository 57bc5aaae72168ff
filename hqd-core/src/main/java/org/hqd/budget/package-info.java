/**
 * Comprehensive budget management (全面预算管理): the budget items of the hospital accounting system and cost
 * centres as data ({@link org.hqd.budget.BudgetCatalog}), the workflow of a budget's versions
 * ({@link org.hqd.budget.BudgetWorkflow}: 编制 → 提交 → 批准 / 退回 → 调整 → 决算), the checks of imported rows
 * ({@link org.hqd.budget.BudgetRowCheck}), execution against the budget and time progress with alerts whose
 * thresholds are data ({@link org.hqd.budget.Execution}, {@link org.hqd.budget.BudgetRules}), revenue and
 * expenditure structure, variance, budget performance scores and the content of the yearly report. Amounts are
 * whole fen (分, hundredths of a yuan) in {@code long}, so sums are exact. No I/O here.
 */
package org.hqd.budget;
