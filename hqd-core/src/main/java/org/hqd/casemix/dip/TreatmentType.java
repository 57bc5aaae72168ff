package org.hqd.casemix.dip;

/** How a case was treated, for comprehensive DIP groups (综合病种). */
public enum TreatmentType {
    CONSERVATIVE("保守治疗"),
    DIAGNOSTIC("诊断性操作"),
    THERAPEUTIC("治疗性操作"),
    SURGERY("手术");

    private final String label;

    TreatmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
