-- Version 11: the national layouts (住院病案首页, 医保结算清单). The case gains the fields the national indicators
-- need (入院病情 per diagnosis; date, wound class, healing and anaesthesia per procedure; ventilator and ICU hours;
-- 自付金额; the front-sheet fee classes and sub-items beside the 14 settlement categories) and the clinical-edition
-- codes the import mapped to the insurance edition (mapped_codes: source>target, '|'-separated). The register gains
-- org_code (组织机构代码 / 医保定点编码), by which a layout's hospital column is matched. The column list of a case is
-- described once, by the case schema (AbstractColumn); a test checks this table against it.

ALTER TABLE case_records ADD COLUMN admission_conditions VARCHAR;

ALTER TABLE case_records ADD COLUMN proc_dates VARCHAR;

ALTER TABLE case_records ADD COLUMN proc_wound_classes VARCHAR;

ALTER TABLE case_records ADD COLUMN proc_healing VARCHAR;

ALTER TABLE case_records ADD COLUMN proc_anaesthesia VARCHAR;

ALTER TABLE case_records ADD COLUMN ventilator_hours DOUBLE;

ALTER TABLE case_records ADD COLUMN icu_hours DOUBLE;

ALTER TABLE case_records ADD COLUMN self_pay DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_general_medical DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_diagnosis DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_treatment DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_rehabilitation DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_tcm DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_western_drug DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_chinese_drug DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_blood DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_consumables DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_other DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_antibiotics DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_physiotherapy DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_anaesthesia DOUBLE;

ALTER TABLE case_records ADD COLUMN fee_operation DOUBLE;

ALTER TABLE case_records ADD COLUMN mapped_codes VARCHAR;

ALTER TABLE hospital_register ADD COLUMN org_code VARCHAR;

CREATE OR REPLACE VIEW hospitals AS SELECT hospital_id, name, province_code, city_code, county_code, tier, type, beds,
    org_code
    FROM hospital_register;

CREATE OR REPLACE VIEW cases AS SELECT c.hospital_id, c.record_id, c.patient_id, c.sex, c.birth_date, c.age_years,
    c.age_days, c.birth_weight_g, c.admission_date, c.discharge_date, c.los_days, c.admission_route,
    c.discharge_method, c.department, c.attending_physician, c.principal_dx, c.secondary_dx, c.principal_proc,
    c.other_procs, c.proc_levels, c.day_surgery, c.payer, c.total_cost, c.cost_bed, c.cost_consultation,
    c.cost_exam, c.cost_lab, c.cost_treatment, c.cost_surgery, c.cost_nursing, c.cost_material,
    c.cost_western_drug, c.cost_herbal, c.cost_patent_drug, c.cost_general_service, c.cost_registration,
    c.cost_other, c.scheme, c.status, c.mdc, c.adrg, c.drg, c.cc, c.mcc, c.quality_flags, s.rw,
    g.dip_key, g.score AS dip_score,
    c.admission_conditions, c.proc_dates, c.proc_wound_classes, c.proc_healing, c.proc_anaesthesia,
    c.ventilator_hours, c.icu_hours, c.self_pay, c.fee_general_medical, c.fee_diagnosis, c.fee_treatment,
    c.fee_rehabilitation, c.fee_tcm, c.fee_western_drug, c.fee_chinese_drug, c.fee_blood, c.fee_consumables,
    c.fee_other, c.fee_antibiotics, c.fee_physiotherapy, c.fee_anaesthesia, c.fee_operation, c.mapped_codes
    FROM case_records c
    LEFT JOIN drg_standards s
      ON s.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END AND s.version = (SELECT max(version) FROM weight_versions)
    LEFT JOIN dip_catalogue g
      ON g.version = c.dip_version AND g.dip_key = c.dip_key AND g.version = (SELECT max(version) FROM dip_versions);
