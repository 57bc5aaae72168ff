package org.hqd.casemix.abstracts;

/** The 14 charge categories of the settlement list (医保结算清单收费项目), in the canonical column order. */
public enum ChargeCategory {
    BED("cost_bed", "床位费"),
    CONSULTATION("cost_consultation", "诊察费"),
    EXAM("cost_exam", "检查费"),
    LAB("cost_lab", "化验费"),
    TREATMENT("cost_treatment", "治疗费"),
    SURGERY("cost_surgery", "手术费"),
    NURSING("cost_nursing", "护理费"),
    MATERIAL("cost_material", "卫生材料费"),
    WESTERN_DRUG("cost_western_drug", "西药费"),
    HERBAL("cost_herbal", "中药饮片费"),
    PATENT_DRUG("cost_patent_drug", "中成药费"),
    GENERAL_SERVICE("cost_general_service", "一般医疗服务费"),
    REGISTRATION("cost_registration", "挂号费"),
    OTHER("cost_other", "其他费");

    private final String column;
    private final String label;

    ChargeCategory(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** The canonical CSV column name. */
    public String column() {
        return column;
    }

    /** The Chinese name users read. */
    public String label() {
        return label;
    }

    /** Whether this category is a drug charge (western + herbal + patent). */
    public boolean isDrug() {
        return this == WESTERN_DRUG || this == HERBAL || this == PATENT_DRUG;
    }
}
