package org.hqd.app.budget;

import java.util.List;
import org.hqd.budget.BudgetEvent;

/** The versions of a hospital-year's budget with their totals, and every step of its workflow. */
public record BudgetHistory(List<VersionTotals> versions, List<BudgetEvent> events) {
    public BudgetHistory {
        versions = List.copyOf(versions);
        events = List.copyOf(events);
    }
}
