package org.hqd.casemix.performance;

/** What a unit of the metrics is: a hospital, a department or physician of a hospital, an MDC, a DRG, a DIP group. */
public enum UnitLevel {
    HOSPITAL,
    DEPARTMENT,
    PHYSICIAN,
    MDC,
    DRG,
    /** Each hospital's DRGs: units {@code H/DRG} (what {@link #DRG} is for one hospital, the unit after the slash). */
    HOSPITAL_DRG,
    /** The case's DIP group (only meaningful on DIP case-mix groups). */
    DIP_GROUP
}
