package org.hqd.synth;

/** The field of a specialty hospital (专科医院), which sets its case mix and the end of its name. */
enum Specialty {
    NONE(""),
    ONCOLOGY("肿瘤医院"),
    ORTHOPEDICS("骨科医院"),
    OPHTHALMOLOGY("眼科医院"),
    PSYCHIATRY("精神卫生中心");

    private final String nameSuffix;

    Specialty(String nameSuffix) {
        this.nameSuffix = nameSuffix;
    }

    String nameSuffix() {
        return nameSuffix;
    }
}
