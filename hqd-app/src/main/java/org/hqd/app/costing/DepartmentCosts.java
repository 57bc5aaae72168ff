package org.hqd.app.costing;

import java.util.List;
import org.hqd.costing.AllocationStep;
import org.hqd.costing.CostingSummary;
import org.hqd.costing.DepartmentCost;

/**
 * A costed hospital-year: the run, the name of the rules it was allocated by (their id when they are no longer the
 * rules in force), each department's line (in allocation order) and the levels.
 */
public record DepartmentCosts(CostingSummary run, String rulesName, List<DepartmentCost> departments,
                              List<AllocationStep> steps) {
    public DepartmentCosts {
        departments = List.copyOf(departments);
        steps = List.copyOf(steps);
    }

    /** Σ full cost of the departments; equals the run's total direct cost. */
    public long fullCost() {
        return departments.stream().mapToLong(DepartmentCost::full).sum();
    }
}
