-- Version 3: DIP catalogues (病种分值目录), kept by version; the dip_groups view shows the latest.

CREATE TABLE dip_versions (
    version INTEGER PRIMARY KEY, baseline_from DATE, baseline_to DATE, parameters VARCHAR NOT NULL,
    cases BIGINT NOT NULL, computed_at TIMESTAMP NOT NULL);

CREATE TABLE dip_catalogue (
    version INTEGER NOT NULL, dip_key VARCHAR NOT NULL, core BOOLEAN NOT NULL, cases INTEGER NOT NULL,
    kept_cases INTEGER NOT NULL, mean_cost DOUBLE NOT NULL, score DOUBLE NOT NULL, PRIMARY KEY (version, dip_key));

CREATE VIEW dip_groups AS SELECT dip_key, core, cases, kept_cases, mean_cost, score FROM dip_catalogue
    WHERE version = (SELECT max(version) FROM dip_versions);
