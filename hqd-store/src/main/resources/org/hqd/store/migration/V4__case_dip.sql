-- Version 4: every case's DIP group under the latest DIP catalogue, kept with the case (dip_key, and the catalogue
-- version it was assigned under). A case imported or replaced later has none until it is assigned (hqd import and
-- hqd dip build/metrics do that); the cases view shows dip_key and dip_score only for the latest catalogue.

ALTER TABLE case_records ADD COLUMN dip_key VARCHAR;

ALTER TABLE case_records ADD COLUMN dip_version INTEGER;

CREATE OR REPLACE VIEW cases AS SELECT c.hospital_id, c.record_id, c.patient_id, c.sex, c.birth_date, c.age_years,
    c.age_days, c.birth_weight_g, c.admission_date, c.discharge_date, c.los_days, c.admission_route,
    c.discharge_method, c.department, c.attending_physician, c.principal_dx, c.secondary_dx, c.principal_proc,
    c.other_procs, c.proc_levels, c.day_surgery, c.payer, c.total_cost, c.cost_bed, c.cost_consultation,
    c.cost_exam, c.cost_lab, c.cost_treatment, c.cost_surgery, c.cost_nursing, c.cost_material,
    c.cost_western_drug, c.cost_herbal, c.cost_patent_drug, c.cost_general_service, c.cost_registration,
    c.cost_other, c.scheme, c.status, c.mdc, c.adrg, c.drg, c.cc, c.mcc, c.quality_flags, s.rw,
    g.dip_key, g.score AS dip_score
    FROM case_records c
    LEFT JOIN drg_standards s
      ON s.drg = CASE WHEN c.status = 'GROUPED' THEN c.drg END AND s.version = (SELECT max(version) FROM weight_versions)
    LEFT JOIN dip_catalogue g
      ON g.version = c.dip_version AND g.dip_key = c.dip_key AND g.version = (SELECT max(version) FROM dip_versions);
