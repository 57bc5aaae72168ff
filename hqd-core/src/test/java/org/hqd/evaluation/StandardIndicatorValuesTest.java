package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hqd.evaluation.Fixtures.measures;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every computable definition of the standard catalogue on one hand-made hospital, by family: abstracts, operations
 * (台次), complications, reports, finance, the yearly report and balance sheet, growth across a year boundary. The
 * inputs are round so each expected value is worked out in the comment beside it.
 */
final class StandardIndicatorValuesTest {
    private static final IndicatorCatalog STANDARD = IndicatorCatalog.standard();

    /** Every measure HQD receives. */
    static final Map<Measure, Double> HOSPITAL = measures(
            // abstracts
            Measure.CASES, 200, Measure.GROUPED_CASES, 160, Measure.TOTAL_WEIGHT, 200, Measure.DRG_COUNT, 87,
            Measure.DEATHS, 4, Measure.LOS_DAYS, 1500, Measure.TOTAL_COST, 2_000_000, Measure.DRUG_COST, 500_000,
            Measure.MATERIAL_COST, 300_000, Measure.EXAM_LAB_COST, 500_000, Measure.SERVICE_REVENUE, 700_000,
            Measure.LOW_RISK_CASES, 40, Measure.LOW_RISK_DEATHS, 1, Measure.READMISSIONS_31D, 6,
            Measure.COST_INDEX, 0.95, Measure.TIME_INDEX, 1.05, Measure.REFERRALS_DOWN_INPATIENT, 3,
            // operations
            Measure.OPERATED_STAYS, 80, Measure.OPERATION_SESSIONS, 100, Measure.MINIMALLY_INVASIVE_SESSIONS, 30,
            Measure.GRADE4_SESSIONS, 20, Measure.GRADE3_SESSIONS, 40, Measure.DAY_SURGERY_SESSIONS, 12,
            Measure.ELECTIVE_SESSIONS, 80, Measure.COMPLICATION_STAYS, 2, Measure.CLEAN_WOUND_SESSIONS, 25,
            Measure.CLEAN_WOUND_INFECTIONS, 1,
            // monthly reports (12 months)
            Measure.REPORT_MONTHS, 12, Measure.BEDS, 6000, Measure.PHYSICIANS, 2400, Measure.NURSES, 3600,
            Measure.PHARMACISTS, 240, Measure.STAFF_SPENDING, 45_000_000, Measure.OPERATING_SPENDING, 100_000_000,
            Measure.ENERGY_SPENDING, 1_200_000, Measure.TOTAL_REVENUE, 120_000_000, Measure.MEDICAL_REVENUE, 110_000_000,
            Measure.EMR_LEVEL, 5, Measure.OUTPATIENT_VISITS, 50_000, Measure.APPOINTMENTS, 30_000,
            Measure.PATIENT_SATISFACTION, 92.5, Measure.STAFF_SATISFACTION, 88,
            Measure.DRG_DIP_PAID_SPENDING, 36_000_000, Measure.ELIGIBLE_INSURANCE_SPENDING, 48_000_000,
            // finance actuals
            Measure.FIN_TOTAL_REVENUE, 125_000_000, Measure.FIN_MEDICAL_REVENUE, 100_000_000,
            Measure.FIN_MEDICAL_SERVICE_REVENUE, 30_000_000, Measure.FIN_OUTPATIENT_REVENUE, 40_000_000,
            Measure.FIN_INPATIENT_REVENUE, 60_000_000, Measure.FIN_OUTPATIENT_DRUG_REVENUE, 16_000_000,
            Measure.FIN_INPATIENT_DRUG_REVENUE, 12_000_000, Measure.FIN_MATERIAL_REVENUE, 20_000_000,
            Measure.FIN_TOTAL_EXPENSES, 120_000_000, Measure.FIN_MEDICAL_EXPENSES, 95_000_000,
            Measure.FIN_OPERATING_SPENDING, 96_000_000, Measure.FIN_STAFF_SPENDING, 38_400_000,
            Measure.FIN_ENERGY_SPENDING, 1_250_000,
            // yearly report and balance sheet
            Measure.HEALTH_TECH_STAFF, 500, Measure.SENIOR_TITLE_STAFF, 100, Measure.ANAESTHESIA_PHYSICIANS, 10,
            Measure.PAEDIATRIC_PHYSICIANS, 12, Measure.CRITICAL_CARE_PHYSICIANS, 8, Measure.PATHOLOGY_PHYSICIANS, 4,
            Measure.TCM_PHYSICIANS, 6, Measure.TRAINEES_RECEIVED, 50, Measure.TRAINEES_RETURNED_INDEPENDENT, 40,
            Measure.RESIDENT_EXAM_TAKERS, 20, Measure.RESIDENT_EXAM_PASSED, 16, Measure.TRAINING_FUNDING, 2_400_000,
            Measure.RESEARCH_FUNDING, 5_000_000, Measure.RESEARCH_TRANSFER_AMOUNT, 1_000_000,
            Measure.LARGE_EQUIPMENT_EXAMS, 10_000, Measure.LARGE_EQUIPMENT_POSITIVE, 7_000,
            Measure.LARGE_EQUIPMENT_QC, 1, Measure.EQA_ITEMS_PASSED, 42, Measure.PROVINCIAL_EQA_PARTICIPATED, 50,
            Measure.PROVINCIAL_EQA_PASSED, 48, Measure.WARDS, 40, Measure.QUALITY_NURSING_WARDS, 30,
            Measure.PRESCRIPTIONS, 200_000, Measure.PRESCRIPTIONS_REVIEWED, 10_000, Measure.ANTIBIOTIC_DDDS, 600,
            Measure.OUTPATIENT_PRESCRIPTIONS, 100_000, Measure.OUTPATIENT_ESSENTIAL_PRESCRIPTIONS, 55_000,
            Measure.INPATIENTS_ESSENTIAL_DRUGS, 190, Measure.DRUG_VARIETIES, 800, Measure.ESSENTIAL_DRUG_VARIETIES, 400,
            Measure.VBP_DRUG_USAGE, 900, Measure.VBP_MOLECULE_USAGE, 1000, Measure.DRUG_PURCHASE_AMOUNT, 50_000_000,
            Measure.ESSENTIAL_DRUG_PURCHASE_AMOUNT, 20_000_000, Measure.VBP_PURCHASE_AMOUNT, 10_000_000,
            Measure.KEY_MONITORED_DRUG_REVENUE, 1_400_000, Measure.KEY_MONITORED_CONSUMABLES_REVENUE, 5_000_000,
            Measure.APPOINTMENT_WAIT_MINUTES, 15, Measure.OUTPATIENT_REFERRALS_DOWN, 97,
            Measure.SPECIAL_NEEDS_REVENUE, 2_000_000, Measure.OUTPATIENT_INSURANCE_REVENUE, 12_000_000,
            Measure.INPATIENT_INSURANCE_REVENUE, 36_000_000, Measure.TOTAL_ASSETS, 400_000_000,
            Measure.TOTAL_LIABILITIES, 160_000_000, Measure.CHIEF_ACCOUNTANT, 1, Measure.OUTPATIENT_SATISFACTION, 90,
            Measure.INPATIENT_SATISFACTION, 94,
            // cost accounting
            Measure.CASE_COST, 1_710_000, Measure.COSTED_CASES, 180,
            // budget, period
            Measure.BUDGET_APPROVED, 1, Measure.PERIOD_DAYS, 366);

