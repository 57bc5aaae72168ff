package org.hqd.synth;

import java.util.List;

/**
 * Diagnoses and procedures that only one sex can have, as the importer's quality rules see them: the pregnancy
 * chapter (O00–O99) and female genital conditions and operations for women, male genital ones for men.
 *
 * <p>Diagnoses (ICD-10): female O00–O99, N70–N98, C51–C58, D06, D25–D28, D39, Q50–Q52, Z32–Z37, Z39; male N40–N51,
 * C60–C63, D29, D40, Q53–Q55. Procedures (ICD-9-CM-3): female 65–75 (gynaecological and obstetric operations),
 * male 60–64.
 */
final class SexSpecificCodes {
    /** Bit set when some code is for women only. */
    static final int FEMALE = 1;
    /** Bit set when some code is for men only. */
    static final int MALE = 2;

    private SexSpecificCodes() {
    }

    /** {@link #FEMALE}, {@link #MALE}, both (a contradiction) or 0 for codes that fit either sex. */
    static int of(List<String> diagnoses, List<String> procedures) {
        int mask = 0;
        for (String d : diagnoses) {
            mask |= ofDiagnosis(d);
        }
        for (String p : procedures) {
            mask |= ofProcedure(p);
        }
        return mask;
    }

    /** Whether some code belongs to pregnancy or childbirth (O chapter, Z32–Z37, Z39, procedures 72–75). */
    static boolean obstetric(List<String> diagnoses, List<String> procedures) {
        for (String d : diagnoses) {
            int n = number(d);
            if (d.startsWith("O") || (d.startsWith("Z") && (n >= 32 && n <= 37 || n == 39))) {
                return true;
            }
        }
        for (String p : procedures) {
            int n = procedureChapter(p);
            if (n >= 72 && n <= 75) {
                return true;
            }
        }
        return false;
    }

    static int ofDiagnosis(String code) {
        if (code.isEmpty()) {
            return 0;
        }
        int n = number(code);
        switch (code.charAt(0)) {
            case 'O':
                return FEMALE;
            case 'N':
                return n >= 70 && n <= 98 ? FEMALE : n >= 40 && n <= 51 ? MALE : 0;
            case 'C':
                return n >= 51 && n <= 58 ? FEMALE : n >= 60 && n <= 63 ? MALE : 0;
            case 'D':
                return n == 6 || (n >= 25 && n <= 28) || n == 39 ? FEMALE : n == 29 || n == 40 ? MALE : 0;
            case 'Q':
                return n >= 50 && n <= 52 ? FEMALE : n >= 53 && n <= 55 ? MALE : 0;
            case 'Z':
                return (n >= 32 && n <= 37) || n == 39 ? FEMALE : 0;
            default:
                return 0;
        }
    }

    static int ofProcedure(String code) {
        int n = procedureChapter(code);
        if (n >= 65 && n <= 75) {
            return FEMALE;
        }
        return n >= 60 && n <= 64 ? MALE : 0;
    }

    /** The two digits after the chapter letter of an ICD-10 code, or -1. */
    private static int number(String code) {
        if (code.length() < 3 || !Character.isDigit(code.charAt(1)) || !Character.isDigit(code.charAt(2))) {
            return -1;
        }
        return (code.charAt(1) - '0') * 10 + code.charAt(2) - '0';
    }

    /** The first two digits of an ICD-9-CM-3 code, or -1. */
    private static int procedureChapter(String code) {
        if (code.length() < 2 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))) {
            return -1;
        }
        return (code.charAt(0) - '0') * 10 + code.charAt(1) - '0';
    }
}
