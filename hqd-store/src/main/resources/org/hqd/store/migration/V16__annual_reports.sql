-- Version 16: the yearly hospital report (机构年报): one row per hospital and year with the inputs of the national
-- indicators that no abstract or monthly report carries (staff by title and specialty, EQA items, large equipment,
-- prescriptions reviewed, DDDs, essential and 集采 drugs, research funds, 总会计师, 预约等待时间, the balance sheet, the
-- survey satisfaction). Every value column is optional. The columns are the measures of source ANNUAL_REPORT, in the
-- order of org.hqd.evaluation.Measure (a test checks this table against it).

CREATE TABLE annual_report_rows (
    hospital_id VARCHAR NOT NULL, year VARCHAR NOT NULL,
    health_tech_staff DOUBLE, senior_title_staff DOUBLE, anaesthesia_physicians DOUBLE,
    paediatric_physicians DOUBLE, critical_care_physicians DOUBLE, pathology_physicians DOUBLE,
    tcm_physicians DOUBLE, trainees_received DOUBLE, trainees_returned_independent DOUBLE,
    resident_exam_takers DOUBLE, resident_exam_passed DOUBLE, training_funding DOUBLE, research_funding DOUBLE,
    research_transfer_amount DOUBLE, large_equipment_exams DOUBLE, large_equipment_positive DOUBLE,
    large_equipment_qc DOUBLE, eqa_items_passed DOUBLE, provincial_eqa_participated DOUBLE,
    provincial_eqa_passed DOUBLE, wards DOUBLE, quality_nursing_wards DOUBLE, prescriptions DOUBLE,
    prescriptions_reviewed DOUBLE, antibiotic_ddds DOUBLE, outpatient_prescriptions DOUBLE,
    outpatient_essential_prescriptions DOUBLE, inpatients_essential_drugs DOUBLE, drug_varieties DOUBLE,
    essential_drug_varieties DOUBLE, vbp_drug_usage DOUBLE, vbp_molecule_usage DOUBLE, drug_purchase_amount DOUBLE,
    essential_drug_purchase_amount DOUBLE, vbp_purchase_amount DOUBLE, key_monitored_drug_revenue DOUBLE,
    key_monitored_consumables_revenue DOUBLE, appointment_wait_minutes DOUBLE, outpatient_referrals_down DOUBLE,
    special_needs_revenue DOUBLE, outpatient_insurance_revenue DOUBLE, inpatient_insurance_revenue DOUBLE,
    total_assets DOUBLE, total_liabilities DOUBLE, chief_accountant DOUBLE, outpatient_satisfaction DOUBLE,
    inpatient_satisfaction DOUBLE,
    batch_id INTEGER, PRIMARY KEY (hospital_id, year));

CREATE VIEW annual_reports AS SELECT hospital_id, year, health_tech_staff, senior_title_staff,
    anaesthesia_physicians, paediatric_physicians, critical_care_physicians, pathology_physicians, tcm_physicians,
    trainees_received, trainees_returned_independent, resident_exam_takers, resident_exam_passed, training_funding,
    research_funding, research_transfer_amount, large_equipment_exams, large_equipment_positive, large_equipment_qc,
    eqa_items_passed, provincial_eqa_participated, provincial_eqa_passed, wards, quality_nursing_wards,
    prescriptions, prescriptions_reviewed, antibiotic_ddds, outpatient_prescriptions,
    outpatient_essential_prescriptions, inpatients_essential_drugs, drug_varieties, essential_drug_varieties,
    vbp_drug_usage, vbp_molecule_usage, drug_purchase_amount, essential_drug_purchase_amount, vbp_purchase_amount,
    key_monitored_drug_revenue, key_monitored_consumables_revenue, appointment_wait_minutes,
    outpatient_referrals_down, special_needs_revenue, outpatient_insurance_revenue, inpatient_insurance_revenue,
    total_assets, total_liabilities, chief_accountant, outpatient_satisfaction, inpatient_satisfaction
    FROM annual_report_rows;
