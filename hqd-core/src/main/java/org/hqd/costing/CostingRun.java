package org.hqd.costing;

import java.util.List;

/**
 * One costing of a hospital's year: the allocation, the case costs of each clinical department's discharges (with
 * their record ids, in the order of the costs), the months of actuals it used, the expenditure the rules do not count
 * as cost (fen), and the discharges of the year that got no cost (no department, or a department without 住院 cost).
 */
public record CostingRun(AllocationResult allocation, List<Department> departments, int months, long notCost,
                         long uncostedCases) {
    public CostingRun {
        departments = List.copyOf(departments);
    }

    /** A clinical department's discharges and their costs. */
    public record Department(List<String> recordIds, CaseCosting.Result costs) {
        public Department {
            recordIds = List.copyOf(recordIds);
            if (recordIds.size() != costs.caseCosts().length) {
                throw new IllegalArgumentException("one cost per record");
            }
        }
    }

    public String hospitalId() {
        return allocation.hospitalId();
    }

    public int year() {
        return allocation.year();
    }

    /** Discharges with a cost. */
    public long costedCases() {
        return departments.stream().filter(d -> d.costs().unplaced() == 0).mapToLong(d -> d.recordIds().size()).sum();
    }

    /** All discharges of the year. */
    public long cases() {
        return departments.stream().mapToLong(d -> d.recordIds().size()).sum() + uncostedCases;
    }

    /** 住院 cost that could not be put on a case (departments whose cases have no charges). */
    public long unplaced() {
        return departments.stream().mapToLong(d -> d.costs().unplaced()).sum();
    }
}
