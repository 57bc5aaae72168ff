package org.hqd.evaluation;

import java.util.Optional;

/**
 * The aggregates of one hospital over one period that indicator formulas are written over. Each is computed by the
 * storage adapter from the source it names; a measure of a source HQD does not receive yet is never computed, so
 * an indicator using it is {@link Status#NO_DATA}.
 */
public enum Measure {
    // discharge abstracts (stays discharged in the period)
    CASES(Source.ABSTRACTS, "出院人次"),
    GROUPED_CASES(Source.ABSTRACTS, "入组病例数"),
    TOTAL_WEIGHT(Source.ABSTRACTS, "总权重（最新标准的 RW 之和）"),
    DRG_COUNT(Source.ABSTRACTS, "DRG 组数"),
    DEATHS(Source.ABSTRACTS, "死亡人数（离院方式 5）"),
    LOS_DAYS(Source.ABSTRACTS, "住院总床日"),
    TOTAL_COST(Source.ABSTRACTS, "住院总费用"),
    DRUG_COST(Source.ABSTRACTS, "药品费（西药、中草药、中成药）"),
    MATERIAL_COST(Source.ABSTRACTS, "卫生材料费"),
    EXAM_LAB_COST(Source.ABSTRACTS, "检查费与化验费"),
    SERVICE_REVENUE(Source.ABSTRACTS, "医疗服务收入（总费用 − 药品 − 耗材 − 检查 − 化验）"),
    SURGERY_CASES(Source.ABSTRACTS, "有手术或操作的出院人次"),
    GRADE4_CASES(Source.ABSTRACTS, "有四级手术的出院人次"),
    GRADE3_4_CASES(Source.ABSTRACTS, "有三级或四级手术的出院人次"),
    DAY_SURGERY_CASES(Source.ABSTRACTS, "日间手术人次"),
    LOW_RISK_CASES(Source.ABSTRACTS, "低风险组病例数"),
    LOW_RISK_DEATHS(Source.ABSTRACTS, "低风险组死亡人数"),
    READMISSIONS_31D(Source.ABSTRACTS, "出院后 31 天内再住院人次（同一患者、同一医院）"),
    COST_INDEX(Source.ABSTRACTS, "费用消耗指数（对照同期全部医院）"),
    TIME_INDEX(Source.ABSTRACTS, "时间消耗指数（对照同期全部医院）"),
    // facility reports (months of the period; stocks summed over months, so ratios of them are ratios of means)
    REPORT_MONTHS(Source.FACILITY_REPORT, "报表月数"),
    PHYSICIANS(Source.FACILITY_REPORT, "执业医师数（各月合计）"),
    NURSES(Source.FACILITY_REPORT, "注册护士数（各月合计）"),
    STAFF_SPENDING(Source.FACILITY_REPORT, "人员支出"),
    OPERATING_SPENDING(Source.FACILITY_REPORT, "业务支出"),
    ENERGY_SPENDING(Source.FACILITY_REPORT, "能耗支出"),
    TOTAL_REVENUE(Source.FACILITY_REPORT, "总收入"),
    MEDICAL_REVENUE(Source.FACILITY_REPORT, "医疗收入"),
    EMR_LEVEL(Source.FACILITY_REPORT, "电子病历应用水平（期内最近一次报告）"),
    OUTPATIENT_VISITS(Source.FACILITY_REPORT, "门诊人次"),
    APPOINTMENTS(Source.FACILITY_REPORT, "预约诊疗人次"),
    PATIENT_SATISFACTION(Source.FACILITY_REPORT, "患者满意度（各月平均）"),
    STAFF_SATISFACTION(Source.FACILITY_REPORT, "医务人员满意度（各月平均）"),
    DRG_DIP_PAID_SPENDING(Source.FACILITY_REPORT, "按 DRG/DIP 付费的医保基金支出"),
    ELIGIBLE_INSURANCE_SPENDING(Source.FACILITY_REPORT, "符合条件的住院医保基金支出"),
    // the finance system's actual amounts (hqd budget actuals): for the months that have them they also replace the
    // facility report's revenue and spending above
    MEDICAL_SERVICE_REVENUE(Source.FINANCE, "医疗服务收入（财务实际数：医疗收入 − 药品 − 卫生材料 − 检查 − 化验）"),
    // the cost accounting (hqd costing run): the costs of the period's discharges that have one
    CASE_COST(Source.COSTING, "住院病例成本（成本核算）"),
    SUPPLIES_COST(Source.COSTING, "住院病例物耗成本（成本核算：药品与卫生材料类别的成本）"),
    COSTED_CASES(Source.COSTING, "已核算成本的出院人次"),
    // not received yet
    MINIMALLY_INVASIVE_CASES(Source.NOT_RECEIVED, "微创手术人次"),
    SURGICAL_COMPLICATIONS(Source.NOT_RECEIVED, "手术患者并发症例数"),
    ANTIBIOTIC_DDDS(Source.NOT_RECEIVED, "抗菌药物累计 DDD 数"),
    BED_DAYS_100(Source.NOT_RECEIVED, "同期收治患者人天数（百人天）"),
    SENIOR_TITLE_STAFF(Source.NOT_RECEIVED, "高级职称卫生技术人员数"),
    HEALTH_TECH_STAFF(Source.NOT_RECEIVED, "卫生技术人员数"),
    RESEARCH_FUNDING(Source.NOT_RECEIVED, "科研项目经费");

    /** Where a measure comes from. */
    public enum Source {
        ABSTRACTS("病案首页"),
        FACILITY_REPORT("机构报表"),
        FINANCE("财务实际数"),
        COSTING("成本核算"),
        NOT_RECEIVED("尚未接入");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Source source;
    private final String label;

    Measure(Source source, String label) {
        this.source = source;
        this.label = label;
    }

    public Source source() {
        return source;
    }

    public String label() {
        return label;
    }

    /** The name formulas use: the enum name in lower case, e.g. {@code total_weight}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
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
