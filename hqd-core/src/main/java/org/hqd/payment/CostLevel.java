package org.hqd.payment;

/** The units cost-output is reported by: the levels of the unit metrics and single DRGs. */
public enum CostLevel {
    HOSPITAL, DEPARTMENT, PHYSICIAN, DRG,
    /** Each hospital's DRGs: units {@code H/DRG} (what {@link #DRG} is for one hospital, the unit after the slash). */
    HOSPITAL_DRG,
    /** A department's DRGs: units {@code H/department/DRG} (the DRG after the last slash). */
    DEPARTMENT_DRG
}
