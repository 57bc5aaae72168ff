package org.hqd.app.payment;

/** The units cost-output is reported by. */
public enum CostLevel {
    HOSPITAL, DEPARTMENT, PHYSICIAN, DRG,
    /** A department's DRGs: units {@code H/department/DRG}. */
    DEPARTMENT_DRG
}
