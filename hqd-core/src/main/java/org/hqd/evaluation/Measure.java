package org.hqd.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The aggregates of one hospital over one period that indicator formulas are written over. Each is computed by the
 * storage adapter from the one source it names — a measure never falls back to another source; a formula that
 * accepts a second source says so with {@code ??}, and the value then carries the source it came from. A measure
 * whose input is absent is missing, so the indicators using it are {@link Status#NO_DATA} with the input named.
 *
 * <p>The measures of the yearly hospital report ({@link Source#ANNUAL_REPORT}) are also that report's columns, in
 * this order: the enum is the one description of the file (see {@link #annualReportColumns()}).
 */
public enum Measure {
    // discharge abstracts (stays discharged in the period)
    CASES(Source.ABSTRACTS, "出院人次"),
    GROUPED_CASES(Source.ABSTRACTS, "入组病例数"),
    TOTAL_WEIGHT(Source.ABSTRACTS, "总权重（最新标准的 RW 之和）"),
    DRG_COUNT(Source.ABSTRACTS, "DRG 组数"),
    DEATHS(Source.ABSTRACTS, "死亡人数（离院方式 5）"),
    LOS_DAYS(Source.ABSTRACTS, "出院患者占用总床日数（住院天数之和）"),
    TOTAL_COST(Source.ABSTRACTS, "住院总费用"),
    DRUG_COST(Source.ABSTRACTS, "药品费（西药、中草药、中成药）"),
    MATERIAL_COST(Source.ABSTRACTS, "卫生材料费"),
    EXAM_LAB_COST(Source.ABSTRACTS, "检查费与化验费"),
    SERVICE_REVENUE(Source.ABSTRACTS, "医疗服务收入（总费用 − 药品 − 耗材 − 检查 − 化验）"),
    LOW_RISK_CASES(Source.ABSTRACTS, "低风险组病例数"),
    LOW_RISK_DEATHS(Source.ABSTRACTS, "低风险组死亡人数"),
    READMISSIONS_31D(Source.ABSTRACTS, "出院后 31 天内再住院人次（同一患者、同一医院）"),
    COST_INDEX(Source.ABSTRACTS, "费用消耗指数（对照同期全部医院）"),
    TIME_INDEX(Source.ABSTRACTS, "时间消耗指数（对照同期全部医院）"),
    REFERRALS_DOWN_INPATIENT(Source.ABSTRACTS, "住院下转人次（离院方式 3 转社区/乡镇卫生院）"),
    // operations: procedures on the national operation list (手术目录), see OperationLists
    OPERATED_STAYS(Source.ABSTRACTS, "手术患者人数（有手术目录中手术的出院人次）"),
    OPERATION_SESSIONS(Source.ABSTRACTS, "手术台次（同一日期的手术为一台；需要 手术操作日期 proc_dates）"),
    MINIMALLY_INVASIVE_SESSIONS(Source.ABSTRACTS, "微创手术台次（微创手术目录；需要 手术操作日期 proc_dates）"),
    GRADE4_SESSIONS(Source.ABSTRACTS, "四级手术台次（四级手术目录或首页手术级别 4；需要 手术操作日期 proc_dates）"),
    GRADE3_SESSIONS(Source.ABSTRACTS, "三级手术台次（首页手术级别 3；需要 手术操作日期 proc_dates）"),
    DAY_SURGERY_SESSIONS(Source.ABSTRACTS, "日间手术台次（日间手术 day_surgery；需要 手术操作日期 proc_dates）"),
    ELECTIVE_SESSIONS(Source.ABSTRACTS, "择期手术台次（入院途径 admission_route 非急诊；需要 手术操作日期 proc_dates）"),
    COMPLICATION_STAYS(Source.ABSTRACTS, "手术患者并发症例数（并发症诊断且入院病情非“有”；需要 入院病情 admission_conditions）"),
    CLEAN_WOUND_SESSIONS(Source.ABSTRACTS, "Ⅰ类切口手术台次（需要 切口等级 proc_wound_classes、手术操作日期 proc_dates）"),
    CLEAN_WOUND_INFECTIONS(Source.ABSTRACTS, "Ⅰ类切口手术部位感染人次（切口愈合 丙；需要 切口愈合类别 proc_healing）"),
    // monthly facility reports (months of the period; stocks summed over months, so ratios of them are ratios of means)
    REPORT_MONTHS(Source.FACILITY_REPORT, "机构月报 报表月数"),
    BEDS(Source.FACILITY_REPORT, "机构月报 实有床位数 beds（各月合计）"),
    PHYSICIANS(Source.FACILITY_REPORT, "机构月报 执业医师数 physicians（各月合计）"),
    NURSES(Source.FACILITY_REPORT, "机构月报 注册护士数 nurses（各月合计）"),
    PHARMACISTS(Source.FACILITY_REPORT, "机构月报 药师数 pharmacists（各月合计）"),
    STAFF_SPENDING(Source.FACILITY_REPORT, "机构月报 人员经费支出 staff_spending"),
    OPERATING_SPENDING(Source.FACILITY_REPORT, "机构月报 业务活动费用 operating_spending"),
    ENERGY_SPENDING(Source.FACILITY_REPORT, "机构月报 能耗支出 energy_spending"),
    TOTAL_REVENUE(Source.FACILITY_REPORT, "机构月报 总收入 total_revenue"),
    MEDICAL_REVENUE(Source.FACILITY_REPORT, "机构月报 医疗收入 medical_revenue"),
    EMR_LEVEL(Source.FACILITY_REPORT, "机构月报 电子病历应用水平 emr_level（期内最近一次报告）"),
    OUTPATIENT_VISITS(Source.FACILITY_REPORT, "机构月报 门急诊人次 outpatient_visits"),
    APPOINTMENTS(Source.FACILITY_REPORT, "机构月报 预约诊疗人次 appointments"),
    PATIENT_SATISFACTION(Source.FACILITY_REPORT, "机构月报 患者满意度 patient_satisfaction（各月平均）"),
    STAFF_SATISFACTION(Source.FACILITY_REPORT, "机构月报 医务人员满意度 staff_satisfaction（各月平均）"),
    DRG_DIP_PAID_SPENDING(Source.FACILITY_REPORT, "机构月报 按DRG/DIP付费的医保基金支出"),
    ELIGIBLE_INSURANCE_SPENDING(Source.FACILITY_REPORT, "机构月报 符合条件的住院医保基金支出"),
    // the finance system's actual amounts (hqd budget actuals), present only when every month of the period has them;
    // which budget item adds to which measure is the budget catalogue's (budget-items.tsv, column measures)
    FIN_TOTAL_REVENUE(Source.FINANCE, "财务实际数 总收入"),
    FIN_MEDICAL_REVENUE(Source.FINANCE, "财务实际数 医疗收入"),
    FIN_MEDICAL_SERVICE_REVENUE(Source.FINANCE, "财务实际数 医疗服务收入（医疗收入 − 药品 − 卫生材料 − 检查 − 化验）"),
    FIN_OUTPATIENT_REVENUE(Source.FINANCE, "财务实际数 门急诊收入"),
    FIN_INPATIENT_REVENUE(Source.FINANCE, "财务实际数 住院收入"),
    FIN_OUTPATIENT_DRUG_REVENUE(Source.FINANCE, "财务实际数 门急诊药品收入"),
    FIN_INPATIENT_DRUG_REVENUE(Source.FINANCE, "财务实际数 住院药品收入"),
    FIN_MATERIAL_REVENUE(Source.FINANCE, "财务实际数 卫生材料收入"),
    FIN_TOTAL_EXPENSES(Source.FINANCE, "财务实际数 费用总额（不含资本性支出）"),
    FIN_MEDICAL_EXPENSES(Source.FINANCE, "财务实际数 医疗活动费用（业务活动费用与单位管理费用）"),
    FIN_OPERATING_SPENDING(Source.FINANCE, "财务实际数 业务活动费用"),
    FIN_STAFF_SPENDING(Source.FINANCE, "财务实际数 人员经费"),
    FIN_ENERGY_SPENDING(Source.FINANCE, "财务实际数 能耗支出"),
    // the yearly hospital report (机构年报): one row per hospital and year, every column optional; present only for
    // periods of whole years
    HEALTH_TECH_STAFF(Kind.STOCK, "卫生技术人员数"),
    SENIOR_TITLE_STAFF(Kind.STOCK, "高级职称（正高、副高）卫生技术人员数"),
    ANAESTHESIA_PHYSICIANS(Kind.STOCK, "麻醉科医师数"),
    PAEDIATRIC_PHYSICIANS(Kind.STOCK, "儿科医师数"),
    CRITICAL_CARE_PHYSICIANS(Kind.STOCK, "重症医学科医师数"),
    PATHOLOGY_PHYSICIANS(Kind.STOCK, "病理科医师数"),
    TCM_PHYSICIANS(Kind.STOCK, "中医类别医师数"),
    TRAINEES_RECEIVED(Kind.COUNT, "接收其他医院进修人数"),
    TRAINEES_RETURNED_INDEPENDENT(Kind.COUNT, "进修后返回原医院独立工作人数"),
    RESIDENT_EXAM_TAKERS(Kind.COUNT, "住院医师首次参加医师资格考试人数"),
    RESIDENT_EXAM_PASSED(Kind.COUNT, "住院医师首次参加医师资格考试通过人数"),
    TRAINING_FUNDING(Kind.AMOUNT, "人才培养经费投入（元）"),
    RESEARCH_FUNDING(Kind.AMOUNT, "科研项目经费（元）"),
    RESEARCH_TRANSFER_AMOUNT(Kind.AMOUNT, "科研成果转化金额（元）"),
    LARGE_EQUIPMENT_EXAMS(Kind.COUNT, "大型医用设备检查人次"),
    LARGE_EQUIPMENT_POSITIVE(Kind.COUNT, "大型医用设备检查阳性人次"),
    LARGE_EQUIPMENT_QC(Kind.FLAG, "大型医用设备维修保养及质量控制管理到位（1 是，0 否）"),
    EQA_ITEMS_PASSED(Kind.STATUS, "通过国家室间质量评价的临床检验项目数"),
    PROVINCIAL_EQA_PARTICIPATED(Kind.STATUS, "参加省级室间质量评价的临床检验项目数"),
    PROVINCIAL_EQA_PASSED(Kind.STATUS, "省级室间质量评价合格的临床检验项目数"),
    WARDS(Kind.STOCK, "病房数"),
    QUALITY_NURSING_WARDS(Kind.STOCK, "开展优质护理服务的病房数"),
    PRESCRIPTIONS(Kind.COUNT, "处方总数"),
    PRESCRIPTIONS_REVIEWED(Kind.COUNT, "点评处方数"),
    ANTIBIOTIC_DDDS(Kind.AMOUNT, "住院患者抗菌药物消耗量（累计 DDD 数）"),
    OUTPATIENT_PRESCRIPTIONS(Kind.COUNT, "门诊处方总数"),
    OUTPATIENT_ESSENTIAL_PRESCRIPTIONS(Kind.COUNT, "门诊基本药物处方数"),
    INPATIENTS_ESSENTIAL_DRUGS(Kind.COUNT, "使用基本药物的出院患者人数"),
    DRUG_VARIETIES(Kind.STATUS, "采购药品品种数"),
    ESSENTIAL_DRUG_VARIETIES(Kind.STATUS, "采购基本药物品种数"),
    VBP_DRUG_USAGE(Kind.AMOUNT, "国家组织集中采购中选药品用量"),
    VBP_MOLECULE_USAGE(Kind.AMOUNT, "同通用名药品用量（中选与非中选合计）"),
    DRUG_PURCHASE_AMOUNT(Kind.AMOUNT, "药品采购总金额（元）"),
    ESSENTIAL_DRUG_PURCHASE_AMOUNT(Kind.AMOUNT, "基本药物采购金额（元）"),
    VBP_PURCHASE_AMOUNT(Kind.AMOUNT, "集中采购中选药品采购金额（元）"),
    KEY_MONITORED_DRUG_REVENUE(Kind.AMOUNT, "重点监控药品收入（元）"),
    KEY_MONITORED_CONSUMABLES_REVENUE(Kind.AMOUNT, "重点监控高值医用耗材收入（元）"),
    APPOINTMENT_WAIT_MINUTES(Kind.SCORE, "门诊患者预约后平均等待时间（分钟）"),
    OUTPATIENT_REFERRALS_DOWN(Kind.COUNT, "门急诊下转患者人次"),
    SPECIAL_NEEDS_REVENUE(Kind.AMOUNT, "特需医疗服务收入（元）"),
    OUTPATIENT_INSURANCE_REVENUE(Kind.AMOUNT, "门急诊收入中来自医保基金的收入（元）"),
    INPATIENT_INSURANCE_REVENUE(Kind.AMOUNT, "住院收入中来自医保基金的收入（元）"),
    TOTAL_ASSETS(Kind.BALANCE, "资产负债表 资产总计（元，年末）"),
    TOTAL_LIABILITIES(Kind.BALANCE, "资产负债表 负债合计（元，年末）"),
    CHIEF_ACCOUNTANT(Kind.FLAG, "规范设立总会计师（1 是，0 否）"),
    OUTPATIENT_SATISFACTION(Kind.SCORE, "门诊患者满意度（国家满意度调查，0–100）"),
    INPATIENT_SATISFACTION(Kind.SCORE, "住院患者满意度（国家满意度调查，0–100）"),
    // the cost accounting (hqd costing run): the costs of the period's discharges that have one
    CASE_COST(Source.COSTING, "住院病例成本（成本核算）"),
    SUPPLIES_COST(Source.COSTING, "住院病例物耗成本（成本核算：药品与卫生材料类别的成本）"),
    COSTED_CASES(Source.COSTING, "已核算成本的出院人次"),
    // the budget workflow (hqd budget)
    BUDGET_APPROVED(Source.BUDGET, "全面预算：期内各年度预算已批准（1 是，0 已编制未批准）"),
    // the period itself
    PERIOD_DAYS(Source.PERIOD, "期间天数"),
    // inputs published by other bodies or judged by inspection: HQD holds no data for them
    SINGLE_DISEASE_QC(Source.EXTERNAL, "单病种质量控制（国家单病种质量监测平台）"),
    TEACHING_OUTCOMES(Source.EXTERNAL, "承担培养医学人才的工作成效（定性评价）"),
    PUBLIC_CREDIT_GRADE(Source.EXTERNAL, "公共信用综合评价等级（信用管理部门发布）"),
    SPECIALTY_CAPACITY(Source.EXTERNAL, "专科能力建设（国家统一评价）"),
    PARTY_LEADERSHIP(Source.EXTERNAL, "党委领导下的院长负责制落实情况（定性评价）"),
    PARTY_BUILDING(Source.EXTERNAL, "党建工作成效（定性评价）");

    /** Where a measure comes from. */
    public enum Source {
        ABSTRACTS("病案首页"),
        FACILITY_REPORT("机构月报"),
        FINANCE("财务实际数"),
        ANNUAL_REPORT("机构年报"),
        COSTING("成本核算"),
        BUDGET("预算管理"),
        PERIOD("评价期间"),
        EXTERNAL("外部评价（HQD 不接收）");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What a yearly-report value is, and so how it is checked and how several years of a period combine: counts
     * and amounts of the year are summed, staff, wards and balance-sheet items are stocks (averaged over the
     * years), flags and item counts are the latest year's, scores and minutes averaged.
     */
    public enum Kind {
        NONE, COUNT, AMOUNT, STOCK, BALANCE, FLAG, STATUS, SCORE;

        /** Whether values are whole numbers. */
        public boolean whole() {
            return this == COUNT || this == STOCK || this == FLAG || this == STATUS;
        }
    }

    private final Source source;
    private final Kind kind;
    private final String label;

    Measure(Source source, String label) {
        this.source = source;
        this.kind = Kind.NONE;
        this.label = label;
    }

    Measure(Kind kind, String label) {
        this.source = Source.ANNUAL_REPORT;
        this.kind = kind;
        this.label = label;
    }

    public Source source() {
        return source;
    }

    /** How a yearly-report value is checked and combined; {@link Kind#NONE} for the other sources. */
    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    /** The name formulas use: the enum name in lower case, e.g. {@code total_weight}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a NO_DATA reason names the missing input, e.g. {@code 机构年报 antibiotic_ddds（…）}. */
    public String input() {
        return switch (source) {
            case ANNUAL_REPORT -> source.label() + " " + id() + "（" + label + "）";
            case EXTERNAL -> source.label() + "：" + label;
            default -> label;
        };
    }

    /** Whether HQD receives this input at all (an external one never has a value). */
    public boolean received() {
        return source != Source.EXTERNAL;
    }

    /** The columns of the yearly hospital report after {@code hospital_id} and {@code year}, in file order. */
    public static List<Measure> annualReportColumns() {
        return Stream.of(values()).filter(m -> m.source == Source.ANNUAL_REPORT).toList();
    }

    /** The measure a formula names. */
    public static Optional<Measure> byId(String id) {
        for (Measure m : values()) {
            if (m.id().equals(id)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
