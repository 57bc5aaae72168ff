package org.hqd.casemix.grouping;

/**
 * A case encoded for the engine: code ids instead of strings, numbers as ints, and the CC/MCC assessment
 * done once. Diagnoses start with the principal one; procedures start with the main one.
 */
final class CaseFacts {
    final String[] dxCodes;
    final int[] dx;
    final String[] procCodes;
    final int[] proc;
    final String sex;
    final int ageYears;
    final int ageDays;
    final int birthWeight;
    final int los;
    final String dischargeMethod;
    /** Exclusion table of the principal diagnosis, 0 when it has none. */
    final int principalTable;
    /** Index in {@link #dx} of the first secondary diagnosis counting as CC / MCC, or -1. */
    final int ccAt;
    final int mccAt;

    CaseFacts(String[] dxCodes, int[] dx, String[] procCodes, int[] proc, String sex, int ageYears, int ageDays,
              int birthWeight, int los, String dischargeMethod, int principalTable, int ccAt, int mccAt) {
        this.dxCodes = dxCodes;
        this.dx = dx;
        this.procCodes = procCodes;
        this.proc = proc;
        this.sex = sex;
        this.ageYears = ageYears;
        this.ageDays = ageDays;
        this.birthWeight = birthWeight;
        this.los = los;
        this.dischargeMethod = dischargeMethod;
        this.principalTable = principalTable;
        this.ccAt = ccAt;
        this.mccAt = mccAt;
    }

    int principal() {
        return dx[0];
    }
}
