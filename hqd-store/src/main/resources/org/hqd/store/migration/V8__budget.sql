-- Version 8: comprehensive budget management. Amounts are whole fen (分). budget_items is the catalogue of the
-- hqd-core data, kept in step by BudgetStore, so that SQL (finance_months, hqd sql) can read item kinds and measures.

CREATE TABLE budget_items (
    code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, category VARCHAR NOT NULL,
    measures VARCHAR NOT NULL);

CREATE TABLE budget_departments (hospital_id VARCHAR NOT NULL, department VARCHAR NOT NULL,
    PRIMARY KEY (hospital_id, department));

CREATE TABLE budget_versions (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, version INTEGER NOT NULL, adjustment BOOLEAN NOT NULL,
    state VARCHAR NOT NULL, reason VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, created_by VARCHAR NOT NULL,
    PRIMARY KEY (hospital_id, year, version));

CREATE TABLE budget_lines (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, version INTEGER NOT NULL, department VARCHAR NOT NULL,
    item VARCHAR NOT NULL, month INTEGER NOT NULL, amount BIGINT NOT NULL,
    PRIMARY KEY (hospital_id, year, version, department, item, month));

CREATE TABLE budget_events (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, version INTEGER NOT NULL, action VARCHAR NOT NULL,
    from_state VARCHAR, to_state VARCHAR NOT NULL, comment VARCHAR NOT NULL, user_name VARCHAR NOT NULL,
    happened_at TIMESTAMP NOT NULL);

CREATE TABLE budget_actuals (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, department VARCHAR NOT NULL, item VARCHAR NOT NULL,
    month INTEGER NOT NULL, amount BIGINT NOT NULL, batch VARCHAR NOT NULL,
    PRIMARY KEY (hospital_id, year, department, item, month));

CREATE TABLE budget_imports (
    batch VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
    rows_read INTEGER NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL, imported_at TIMESTAMP NOT NULL,
    user_name VARCHAR NOT NULL);

CREATE TABLE budget_rejects (
    batch VARCHAR NOT NULL, file VARCHAR NOT NULL, line INTEGER NOT NULL, hospital_id VARCHAR, year VARCHAR,
    department VARCHAR, item VARCHAR, month VARCHAR, amount VARCHAR, rule_ids VARCHAR NOT NULL,
    messages VARCHAR NOT NULL);

CREATE TABLE budget_targets (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, name VARCHAR NOT NULL, department VARCHAR NOT NULL,
    item VARCHAR NOT NULL, dimension VARCHAR NOT NULL, comparison VARCHAR NOT NULL, target DOUBLE NOT NULL,
    unit VARCHAR NOT NULL, weight DOUBLE NOT NULL, source VARCHAR NOT NULL, PRIMARY KEY (hospital_id, year, name));

CREATE TABLE budget_target_values (
    hospital_id VARCHAR NOT NULL, year INTEGER NOT NULL, name VARCHAR NOT NULL, month INTEGER NOT NULL,
    value DOUBLE NOT NULL, PRIMARY KEY (hospital_id, year, name, month));

-- The finance system's actual amounts of each hospital and month as evaluation measures (in yuan): MeasureQuery
-- uses them instead of the facility report's figures for the months that have them.
CREATE VIEW finance_months AS
SELECT a.hospital_id, printf('%04d-%02d', a.year, a.month) AS period,
       sum(a.amount) FILTER (WHERE list_contains(string_split(i.measures, ','), 'total_revenue')) / 100.0 AS total_revenue,
       sum(a.amount) FILTER (WHERE list_contains(string_split(i.measures, ','), 'medical_revenue')) / 100.0 AS medical_revenue,
       sum(a.amount) FILTER (WHERE list_contains(string_split(i.measures, ','), 'medical_service_revenue')) / 100.0 AS medical_service_revenue,
       sum(a.amount) FILTER (WHERE list_contains(string_split(i.measures, ','), 'operating_spending')) / 100.0 AS operating_spending,
       sum(a.amount) FILTER (WHERE list_contains(string_split(i.measures, ','), 'staff_spending')) / 100.0 AS staff_spending,
       sum(a.amount) FILTER (WHERE list_contains(string_split(i.measures, ','), 'energy_spending')) / 100.0 AS energy_spending
FROM budget_actuals a JOIN budget_items i ON i.code = a.item
GROUP BY a.hospital_id, a.year, a.month;
