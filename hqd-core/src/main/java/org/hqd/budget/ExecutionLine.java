package org.hqd.budget;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A department × item line of budget execution as of month M: the annual budget, the budget of months 1–M, the
 * actual amount of months 1–M, the budget and actual amount of month M alone (fen), execution rate = actual to date /
 * annual budget (none without a budget), time progress = M / 12, and the alerts that fire.
 */
public record ExecutionLine(String department, BudgetItem item, long annualBudget, long budgetToDate,
                            long actualToDate, long budgetOfMonth, long actualOfMonth, OptionalDouble executionRate,
                            double timeProgress, List<BudgetRules.AlertRule> alerts) {
    public ExecutionLine {
        alerts = List.copyOf(alerts);
    }
}
