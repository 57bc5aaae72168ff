package org.hqd.casemix.abstracts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The case schema: every canonical column of a discharge abstract (DESIGN §2.1 and the fields the national
 * indicators need), with its Chinese name, its type and what its values are. This is the one description of the
 * case's columns: the file order of the canonical CSV, the import's staging, the row parser, the Spark schema and
 * the column table of docs/data-formats.md are taken from it (the store's append-only migrations are checked
 * against it by a test).
 */
public enum AbstractColumn {
    HOSPITAL_ID("hospital_id", "医疗机构编码", ColumnType.TEXT, "医院名册的 hospital_id 或其组织机构代码 org_code"),
    RECORD_ID("record_id", "病案号", ColumnType.TEXT, ""),
    PATIENT_ID("patient_id", "患者标识", ColumnType.TEXT, "导入时以密钥散列假名化，不保存原值"),
    SEX("sex", "性别", ColumnType.TEXT, "1 男，2 女"),
    BIRTH_DATE("birth_date", "出生日期", ColumnType.DATE, ""),
    AGE_YEARS("age_years", "年龄(岁)", ColumnType.WHOLE, ""),
    AGE_DAYS("age_days", "年龄(天)", ColumnType.WHOLE, "不满1岁时必填"),
    BIRTH_WEIGHT_G("birth_weight_g", "新生儿出生体重(克)", ColumnType.WHOLE, "28天以内新生儿必填"),
    ADMISSION_DATE("admission_date", "入院日期", ColumnType.DATE, ""),
    DISCHARGE_DATE("discharge_date", "出院日期", ColumnType.DATE, ""),
    LOS_DAYS("los_days", "住院天数", ColumnType.WHOLE, ""),
    ADMISSION_ROUTE("admission_route", "入院途径", ColumnType.TEXT, "1 急诊，2 门诊，3 其他医疗机构转入，9 其他"),
    DISCHARGE_METHOD("discharge_method", "离院方式", ColumnType.TEXT,
            "1 医嘱离院，2 医嘱转院，3 转社区/乡镇卫生院，4 非医嘱离院，5 死亡，9 其他"),
    DEPARTMENT("department", "出院科别", ColumnType.TEXT, ""),
    ATTENDING_PHYSICIAN("attending_physician", "主治医师", ColumnType.TEXT, ""),
    PRINCIPAL_DX("principal_dx", "主要诊断", ColumnType.TEXT, "ICD-10 医保版 2.0，如 K35.800x001"),
    SECONDARY_DX("secondary_dx", "其他诊断", ColumnType.LIST, ""),
    PRINCIPAL_PROC("principal_proc", "主要手术操作", ColumnType.TEXT, "ICD-9-CM-3 医保版 2.0，如 47.0100"),
    OTHER_PROCS("other_procs", "其他手术操作", ColumnType.LIST, ""),
    PROC_LEVELS("proc_levels", "手术级别", ColumnType.ALIGNED, "每个手术操作一个，1–4"),
    DAY_SURGERY("day_surgery", "日间手术", ColumnType.FLAG, ""),
    PAYER("payer", "医疗付费方式", ColumnType.TEXT, ""),
    TOTAL_COST("total_cost", "总费用", ColumnType.AMOUNT, "元"),
    COST_BED("cost_bed", "床位费", ChargeCategory.BED),
    COST_CONSULTATION("cost_consultation", "诊察费", ChargeCategory.CONSULTATION),
    COST_EXAM("cost_exam", "检查费", ChargeCategory.EXAM),
    COST_LAB("cost_lab", "化验费", ChargeCategory.LAB),
    COST_TREATMENT("cost_treatment", "治疗费", ChargeCategory.TREATMENT),
    COST_SURGERY("cost_surgery", "手术费", ChargeCategory.SURGERY),
    COST_NURSING("cost_nursing", "护理费", ChargeCategory.NURSING),
    COST_MATERIAL("cost_material", "卫生材料费", ChargeCategory.MATERIAL),
    COST_WESTERN_DRUG("cost_western_drug", "西药费", ChargeCategory.WESTERN_DRUG),
    COST_HERBAL("cost_herbal", "中药饮片费", ChargeCategory.HERBAL),
    COST_PATENT_DRUG("cost_patent_drug", "中成药费", ChargeCategory.PATENT_DRUG),
    COST_GENERAL_SERVICE("cost_general_service", "一般医疗服务费", ChargeCategory.GENERAL_SERVICE),
    COST_REGISTRATION("cost_registration", "挂号费", ChargeCategory.REGISTRATION),
    COST_OTHER("cost_other", "其他费", ChargeCategory.OTHER),
    ADMISSION_CONDITIONS("admission_conditions", "入院病情", ColumnType.ALIGNED,
            "每个诊断一个（主要诊断在前）：1 有，2 临床未确定，3 情况不明，4 无"),
    PROC_DATES("proc_dates", "手术操作日期", ColumnType.ALIGNED, "每个手术操作一个，YYYY-MM-DD"),
    PROC_WOUND_CLASSES("proc_wound_classes", "切口等级", ColumnType.ALIGNED, "每个手术操作一个：0 0类，1 Ⅰ类，2 Ⅱ类，3 Ⅲ类"),
    PROC_HEALING("proc_healing", "切口愈合类别", ColumnType.ALIGNED, "每个手术操作一个：1 甲，2 乙，3 丙，9 其他"),
    PROC_ANAESTHESIA("proc_anaesthesia", "麻醉方式", ColumnType.ALIGNED, "每个手术操作一个，麻醉方式代码"),
    VENTILATOR_HOURS("ventilator_hours", "呼吸机使用时间(小时)", ColumnType.AMOUNT, ""),
    ICU_HOURS("icu_hours", "重症监护时间(小时)", ColumnType.AMOUNT, ""),
    SELF_PAY("self_pay", "自付金额", ColumnType.AMOUNT, "元"),
    FEE_GENERAL_MEDICAL(HomepageFee.GENERAL_MEDICAL),
    FEE_DIAGNOSIS(HomepageFee.DIAGNOSIS),
    FEE_TREATMENT(HomepageFee.TREATMENT),
    FEE_REHABILITATION(HomepageFee.REHABILITATION),
    FEE_TCM(HomepageFee.TCM),
    FEE_WESTERN_DRUG(HomepageFee.WESTERN_DRUG),
    FEE_CHINESE_DRUG(HomepageFee.CHINESE_DRUG),
    FEE_BLOOD(HomepageFee.BLOOD),
    FEE_CONSUMABLES(HomepageFee.CONSUMABLES),
    FEE_OTHER(HomepageFee.OTHER),
    FEE_ANTIBIOTICS(HomepageFee.ANTIBIOTICS),
    FEE_PHYSIOTHERAPY(HomepageFee.PHYSIOTHERAPY),
    FEE_ANAESTHESIA(HomepageFee.ANAESTHESIA),
    FEE_OPERATION(HomepageFee.OPERATION);

