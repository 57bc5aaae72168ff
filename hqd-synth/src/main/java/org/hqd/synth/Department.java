package org.hqd.synth;

/**
 * A clinical department (出院科别) of a synthetic hospital, with the name a traditional-Chinese-medicine hospital
 * gives it. The code in physician ids is {@code D} and the 1-based ordinal, e.g. {@code D03}.
 */
enum Department {
    GENERAL_SURGERY("普通外科", "普通外科"),
    CARDIOLOGY("心血管内科", "心病科"),
    OBSTETRICS("产科", "产科"),
    PEDIATRICS("儿科", "儿科"),
    ORTHOPEDICS("骨科", "骨伤科"),
    NEUROLOGY("神经内科", "脑病科"),
    RESPIRATORY("呼吸内科", "肺病科"),
    GASTROENTEROLOGY("消化内科", "脾胃病科"),
    NEONATOLOGY("新生儿科", "新生儿科"),
    ONCOLOGY("肿瘤科", "肿瘤科"),
    NEUROSURGERY("神经外科", "神经外科"),
    THORACIC_SURGERY("胸外科", "胸外科"),
    CARDIAC_SURGERY("心脏大血管外科", "心脏大血管外科"),
    UROLOGY("泌尿外科", "泌尿外科"),
    NEPHROLOGY("肾内科", "肾病科"),
    ENDOCRINOLOGY("内分泌科", "内分泌科"),
    HEMATOLOGY("血液内科", "血液科"),
    OPHTHALMOLOGY("眼科", "眼科"),
    OTORHINOLARYNGOLOGY("耳鼻咽喉科", "耳鼻咽喉科"),
    STOMATOLOGY("口腔科", "口腔科"),
    DERMATOLOGY("皮肤科", "皮肤科"),
    INFECTIOUS_DISEASES("感染性疾病科", "感染性疾病科"),
    PSYCHIATRY("精神科", "精神科"),
    INTENSIVE_CARE("重症医学科", "重症医学科"),
    REHABILITATION("康复医学科", "康复科"),
    BURNS_PLASTIC("烧伤整形科", "烧伤整形科"),
    EMERGENCY("急诊科", "急诊科"),
    RHEUMATOLOGY("风湿免疫科", "风湿病科"),
    HEPATOBILIARY_SURGERY("肝胆外科", "肝胆外科"),
    BREAST_SURGERY("乳腺外科", "乳腺外科"),
    GYNECOLOGY("妇科", "妇科");

    private final String label;
    private final String tcmLabel;

    Department(String label, String tcmLabel) {
        this.label = label;
        this.tcmLabel = tcmLabel;
    }

    String label() {
        return label;
    }

    String tcmLabel() {
        return tcmLabel;
    }

    /** The code used in physician ids: {@code D01}, {@code D02}, … */
    String code() {
        return (ordinal() < 9 ? "D0" : "D") + (ordinal() + 1);
    }

    /**
     * The department an adult with this case is discharged from: chosen from the MDC (first letter of the DRG),
     * the kind of treatment and, where the MDC is shared, the principal diagnosis.
     */
    static Department forAdult(char mdc, GroupKind kind, String principalDx) {
        boolean surgical = kind == GroupKind.SURGICAL;
        boolean breast = principalDx.startsWith("C50") || principalDx.startsWith("N6") || principalDx.startsWith("D24");
        switch (mdc) {
            case 'A': return INTENSIVE_CARE;
            case 'B': return surgical ? NEUROSURGERY : NEUROLOGY;
            case 'C': return OPHTHALMOLOGY;
            case 'D': return principalDx.startsWith("K0") || principalDx.startsWith("K1") ? STOMATOLOGY
                    : OTORHINOLARYNGOLOGY;
            case 'E': return surgical ? THORACIC_SURGERY : RESPIRATORY;
            case 'F': return surgical ? CARDIAC_SURGERY : CARDIOLOGY;
            case 'G': return surgical ? GENERAL_SURGERY : GASTROENTEROLOGY;
            case 'H': return surgical ? HEPATOBILIARY_SURGERY : GASTROENTEROLOGY;
            case 'I': return surgical || !principalDx.startsWith("M0") && !principalDx.startsWith("M3") ? ORTHOPEDICS
                    : RHEUMATOLOGY;
            case 'J': return breast ? BREAST_SURGERY : surgical ? BURNS_PLASTIC : DERMATOLOGY;
            case 'K': return surgical ? GENERAL_SURGERY : ENDOCRINOLOGY;
            case 'L': return surgical ? UROLOGY : NEPHROLOGY;
            case 'M': return UROLOGY;
            case 'N': return GYNECOLOGY;
            case 'O': return OBSTETRICS;
            case 'P': return NEONATOLOGY;
            case 'Q': return surgical ? GENERAL_SURGERY : HEMATOLOGY;
            case 'R': return principalDx.compareTo("C81") >= 0 && principalDx.compareTo("C97") < 0 ? HEMATOLOGY
                    : ONCOLOGY;
            case 'S':
            case 'Y': return INFECTIOUS_DISEASES;
            case 'T':
            case 'U': return PSYCHIATRY;
            case 'V': return EMERGENCY;
            case 'W': return BURNS_PLASTIC;
            case 'X': return REHABILITATION;
            case 'Z': return surgical ? ORTHOPEDICS : EMERGENCY;
            default: return surgical ? GENERAL_SURGERY : EMERGENCY;
        }
    }

    /**
     * The department a child (0–14 years) with this case is discharged from: 新生儿科 for a newborn (at most 28
     * days old) of MDC P, 儿科 for an older infant of MDC P and for medical care, the adult department for
     * operations and the fields paediatrics does not treat.
     */
    static Department forChild(char mdc, GroupKind kind, String principalDx, boolean newborn) {
        Department adult = forAdult(mdc, kind, principalDx);
        if (mdc == 'P') {
            return newborn ? NEONATOLOGY : PEDIATRICS;
        }
        boolean keep = kind == GroupKind.SURGICAL || mdc == 'C' || mdc == 'D' || mdc == 'N' || mdc == 'O'
                || mdc == 'T' || mdc == 'U' || mdc == 'A';
        return keep ? adult : PEDIATRICS;
    }
}
