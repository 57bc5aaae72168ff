package org.hqd.casemix.abstracts;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The canonical columns of a discharge-abstract file (DESIGN §2.1), with their Chinese names. */
public enum AbstractColumn {
    HOSPITAL_ID("hospital_id", "医疗机构编码"),
    RECORD_ID("record_id", "病案号"),
    PATIENT_ID("patient_id", "患者标识"),
    SEX("sex", "性别"),
    BIRTH_DATE("birth_date", "出生日期"),
    AGE_YEARS("age_years", "年龄(岁)"),
    AGE_DAYS("age_days", "年龄(天)"),
    BIRTH_WEIGHT_G("birth_weight_g", "新生儿出生体重(克)"),
    ADMISSION_DATE("admission_date", "入院日期"),
    DISCHARGE_DATE("discharge_date", "出院日期"),
    LOS_DAYS("los_days", "住院天数"),
    ADMISSION_ROUTE("admission_route", "入院途径"),
    DISCHARGE_METHOD("discharge_method", "离院方式"),
    DEPARTMENT("department", "出院科别"),
    ATTENDING_PHYSICIAN("attending_physician", "主治医师"),
    PRINCIPAL_DX("principal_dx", "主要诊断"),
    SECONDARY_DX("secondary_dx", "其他诊断"),
    PRINCIPAL_PROC("principal_proc", "主要手术操作"),
    OTHER_PROCS("other_procs", "其他手术操作"),
    PROC_LEVELS("proc_levels", "手术级别"),
    DAY_SURGERY("day_surgery", "日间手术"),
    PAYER("payer", "医疗付费方式"),
    TOTAL_COST("total_cost", "总费用"),
    COST_BED("cost_bed", "床位费"),
    COST_CONSULTATION("cost_consultation", "诊察费"),
    COST_EXAM("cost_exam", "检查费"),
    COST_LAB("cost_lab", "化验费"),
    COST_TREATMENT("cost_treatment", "治疗费"),
    COST_SURGERY("cost_surgery", "手术费"),
    COST_NURSING("cost_nursing", "护理费"),
    COST_MATERIAL("cost_material", "卫生材料费"),
    COST_WESTERN_DRUG("cost_western_drug", "西药费"),
    COST_HERBAL("cost_herbal", "中药饮片费"),
    COST_PATENT_DRUG("cost_patent_drug", "中成药费"),
    COST_GENERAL_SERVICE("cost_general_service", "一般医疗服务费"),
    COST_REGISTRATION("cost_registration", "挂号费"),
    COST_OTHER("cost_other", "其他费");

    /** The columns a file must have to be grouped. */
    public static final Set<AbstractColumn> FOR_GROUPING = EnumSet.of(RECORD_ID, SEX, AGE_YEARS, AGE_DAYS,
            BIRTH_WEIGHT_G, LOS_DAYS, DISCHARGE_METHOD, PRINCIPAL_DX, SECONDARY_DX, PRINCIPAL_PROC, OTHER_PROCS);

    private final String column;
    private final String label;

    AbstractColumn(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** The column name in files. */
    public String column() {
        return column;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }

    /** "主要诊断(principal_dx)": how messages name a field. */
    public String named() {
        return label + "(" + column + ")";
    }

    /** The column with this name (case and surrounding blanks ignored). */
    public static Optional<AbstractColumn> byName(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        for (AbstractColumn c : values()) {
            if (c.column.equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The charge category this column holds, if it is one of the 14. */
    public Optional<ChargeCategory> charge() {
        int i = ordinal() - COST_BED.ordinal();
        return i >= 0 ? Optional.of(ChargeCategory.values()[i]) : Optional.empty();
    }
}