    /** The same months a year earlier: only what the growth indicators read. */
    static final Map<Measure, Double> PRIOR = measures(
            Measure.FIN_MEDICAL_REVENUE, 80_000_000, Measure.FIN_OUTPATIENT_REVENUE, 32_000_000,
            Measure.FIN_INPATIENT_REVENUE, 48_000_000, Measure.FIN_OUTPATIENT_DRUG_REVENUE, 12_800_000,
            Measure.FIN_INPATIENT_DRUG_REVENUE, 9_600_000, Measure.OUTPATIENT_VISITS, 50_000, Measure.CASES, 200);

    private static final Map<String, Double> EXPECTED = new LinkedHashMap<>();

    static {
        // abstracts
        EXPECTED.put("cmi", 200.0 / 160);                             // 1.25
        EXPECTED.put("drg_count", 87.0);
        EXPECTED.put("low_risk_mortality", 1.0 / 40);                 // 0.025
        EXPECTED.put("mortality", 4.0 / 200);                         // 0.02
        EXPECTED.put("outpatient_inpatient_ratio", 50_000.0 / 200);   // 250
        EXPECTED.put("referrals_down", 100.0);                        // 97 outpatient + 3 discharges with method 3
        // operations: 台次
        EXPECTED.put("day_surgery_share", 12.0 / 80);                 // day-surgery sessions / elective sessions
        EXPECTED.put("surgery_share", 100.0 / 200);                   // sessions / discharges
        EXPECTED.put("minimally_invasive_share", 30.0 / 100);
        EXPECTED.put("grade4_surgery_share", 20.0 / 100);
        EXPECTED.put("grade3_surgery_share", 40.0 / 100);
        EXPECTED.put("grade3_4_surgery_share", 60.0 / 100);
        EXPECTED.put("surgical_complication_rate", 2.0 / 80);         // per operated patient (人数)
        EXPECTED.put("clean_wound_infection_rate", 1.0 / 25);
        EXPECTED.put("special_needs_share", 2.0 / 100);               // 2e6 / 100e6 finance medical revenue
        // yearly report: quality and drugs
        EXPECTED.put("large_equipment_positive_rate", 0.7);           // 7000 / 10000
        EXPECTED.put("large_equipment_qc", 1.0);
        EXPECTED.put("eqa_items_passed", 42.0);
        EXPECTED.put("quality_nursing_coverage", 0.75);               // 30 / 40
        EXPECTED.put("prescription_review_share", 0.05);              // 10000 / 200000
        EXPECTED.put("antibiotic_intensity", 40.0);                   // 600 × 100 / 1500
        EXPECTED.put("outpatient_essential_drug_share", 0.55);        // 55000 / 100000
        EXPECTED.put("inpatient_essential_drug_rate", 0.95);          // 190 / 200
        EXPECTED.put("essential_drug_variety_share", 0.5);            // 400 / 800
        EXPECTED.put("vbp_drug_usage_share", 0.9);                    // 900 / 1000
        EXPECTED.put("essential_drug_purchase_share", 0.4);           // 20e6 / 50e6
        EXPECTED.put("vbp_purchase_share", 0.2);                      // 10e6 / 50e6
        EXPECTED.put("key_monitored_drug_share", 1.4 / 28);           // 1.4e6 / (16e6 + 12e6) = 0.05
        EXPECTED.put("key_monitored_consumables_share", 0.25);        // 5e6 / 20e6
        EXPECTED.put("provincial_eqa_pass_rate", 0.96);               // 48 / 50
        // monthly reports
        EXPECTED.put("appointment_rate", 0.6);                        // 30000 / 50000
        EXPECTED.put("appointment_wait", 15.0);
        EXPECTED.put("emr_level", 5.0);
        EXPECTED.put("readmission_31d_rate", 0.03);                   // 6 / 200
        EXPECTED.put("alos", 7.5);                                    // 1500 / 200
        EXPECTED.put("cost_index", 0.95);
        EXPECTED.put("time_index", 1.05);
        EXPECTED.put("cost_per_stay", 10_000.0);                      // 2e6 / 200
        EXPECTED.put("cost_per_stay_cost", 9_500.0);                  // case_cost / costed_cases = 1 710 000 / 180
        EXPECTED.put("inpatient_workload_per_physician", 1500.0 / (200 * 366)); // bed-days / (mean physicians × days)
        EXPECTED.put("pharmacists_per_100_beds", 4.0);                // 240 / 6000 × 100 (monthly means 20 / 500)
        // finance
        EXPECTED.put("outpatient_revenue_share", 0.4);                // 40e6 / 100e6
        EXPECTED.put("outpatient_insurance_share", 0.3);              // 12e6 / 40e6
        EXPECTED.put("inpatient_revenue_share", 0.6);                 // 60e6 / 100e6
        EXPECTED.put("inpatient_insurance_share", 0.6);               // 36e6 / 60e6
        EXPECTED.put("medical_revenue_insurance_share", 0.48);        // (12e6 + 36e6) / 100e6
        EXPECTED.put("medical_service_revenue_share", 0.3);           // 30e6 / 100e6
        EXPECTED.put("service_revenue_share", 0.3);                   // finance first: 30e6 / 100e6
        EXPECTED.put("drug_share", 0.25);                             // 500000 / 2e6
        EXPECTED.put("material_share", 0.15);
        EXPECTED.put("supplies_cost_share", 0.4);
        EXPECTED.put("personnel_spending_share", 0.4);                // 38.4e6 / 96e6
        EXPECTED.put("personnel_cost_share", 0.4);                    // finance first
        EXPECTED.put("energy_spending_per_10k", 100.0);               // 1.25e6 / (125e6 / 10000)
        EXPECTED.put("energy_per_10k_revenue", 100.0);                // finance first
        EXPECTED.put("revenue_expense_balance", 500.0);               // (125e6 − 120e6) / 10000 万元
        EXPECTED.put("medical_surplus_rate", 0.05);                   // (100e6 − 95e6) / 100e6
        EXPECTED.put("debt_to_asset_ratio", 0.4);                     // 160e6 / 400e6
        // growth across the year boundary: every per-visit figure rose by a quarter
        EXPECTED.put("medical_revenue_growth", 0.25);                 // 100e6 / 80e6 − 1
        EXPECTED.put("outpatient_cost_growth", 0.25);                 // (40e6/50000 = 800) / (32e6/50000 = 640) − 1
        EXPECTED.put("outpatient_drug_cost_growth", 0.25);            // 320 / 256 − 1
        EXPECTED.put("inpatient_cost_growth", 0.25);                  // (60e6/200) / (48e6/200) − 1
        EXPECTED.put("inpatient_drug_cost_growth", 0.25);             // (12e6/200) / (9.6e6/200) − 1
        EXPECTED.put("cost_per_visit_growth", 0.25);                  // (100e6/50200) / (80e6/50200) − 1
        EXPECTED.put("drug_cost_per_visit_growth", 0.25);             // (28e6/50200) / (22.4e6/50200) − 1
        EXPECTED.put("comprehensive_budgeting", 1.0);
        EXPECTED.put("chief_accountant", 1.0);
        // staff
        EXPECTED.put("nurse_to_physician_ratio", 1.5);                // 3600 / 2400
        EXPECTED.put("drg_dip_payment_share", 0.75);                  // 36e6 / 48e6
        EXPECTED.put("senior_title_share", 0.2);                      // 100 / 500
        EXPECTED.put("key_specialty_physician_share", 0.2);           // (10+12+8+4+6) / (2400 / 12)
        EXPECTED.put("trainee_return_share", 0.8);                    // 40 / 50
        EXPECTED.put("resident_exam_pass_rate", 0.8);                 // 16 / 20
        EXPECTED.put("research_funding_per_100_staff", 1_000_000.0);  // 5e6 / (500 / 100)
        EXPECTED.put("research_transfer_per_100_staff", 200_000.0);   // 1e6 / 5
        EXPECTED.put("training_funding_share", 0.02);                 // 2.4e6 / 120e6
        // satisfaction
        EXPECTED.put("outpatient_satisfaction", 90.0);
        EXPECTED.put("inpatient_satisfaction", 94.0);
        EXPECTED.put("patient_satisfaction", 92.5);
        EXPECTED.put("staff_satisfaction", 88.0);
    }

