package org.hqd.costing;

/**
 * A department's line of the allocation (fen): direct cost, received, sent on, full cost, and for a clinical
 * department its 门诊 and 住院 full costs (0 for the others).
 */
public record DepartmentCost(String department, CostClass costClass, long direct, long allocatedIn,
                             long allocatedOut, long full, long outpatient, long inpatient) {
}
