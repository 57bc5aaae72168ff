-- Version 15: cost accounting (成本核算, hqd costing). Amounts are whole fen (分) unless a column says yuan.
-- Loaded inputs: drivers per hospital, year and department; class overrides; rule sets (the region's, scope '*', or
-- a hospital's); item costs for 项目叠加法. Results of the latest run of each hospital and year: units (the 门诊 and
-- 住院 units of clinical departments, the other departments whole), their full cost by item, the transfers (the trace
-- of why), the levels, the cost-to-charge ratios and every case's cost. The cases view gains case_cost (yuan).

CREATE TABLE costing_drivers (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, department VARCHAR NOT NULL, driver VARCHAR NOT NULL,
    value DECIMAL(24, 6) NOT NULL, batch VARCHAR NOT NULL, PRIMARY KEY (hospital_id, year, department, driver));

CREATE TABLE costing_loads (
    batch VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    rows_read INTEGER NOT NULL, loaded_at TIMESTAMP NOT NULL, user_name VARCHAR NOT NULL);

CREATE TABLE costing_classes (
    hospital_id VARCHAR NOT NULL, department VARCHAR NOT NULL, cost_class VARCHAR NOT NULL,
    PRIMARY KEY (hospital_id, department));

CREATE TABLE costing_rule_sets (
    scope VARCHAR PRIMARY KEY, id VARCHAR NOT NULL, text VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL,
    user_name VARCHAR NOT NULL);

CREATE TABLE costing_item_costs (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, department VARCHAR NOT NULL, category VARCHAR NOT NULL,
    cost DECIMAL(18, 2) NOT NULL, batch VARCHAR NOT NULL, PRIMARY KEY (hospital_id, year, department, category));

CREATE TABLE costing_runs (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, rules_id VARCHAR NOT NULL, months INTEGER NOT NULL,
    total_direct BIGINT NOT NULL, not_cost BIGINT NOT NULL, cases BIGINT NOT NULL, costed_cases BIGINT NOT NULL,
    unplaced BIGINT NOT NULL, run_at TIMESTAMP NOT NULL, user_name VARCHAR NOT NULL);

CREATE TABLE costing_steps (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, level INTEGER NOT NULL, sender_class VARCHAR NOT NULL,
    allocated BIGINT NOT NULL, total_after BIGINT NOT NULL);

CREATE TABLE costing_units (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, department VARCHAR NOT NULL, cost_class VARCHAR NOT NULL,
    setting VARCHAR NOT NULL, direct BIGINT NOT NULL, allocated_in BIGINT NOT NULL, allocated_out BIGINT NOT NULL,
    full_cost BIGINT NOT NULL);

CREATE TABLE costing_unit_items (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, department VARCHAR NOT NULL, setting VARCHAR NOT NULL,
    item VARCHAR NOT NULL, full_cost BIGINT NOT NULL);

CREATE TABLE costing_transfers (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, level INTEGER NOT NULL, from_department VARCHAR NOT NULL,
    item VARCHAR NOT NULL, to_department VARCHAR NOT NULL, to_setting VARCHAR NOT NULL, amount BIGINT NOT NULL,
    driver VARCHAR NOT NULL, weight DECIMAL(38, 6) NOT NULL, total_weight DECIMAL(38, 6) NOT NULL);

CREATE TABLE costing_ratios (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, department VARCHAR NOT NULL, category VARCHAR NOT NULL,
    pool VARCHAR NOT NULL, method VARCHAR NOT NULL, cost BIGINT NOT NULL, charges BIGINT NOT NULL);

-- cost: the case's cost; supplies_cost: the part of it in its drug and material charge categories (物耗).
CREATE TABLE case_costs (
    hospital_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL, year INTEGER NOT NULL, department VARCHAR NOT NULL,
    cost BIGINT NOT NULL, supplies_cost BIGINT NOT NULL);

CREATE VIEW department_costs AS
SELECT hospital_id, year, department, any_value(cost_class) AS cost_class, sum(direct) / 100.0 AS direct_cost,
       sum(allocated_in) / 100.0 AS allocated_in, sum(allocated_out) / 100.0 AS allocated_out,
       sum(full_cost) / 100.0 AS full_cost,
       sum(full_cost) FILTER (WHERE setting = 'OUTPATIENT') / 100.0 AS outpatient_cost,
       sum(full_cost) FILTER (WHERE setting = 'INPATIENT') / 100.0 AS inpatient_cost
FROM costing_units GROUP BY hospital_id, year, department;

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
    c.fee_other, c.fee_antibiotics, c.fee_physiotherapy, c.fee_anaesthesia, c.fee_operation, c.mapped_codes,
    k.cost / 100.0 AS case_cost
    FROM case_records c
    LEFT JOIN drg_standards s
      ON s.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END AND s.version = (SELECT max(version) FROM weight_versions)
    LEFT JOIN dip_catalogue g
      ON g.version = c.dip_version AND g.dip_key = c.dip_key AND g.version = (SELECT max(version) FROM dip_versions)
    LEFT JOIN case_costs k ON k.hospital_id = c.hospital_id AND k.record_id = c.record_id;