    static Stream<Arguments> computable() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<String> notComputable() {
        return STANDARD.indicators().stream().filter(i -> !i.computable()).map(Indicator::id);
    }

    private static FormulaOutcome outcome(String id, Map<Measure, Double> values, Map<Measure, Double> prior) {
        return STANDARD.indicator(id).orElseThrow().formula().outcome(values, prior);
    }

    @Test
    void expectations_coverEveryComputableDefinitionOfTheStandardCatalogue() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(
                STANDARD.indicators().stream().filter(Indicator::computable).map(Indicator::id).toList());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("computable")
    void outcome_computableIndicator_givesHandComputedValue(String id, double expected) {
        FormulaOutcome o = outcome(id, HOSPITAL, PRIOR);

        assertThat(o.value().getAsDouble()).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        assertThat(o.reason()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("computable")
    void outcome_anInputMissing_isNoDataNamingThatInput(String id, double ignored) {
        Indicator i = STANDARD.indicator(id).orElseThrow();
        if (i.formula().toString().contains("??")) {
            return; // a fallback: see fallbacks_carryTheSourceTheyCameFrom
        }
        for (Measure m : i.formula().measures()) {
            Map<Measure, Double> without = new EnumMap<>(HOSPITAL);
            without.remove(m);

            FormulaOutcome o = outcome(id, without, PRIOR);
            assertThat(o.value()).as("%s without %s", id, m).isEmpty();
            assertThat(o.missing()).as("%s without %s", id, m).contains(m.input());
            assertThat(o.reason()).startsWith("缺少").contains(m.input());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notComputable")
    void outcome_externalIndicator_isNoDataNamingTheExternalInput(String id) {
        Indicator i = STANDARD.indicator(id).orElseThrow();

        assertThat(i.formula().measures()).anyMatch(m -> m.source() == Measure.Source.EXTERNAL);
        FormulaOutcome o = outcome(id, HOSPITAL, PRIOR);
        assertThat(o.value()).isEmpty();
        assertThat(o.reason()).contains("HQD 不接收").doesNotContain("分母");
    }

    @Test
    void growth_withoutTheYearBefore_namesThePriorInput() {
        FormulaOutcome o = outcome("medical_revenue_growth", HOSPITAL, Map.of());

        assertThat(o.value()).isEmpty();
        assertThat(o.missing()).containsExactly("上年同期的" + Measure.FIN_MEDICAL_REVENUE.input());
    }

    @Test
    void growth_fallingRevenue_isNegative() {
        Map<Measure, Double> prior = new EnumMap<>(PRIOR);
        prior.put(Measure.FIN_MEDICAL_REVENUE, 125_000_000.0);

        // 100e6 / 125e6 − 1 = −0.2
        assertThat(outcome("medical_revenue_growth", HOSPITAL, prior).value().getAsDouble())
                .isCloseTo(-0.2, within(1e-12));
    }

    @Test
    void ratio_zeroDenominator_saysSoAndIsNeverZero() {
        Map<Measure, Double> noOperations = new EnumMap<>(HOSPITAL);
        noOperations.put(Measure.OPERATION_SESSIONS, 0.0);

        FormulaOutcome o = outcome("grade4_surgery_share", noOperations, PRIOR);
        assertThat(o.value()).isEmpty();
        assertThat(o.zeroDenominator()).isTrue();
        assertThat(o.reason()).isEqualTo("分母为 0");
        // a zero numerator is a value
        assertThat(outcome("surgery_share", noOperations, PRIOR).value()).hasValue(0.0);
    }

    @Test
    void fallbacks_carryTheSourceTheyCameFrom() {
        Map<Measure, Double> reportsOnly = new EnumMap<>(HOSPITAL);
        reportsOnly.keySet().removeIf(m -> m.source() == Measure.Source.FINANCE);

        FormulaOutcome finance = outcome("personnel_cost_share", HOSPITAL, PRIOR);
        FormulaOutcome report = outcome("personnel_cost_share", reportsOnly, PRIOR);
        assertThat(finance.sources()).isEqualTo("财务实际数");
        assertThat(report.value()).hasValue(0.45);                    // 45e6 / 100e6
        assertThat(report.sources()).isEqualTo("机构月报");
        FormulaOutcome service = outcome("service_revenue_share", reportsOnly, PRIOR);
        assertThat(service.value()).hasValue(0.35);                   // 700000 / 2e6
        assertThat(service.sources()).isEqualTo("病案首页");
        // the national definition has no fallback
        assertThat(outcome("personnel_spending_share", reportsOnly, PRIOR).value()).isEmpty();
        Map<Measure, Double> neither = new EnumMap<>(reportsOnly);
        neither.remove(Measure.STAFF_SPENDING);
        FormulaOutcome none = outcome("personnel_cost_share", neither, PRIOR);
        assertThat(none.value()).isEmpty();
        assertThat(none.missing()).contains(Measure.FIN_STAFF_SPENDING.input(), Measure.STAFF_SPENDING.input());
    }

    @Test
    void sources_ofAMixedIndicator_nameEachSourceOnce() {
        assertThat(outcome("antibiotic_intensity", HOSPITAL, PRIOR).sources()).isEqualTo("病案首页、机构年报");
        // the period's days are not a data source
        assertThat(outcome("inpatient_workload_per_physician", HOSPITAL, PRIOR).sources())
                .isEqualTo("病案首页、机构月报");
    }

    @Test
    void suppliesCostShare_prefersTheCostAccounting_andFallsBackToTheCharges() {
        Indicator i = STANDARD.indicator("supplies_cost_share").orElseThrow();
        Map<Measure, Double> costed = new EnumMap<>(HOSPITAL);
        costed.put(Measure.SUPPLIES_COST, 598_500.0);
        // supplies_cost / case_cost = 598 500 / 1 710 000
        assertThat(i.formula().evaluate(costed)).hasValue(0.35);
        assertThat(i.formula().evaluate(HOSPITAL)).hasValue(0.4);
    }
}
