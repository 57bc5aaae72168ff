-- Version 7: the task-progress ledger (DESIGN §5): plans read from documents, their tasks with units, deadlines
-- and targets, and the progress notes that move them. Units and deadlines are kept as written, joined with 、 and |.

CREATE TABLE ledger_plans (
    plan_id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, document VARCHAR NOT NULL, document_sha256 VARCHAR NOT NULL,
    source_line INTEGER NOT NULL, hospital_id VARCHAR, imported_at TIMESTAMP NOT NULL, imported_by VARCHAR NOT NULL);

CREATE TABLE ledger_tasks (
    task_id VARCHAR PRIMARY KEY, plan_id VARCHAR NOT NULL, seq INTEGER NOT NULL, section VARCHAR NOT NULL,
    task_no VARCHAR NOT NULL, title VARCHAR NOT NULL, body VARCHAR NOT NULL, lead_units VARCHAR NOT NULL,
    co_units VARCHAR NOT NULL, deadlines VARCHAR NOT NULL, deadline_dates VARCHAR NOT NULL, due_date DATE,
    source_line INTEGER NOT NULL, status VARCHAR NOT NULL, status_changed_at TIMESTAMP, removed BOOLEAN NOT NULL);

CREATE TABLE ledger_targets (
    task_id VARCHAR NOT NULL, seq INTEGER NOT NULL, target_text VARCHAR NOT NULL, phrase VARCHAR NOT NULL,
    value_text VARCHAR NOT NULL, target_value DOUBLE, unit VARCHAR NOT NULL, comparator VARCHAR NOT NULL,
    indicator VARCHAR, indicator_value DOUBLE, PRIMARY KEY (task_id, seq));

CREATE TABLE ledger_notes (
    task_id VARCHAR NOT NULL, written_at TIMESTAMP NOT NULL, noted_on DATE NOT NULL, author VARCHAR NOT NULL,
    status VARCHAR, note VARCHAR NOT NULL, evidence VARCHAR NOT NULL);
