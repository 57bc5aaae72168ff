package org.hqd.synth;

/**
 * The complication split of a CHS-DRG group, read from the last character of its code: 1 with a major
 * complication or comorbidity (MCC), 3 with a CC, 5 without, 9 not split. Regional schemes that use 2, 4, 6 or 7
 * are read as the nearest of these.
 */
enum Complication {
    MCC,
    CC,
    NONE,
    UNSPLIT;

    static Complication of(String drg) {
        switch (drg.charAt(drg.length() - 1)) {
            case '1':
            case '2':
                return MCC;
            case '3':
            case '4':
                return CC;
            case '9':
                return UNSPLIT;
            default:
                return NONE;
        }
    }
}
