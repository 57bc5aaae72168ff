-- Version 14: DRG/DIP payment as the insurer computes it (#19): official weight versions (the latest is in force),
-- payment rules loaded by a region (the bundled rules apply when none is), cases accepted for 特病单议 with their
-- reason, year-end 清算 with their lines; official DIP catalogues with their auxiliary catalogue and 偏差病例 rules,
-- and each case's auxiliary-catalogue coefficient under the catalogue it was assigned.

CREATE TABLE payment_weight_versions (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, rate DOUBLE, point_value DOUBLE, file VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL, groups INTEGER NOT NULL, loaded_at TIMESTAMP NOT NULL, loaded_by VARCHAR);

CREATE TABLE payment_weights (
    version INTEGER NOT NULL, drg VARCHAR NOT NULL, weight DOUBLE NOT NULL, base_cost DOUBLE,
    PRIMARY KEY (version, drg));

CREATE TABLE payment_rule_versions (
    version INTEGER PRIMARY KEY, method VARCHAR NOT NULL, rules_id VARCHAR NOT NULL, file VARCHAR NOT NULL,
    text VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL, loaded_by VARCHAR);

CREATE TABLE payment_reviews (
    hospital_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL, reason VARCHAR NOT NULL, accepted_at TIMESTAMP NOT NULL,
    accepted_by VARCHAR, PRIMARY KEY (hospital_id, record_id));

CREATE TABLE payment_clearings (
    clearing_id INTEGER PRIMARY KEY, method VARCHAR NOT NULL, year INTEGER NOT NULL, fund_fen BIGINT NOT NULL,
    total_points DOUBLE NOT NULL, point_value DOUBLE NOT NULL, weights VARCHAR NOT NULL, rules_id VARCHAR NOT NULL,
    computed_at TIMESTAMP NOT NULL, computed_by VARCHAR);

CREATE TABLE payment_clearing_lines (
    clearing_id INTEGER NOT NULL, hospital_id VARCHAR NOT NULL, grp VARCHAR NOT NULL, cases BIGINT NOT NULL,
    points DOUBLE NOT NULL, presettled_fen BIGINT NOT NULL, cleared_fen BIGINT NOT NULL,
    PRIMARY KEY (clearing_id, hospital_id, grp));

ALTER TABLE dip_versions ADD COLUMN source VARCHAR;

ALTER TABLE dip_versions ADD COLUMN point_value DOUBLE;

ALTER TABLE dip_catalogue ADD COLUMN group_code VARCHAR;

CREATE TABLE dip_auxiliary (
    version INTEGER NOT NULL, line INTEGER NOT NULL, kind VARCHAR NOT NULL, level VARCHAR NOT NULL,
    condition VARCHAR NOT NULL, coefficient DOUBLE NOT NULL, source VARCHAR, PRIMARY KEY (version, line));

CREATE TABLE dip_case_adjustments (
    hospital_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL, version INTEGER NOT NULL, coefficient DOUBLE NOT NULL,
    levels VARCHAR NOT NULL, PRIMARY KEY (hospital_id, record_id));