    /** The columns a file must have to be grouped. */
    public static final Set<AbstractColumn> FOR_GROUPING = EnumSet.of(RECORD_ID, SEX, AGE_YEARS, AGE_DAYS,
            BIRTH_WEIGHT_G, LOS_DAYS, DISCHARGE_METHOD, PRINCIPAL_DX, SECONDARY_DX, PRINCIPAL_PROC, OTHER_PROCS);

    /**
     * The columns every imported row must fill (the quality rule REQUIRED_MISSING): a file without one of them
     * cannot be imported at all.
     */
    public static final Set<AbstractColumn> FOR_IMPORT = EnumSet.of(HOSPITAL_ID, RECORD_ID, SEX, AGE_YEARS,
            ADMISSION_DATE, DISCHARGE_DATE, LOS_DAYS, DISCHARGE_METHOD, PRINCIPAL_DX, TOTAL_COST);

    private final String column;
    private final String label;
    private final ColumnType type;
    private final String note;
    private final ChargeCategory charge;
    private final HomepageFee fee;

    AbstractColumn(String column, String label, ColumnType type, String note) {
        this.column = column;
        this.label = label;
        this.type = type;
        this.note = note;
        this.charge = null;
        this.fee = null;
    }

    AbstractColumn(String column, String label, ChargeCategory charge) {
        this.column = column;
        this.label = label;
        this.type = ColumnType.AMOUNT;
        this.note = "结算清单收费项目，元";
        this.charge = charge;
        this.fee = null;
    }

    AbstractColumn(HomepageFee fee) {
        this.column = fee.column();
        this.label = fee.label();
        this.type = ColumnType.AMOUNT;
        this.note = fee.isSubItem() ? "病案首页费用子项，含于其类，元" : "病案首页费用分类，元";
        this.charge = null;
        this.fee = fee;
    }

    /** The column name in files. */
    public String column() {
        return column;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }

    /** The kind of value. */
    public ColumnType type() {
        return type;
    }

    /** What the values are (codes, unit), in Chinese; empty when the name says it all. */
    public String note() {
        return note;
    }

    /** "主要诊断(principal_dx)": how messages name a field. */
    public String named() {
        return label + "(" + column + ")";
    }

    /** The column with this name (case and surrounding blanks ignored). */
    public static Optional<AbstractColumn> byName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (AbstractColumn c : values()) {
            if (c.column.equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The charge category this column holds, if it is one of the 14. */
    public Optional<ChargeCategory> charge() {
        return Optional.ofNullable(charge);
    }

    /** The front-sheet fee class or sub-item this column holds, if it is one. */
    public Optional<HomepageFee> fee() {
        return Optional.ofNullable(fee);
    }

    /** The column of a charge category. */
    public static AbstractColumn of(ChargeCategory c) {
        return values()[COST_BED.ordinal() + c.ordinal()];
    }

    /** The column of a front-sheet fee. */
    public static AbstractColumn of(HomepageFee f) {
        return values()[FEE_GENERAL_MEDICAL.ordinal() + f.ordinal()];
    }
}
