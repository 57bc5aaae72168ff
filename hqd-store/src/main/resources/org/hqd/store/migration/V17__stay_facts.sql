-- Per-stay facts the evaluation sums instead of deriving them from every case at each evaluation.
-- operation_facts: one row per stay with an operation (OperationMeasures.STAY_FACTS); filled at the first
-- evaluation or import after this migration, because it depends on the code lists in force (OperationFacts).
CREATE TABLE operation_facts (
    hospital_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL, discharge_date DATE, undated BOOLEAN,
    sessions BIGINT, mi BIGINT, g4 BIGINT, g4_unknown BOOLEAN, g3 BIGINT, level_unknown BOOLEAN, day BIGINT,
    day_unknown BOOLEAN, elective BIGINT, route_unknown BOOLEAN, clean BIGINT, wound_unknown BOOLEAN,
    infected BIGINT, heal_unknown BOOLEAN, complication BOOLEAN, complication_unknown BOOLEAN);

-- readmission_facts: the stays admitted 0-31 days after the same patient's previous discharge from the same
-- hospital (ReadmissionFacts.DERIVE), filled here from the stored cases and kept current by every import.
CREATE TABLE readmission_facts (
    hospital_id VARCHAR NOT NULL, patient_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL, discharge_date DATE,
    days BIGINT);

INSERT INTO readmission_facts
SELECT hospital_id, patient_id, record_id, discharge_date, days FROM (
    SELECT hospital_id, patient_id, record_id, discharge_date,
           admission_date - lag(discharge_date) OVER (PARTITION BY hospital_id, patient_id
                                                      ORDER BY admission_date NULLS LAST,
                 discharge_date NULLS LAST, record_id) AS days
    FROM case_records WHERE patient_id IS NOT NULL)
WHERE days BETWEEN 0 AND 31;
