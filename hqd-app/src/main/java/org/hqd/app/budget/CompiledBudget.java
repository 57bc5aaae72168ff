package org.hqd.app.budget;

import org.hqd.budget.BudgetVersion;

/**
 * A draft compiled from the template: its version, its lines, how many came from last year's actuals and how many
 * from the case forecast, and the case growth used.
 */
public record CompiledBudget(BudgetVersion version, int lines, int fromActuals, int fromCases, double caseGrowth) { }
