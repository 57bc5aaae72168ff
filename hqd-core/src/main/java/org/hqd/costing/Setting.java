package org.hqd.costing;

/**
 * Where a cost or a driver value belongs in a department: the department as a whole, or one of the two units of a
 * clinical department — 门诊 (outpatient) and 住院 (inpatient) — whose costs the 规范 keeps apart.
 */
public enum Setting {
    WHOLE("全科"),
    OUTPATIENT("门诊"),
    INPATIENT("住院");

    private final String label;

    Setting(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
