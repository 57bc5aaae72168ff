-- Version 5: target sets loaded by a region (hqd targets load), kept as the TSV text they were loaded from; the
-- setting 'evaluation.target_set' names the default set (else the bundled design-default).

CREATE TABLE target_sets (
    set_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, file VARCHAR NOT NULL, content VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL);
