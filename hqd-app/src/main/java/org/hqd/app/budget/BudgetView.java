package org.hqd.app.budget;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.StructureIndicators;
import org.hqd.budget.Variance;

/**
 * A hospital-year's budget as of a month, as a reader sees it: the whole report and, for a department user, the
 * department's lines only, with the versions' totals, structure, variance and performance of those lines.
 */
public record BudgetView(Selection selection, BudgetReport report, Optional<String> department,
                         Optional<BudgetVersion> inForce, List<VersionTotals> versions,
                         List<ExecutionLine> lines, StructureIndicators structure, List<Variance.Line> byDepartment,
                         List<Variance.Line> byItem, PerformanceAssessment performance) {
    public BudgetView {
        versions = List.copyOf(versions);
        lines = List.copyOf(lines);
        byDepartment = List.copyOf(byDepartment);
        byItem = List.copyOf(byItem);
    }

    /** Revenue and expenditure totals of the lines seen. */
    public Map<BudgetKind, Execution.Total> totals() {
        return Execution.totals(lines);
    }

    /** How many of the lines seen have an alert. */
    public long alertCount() {
        return lines.stream().filter(l -> !l.alerts().isEmpty()).count();
    }
}
