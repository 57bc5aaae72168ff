package org.hqd.hospital;

import java.util.List;
import java.util.stream.Stream;

/**
 * The columns of the facility period report file ({@code facility_reports.csv}, DESIGN §2.2), in this order:
 * one row per hospital and month ({@code period} = {@code YYYY-MM}). Amounts are in yuan; satisfaction scores
 * are 0–100; the EMR application level (电子病历应用水平) is 0–8.
 */
public enum FacilityReportColumn {
    HOSPITAL_ID("hospital_id", "医疗机构编码"),
    PERIOD("period", "报告期"),
    BEDS("beds", "实有床位数"),
    PHYSICIANS("physicians", "执业医师数"),
    NURSES("nurses", "注册护士数"),
    PHARMACISTS("pharmacists", "药师数"),
    TOTAL_REVENUE("total_revenue", "总收入"),
    MEDICAL_REVENUE("medical_revenue", "医疗收入"),
    OPERATING_SPENDING("operating_spending", "业务活动费用"),
    STAFF_SPENDING("staff_spending", "人员经费支出"),
    ENERGY_SPENDING("energy_spending", "能耗支出"),
    EMR_LEVEL("emr_level", "电子病历应用水平"),
    OUTPATIENT_VISITS("outpatient_visits", "门急诊人次"),
    APPOINTMENTS("appointments", "预约诊疗人次"),
    PATIENT_SATISFACTION("patient_satisfaction", "患者满意度"),
    STAFF_SATISFACTION("staff_satisfaction", "医务人员满意度"),
    DRG_DIP_PAID_SPENDING("drg_dip_paid_spending", "按DRG/DIP付费的医保基金支出"),
    ELIGIBLE_INSURANCE_SPENDING("eligible_insurance_spending", "符合条件的住院医保基金支出");

    private final String column;
    private final String label;

    FacilityReportColumn(String column, String label) {
        this.column = column;
        this.label = label;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The header line of a facility report file. */
    public static List<String> header() {
        return Stream.of(values()).map(FacilityReportColumn::column).toList();
    }
}
