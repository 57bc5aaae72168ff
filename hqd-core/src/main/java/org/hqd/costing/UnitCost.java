package org.hqd.costing;

import java.util.Map;

/**
 * The cost of one unit after allocation: a non-clinical department ({@link Setting#WHOLE}) or the 门诊 or 住院 unit
 * of a clinical department; direct cost, what it received and what it sent on (fen), and its full cost by item
 * (分项结转 keeps the items: item code → fen). A sending department ends with full cost 0.
 */
public record UnitCost(String department, CostClass costClass, Setting setting, long direct, long allocatedIn,
                       long allocatedOut, Map<String, Long> fullByItem) {
    public UnitCost {
        fullByItem = Map.copyOf(fullByItem);
    }

    /** direct + received − sent. */
    public long full() {
        return direct + allocatedIn - allocatedOut;
    }
}
