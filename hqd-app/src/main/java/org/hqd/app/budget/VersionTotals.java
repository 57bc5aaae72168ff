package org.hqd.app.budget;

import org.hqd.budget.BudgetVersion;

/** A version of a budget with its revenue and expenditure in fen (of the lines asked for: all, or a department's). */
public record VersionTotals(BudgetVersion version, long revenue, long expenditure) { }
