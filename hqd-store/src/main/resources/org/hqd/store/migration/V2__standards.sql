-- Version 2: DRG standards and relative weights, kept by version; the cases view gains rw (of the latest
-- version) and a standards view shows the latest version.

CREATE TABLE weight_versions (
    version INTEGER PRIMARY KEY, scheme VARCHAR NOT NULL, baseline_from DATE, baseline_to DATE,
    method VARCHAR NOT NULL, parameters VARCHAR NOT NULL, cases BIGINT NOT NULL, computed_at TIMESTAMP NOT NULL);

CREATE TABLE drg_standards (
    version INTEGER NOT NULL, drg VARCHAR NOT NULL, cases INTEGER NOT NULL, trimmed_cases INTEGER NOT NULL,
    rw DOUBLE NOT NULL, mean_cost DOUBLE, median_cost DOUBLE, p25_cost DOUBLE, p75_cost DOUBLE, p90_cost DOUBLE,
    mean_los DOUBLE, mean_drug_cost DOUBLE, mean_consumable_cost DOUBLE, mean_exam_lab_cost DOUBLE,
    mortality DOUBLE NOT NULL, risk_level INTEGER NOT NULL, PRIMARY KEY (version, drg));

CREATE OR REPLACE VIEW cases AS SELECT c.hospital_id, c.record_id, c.patient_id, c.sex, c.birth_date, c.age_years,
    c.age_days, c.birth_weight_g, c.admission_date, c.discharge_date, c.los_days, c.admission_route,
    c.discharge_method, c.department, c.attending_physician, c.principal_dx, c.secondary_dx, c.principal_proc,
    c.other_procs, c.proc_levels, c.day_surgery, c.payer, c.total_cost, c.cost_bed, c.cost_consultation,
    c.cost_exam, c.cost_lab, c.cost_treatment, c.cost_surgery, c.cost_nursing, c.cost_material,
    c.cost_western_drug, c.cost_herbal, c.cost_patent_drug, c.cost_general_service, c.cost_registration,
    c.cost_other, c.scheme, c.status, c.mdc, c.adrg, c.drg, c.cc, c.mcc, c.quality_flags, s.rw
    FROM case_records c LEFT JOIN drg_standards s
      ON c.status = 'GROUPED' AND s.drg = c.drg AND s.version = (SELECT max(version) FROM weight_versions);

CREATE VIEW standards AS SELECT drg, cases, trimmed_cases, rw, mean_cost, median_cost, p25_cost, p75_cost,
    p90_cost, mean_los, mean_drug_cost, mean_consumable_cost, mean_exam_lab_cost, mortality, risk_level
    FROM drg_standards WHERE version = (SELECT max(version) FROM weight_versions);
