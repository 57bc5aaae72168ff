package org.hqd.synth;

/**
 * The fields of one generated stay while it is drawn and written: a per-thread scratch accumulator, reused for
 * every row so that the hot path does not allocate. Days are epoch days; amounts are in cents (分).
 */
final class Stay {
    Hospital hospital;
    DrgGroup group;
    CaseTemplate template;
    long row;
    long patient;
    char sex;
    long birth;
    int ageYears;
    int ageDays;
    int birthWeight;
    long admission;
    long discharge;
    int los;
    double expectedLos;
    int month;
    char route;
    char method;
    Department department;
    int physician;
    int[] levels = new int[8];
    boolean daySurgery;
    /** 入院病情 of each diagnosis, principal first ('1'–'4'); {@link #diagnoses} of them are in use. */
    char[] conditions = new char[16];
    int diagnoses;
    int payer;
    final long[] charges = new long[14];
    /** Scratch space of the charge split. */
    final double[] weights = new double[14];
    long total;
    long fund;

    Stay(Hospital hospital, DrgGroup group) {
        this.hospital = hospital;
        this.group = group;
        this.template = group.templates().get(0);
        this.department = template.adultDepartment();
    }
}
