-- Version 6: users of the web application, their sessions, and the audit log (DESIGN §7).

CREATE TABLE users (
    name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, hospital_id VARCHAR, department VARCHAR, region VARCHAR,
    password_hash VARCHAR NOT NULL, failed_logins INTEGER NOT NULL, locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL);

CREATE TABLE sessions (
    token_hash VARCHAR PRIMARY KEY, user_name VARCHAR NOT NULL, csrf_token VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL);

CREATE TABLE audit_log (
    logged_at TIMESTAMP NOT NULL, user_name VARCHAR, action VARCHAR NOT NULL, detail VARCHAR, client VARCHAR);
