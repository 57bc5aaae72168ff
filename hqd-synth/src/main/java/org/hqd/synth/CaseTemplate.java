package org.hqd.synth;

import org.hqd.casemix.abstracts.Sex;

/**
 * One case the generator copies: the codes of a conformance case that groups into {@code drg}, and the ranges of
 * sex, age and birth weight inside which every copy still groups there and stays clinically plausible. Code
 * fields are kept as the UTF-8 bytes written to the file ({@code |}-separated lists).
 *
 * @param sex       the sex every copy has, or {@link Sex#UNKNOWN} when either fits
 * @param daysMin   age in days, lowest; -1 unless {@code ageMax} is 0
 * @param weightMin birth weight in grams, lowest; -1 when copies have no birth weight
 * @param levels    the usual grade (1–4) of each procedure, principal first
 * @param operations whether each procedure, principal first, is on the national operation list (手术目录): only
 *                   those get an incision class, a healing grade and an anaesthesia
 */
record CaseTemplate(
        String drg,
        Sex sex,
        int ageMin,
        int ageMax,
        int daysMin,
        int daysMax,
        int weightMin,
        int weightMax,
        boolean obstetric,
        byte[] principalDx,
        byte[] secondaryDx,
        byte[] principalProc,
        byte[] otherProcs,
        int[] levels,
        boolean[] operations,
        Department adultDepartment,
        Department childDepartment) {

    /** Whether copies are newborns (age 0, at most 28 days), who carry a birth weight. */
    boolean newborn() {
        return ageMax == 0 && daysMax <= 28;
    }

    /** The number of bytes the code fields take, to size a row. */
    int codeBytes() {
        return principalDx.length + secondaryDx.length + principalProc.length + otherProcs.length + 2 * levels.length;
    }
}
