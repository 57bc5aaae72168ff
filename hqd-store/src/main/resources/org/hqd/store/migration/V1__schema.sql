-- HQD data directory schema, version 1.
-- Tables hold what was imported; the views cases, rejects, hospitals and facility_reports are the stable,
-- documented interface for `hqd sql` and later features (columns are added, never renamed).

CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE import_batches (
    batch_id INTEGER PRIMARY KEY, file VARCHAR NOT NULL, kind VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
    scheme VARCHAR, rows_read BIGINT, rows_imported BIGINT, rows_replaced BIGINT, rows_unchanged BIGINT,
    rows_rejected BIGINT, rows_warned BIGINT, imported_at TIMESTAMP NOT NULL);

CREATE TABLE case_records (
    hospital_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL, patient_id VARCHAR, sex VARCHAR, birth_date DATE,
    age_years INTEGER, age_days INTEGER, birth_weight_g INTEGER, admission_date DATE, discharge_date DATE,
    los_days INTEGER, admission_route VARCHAR, discharge_method VARCHAR, department VARCHAR,
    attending_physician VARCHAR, principal_dx VARCHAR, secondary_dx VARCHAR, principal_proc VARCHAR,
    other_procs VARCHAR, proc_levels VARCHAR, day_surgery BOOLEAN, payer VARCHAR, total_cost DOUBLE,
    cost_bed DOUBLE, cost_consultation DOUBLE, cost_exam DOUBLE, cost_lab DOUBLE, cost_treatment DOUBLE,
    cost_surgery DOUBLE, cost_nursing DOUBLE, cost_material DOUBLE, cost_western_drug DOUBLE, cost_herbal DOUBLE,
    cost_patent_drug DOUBLE, cost_general_service DOUBLE, cost_registration DOUBLE, cost_other DOUBLE,
    scheme VARCHAR NOT NULL, status VARCHAR NOT NULL, mdc VARCHAR, adrg VARCHAR, drg VARCHAR, cc BOOLEAN,
    mcc BOOLEAN, quality_flags VARCHAR, line BIGINT, row_hash UBIGINT NOT NULL, batch_id INTEGER NOT NULL);

CREATE TABLE quality_findings (
    batch_id INTEGER NOT NULL, file VARCHAR NOT NULL, line BIGINT, hospital_id VARCHAR, record_id VARCHAR,
    period VARCHAR, rule_id VARCHAR NOT NULL, dimension VARCHAR NOT NULL, severity VARCHAR NOT NULL,
    message VARCHAR NOT NULL);

CREATE TABLE hospital_register (
    hospital_id VARCHAR PRIMARY KEY, name VARCHAR, province_code VARCHAR, city_code VARCHAR, county_code VARCHAR,
    tier VARCHAR, type VARCHAR, beds INTEGER, batch_id INTEGER);

CREATE TABLE facility_report_rows (
    hospital_id VARCHAR NOT NULL, period VARCHAR NOT NULL, beds INTEGER, physicians INTEGER, nurses INTEGER,
    pharmacists INTEGER, total_revenue DOUBLE, medical_revenue DOUBLE, operating_spending DOUBLE,
    staff_spending DOUBLE, energy_spending DOUBLE, emr_level INTEGER, outpatient_visits BIGINT,
    appointments BIGINT, patient_satisfaction DOUBLE, staff_satisfaction DOUBLE, drg_dip_paid_spending DOUBLE,
    eligible_insurance_spending DOUBLE, batch_id INTEGER, PRIMARY KEY (hospital_id, period));

CREATE VIEW cases AS SELECT hospital_id, record_id, patient_id, sex, birth_date, age_years, age_days,
    birth_weight_g, admission_date, discharge_date, los_days, admission_route, discharge_method, department,
    attending_physician, principal_dx, secondary_dx, principal_proc, other_procs, proc_levels, day_surgery, payer,
    total_cost, cost_bed, cost_consultation, cost_exam, cost_lab, cost_treatment, cost_surgery, cost_nursing,
    cost_material, cost_western_drug, cost_herbal, cost_patent_drug, cost_general_service, cost_registration,
    cost_other, scheme, status, mdc, adrg, drg, cc, mcc, quality_flags
    FROM case_records;

CREATE VIEW rejects AS SELECT file, line, hospital_id, record_id, rule_id, severity, message
    FROM quality_findings WHERE severity = 'ERROR';

CREATE VIEW hospitals AS SELECT hospital_id, name, province_code, city_code, county_code, tier, type, beds
    FROM hospital_register;

CREATE VIEW facility_reports AS SELECT hospital_id, period, beds, physicians, nurses, pharmacists, total_revenue,
    medical_revenue, operating_spending, staff_spending, energy_spending, emr_level, outpatient_visits,
    appointments, patient_satisfaction, staff_satisfaction, drg_dip_paid_spending, eligible_insurance_spending
    FROM facility_report_rows;
