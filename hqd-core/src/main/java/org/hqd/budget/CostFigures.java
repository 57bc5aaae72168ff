package org.hqd.budget;

import java.util.List;

/**
 * The cost accounting's figures of a hospital's year for its budget report (fen): the full cost after stepwise
 * allocation with its 门诊 and 住院 parts, the discharges with a case cost and their cost, and the clinical
 * departments' lines (the largest full cost first). Filled by the store from the latest costing run.
 */
public record CostFigures(int year, long totalCost, long outpatient, long inpatient, long costedCases, long caseCost,
                          List<Department> departments) {
    public CostFigures {
        departments = List.copyOf(departments);
    }

    /** A clinical department: direct cost, what it received from the other classes, full cost, 门诊 and 住院. */
    public record Department(String department, long direct, long allocatedIn, long full, long outpatient,
                             long inpatient) { }

    /** 住院 cost per costed discharge (fen), 0 without one. */
    public long costPerCase() {
        return costedCases == 0 ? 0 : Math.round((double) caseCost / costedCases);
    }
}
