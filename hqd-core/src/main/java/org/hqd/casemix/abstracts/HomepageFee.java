package org.hqd.casemix.abstracts;

/**
 * The fee classes of the inpatient front sheet (住院病案首页, 卫统4-1), kept beside the 14 settlement categories, and
 * the sub-items national indicators read (such as 抗菌药物费用). A sub-item is contained in its class, never added
 * to it. Amounts in yuan.
 */
public enum HomepageFee {
    GENERAL_MEDICAL("fee_general_medical", "综合医疗服务类", false),
    DIAGNOSIS("fee_diagnosis", "诊断类", false),
    TREATMENT("fee_treatment", "治疗类", false),
    REHABILITATION("fee_rehabilitation", "康复类", false),
    TCM("fee_tcm", "中医类", false),
    WESTERN_DRUG("fee_western_drug", "西药类", false),
    CHINESE_DRUG("fee_chinese_drug", "中药类", false),
    BLOOD("fee_blood", "血液和血液制品类", false),
    CONSUMABLES("fee_consumables", "耗材类", false),
    OTHER("fee_other", "其他类", false),
    ANTIBIOTICS("fee_antibiotics", "抗菌药物费用（西药类中）", true),
    PHYSIOTHERAPY("fee_physiotherapy", "临床物理治疗费（治疗类中）", true),
    ANAESTHESIA("fee_anaesthesia", "麻醉费（治疗类中）", true),
    OPERATION("fee_operation", "手术费（治疗类中）", true);

    private final String column;
    private final String label;
    private final boolean subItem;

    HomepageFee(String column, String label, boolean subItem) {
        this.column = column;
        this.label = label;
        this.subItem = subItem;
    }

    /** The canonical column name. */
    public String column() {
        return column;
    }

    /** The Chinese name users read. */
    public String label() {
        return label;
    }

    /** Whether this is a part of a class (contained in it), not a class of its own. */
    public boolean isSubItem() {
        return subItem;
    }
}
