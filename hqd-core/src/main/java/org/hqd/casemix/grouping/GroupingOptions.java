package org.hqd.casemix.grouping;

/**
 * How to group.
 *
 * @param trace            explain every step in the result
 * @param mapClinicalCodes first map 国临版 codes to 医保版 through the dictionary's map tables
 */
public record GroupingOptions(boolean trace, boolean mapClinicalCodes) {
    /** No trace, codes as given. */
    public static final GroupingOptions DEFAULT = new GroupingOptions(false, false);
    /** With a trace, codes as given. */
    public static final GroupingOptions TRACED = new GroupingOptions(true, false);
}
