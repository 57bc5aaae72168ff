package org.hqd.app.budget;

import java.util.List;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.ExecutionLine;

/** Execution of a hospital's budget as of a month: the hospital's name, the version measured against, every line. */
public record BudgetStatus(String hospitalName, BudgetVersion basis, List<ExecutionLine> lines) {
    public BudgetStatus {
        lines = List.copyOf(lines);
    }
}
