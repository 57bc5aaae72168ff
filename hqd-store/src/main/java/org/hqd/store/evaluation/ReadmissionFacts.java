package org.hqd.store.evaluation;

import java.sql.Connection;
import org.hqd.store.Query;

/**
 * The stays that are readmissions ({@code readmission_facts}): admitted 0–31 days after the same patient's previous
 * discharge from the same hospital, the previous stay being the one before it in admission (then discharge, then
 * record) order among all that patient's stays there. A stay's fact depends on the patient's other stays, so an import
 * recomputes the facts of every patient it touches (the patients of its stays and those of the versions it replaced)
 * inside its transaction: a later import that brings an earlier stay changes the fact of a stored one. The migration
 * that created the table filled it from the stored cases with {@link #DERIVE} over all of them.
 */
public final class ReadmissionFacts {
    /** The readmissions among the stays of case_records matching {where}; the same text is in the V17 migration. */
    static final String DERIVE = """
            SELECT hospital_id, patient_id, record_id, discharge_date, days FROM (
                SELECT hospital_id, patient_id, record_id, discharge_date,
                       admission_date - lag(discharge_date) OVER (PARTITION BY hospital_id, patient_id
                                                                  ORDER BY admission_date NULLS LAST,
                 discharge_date NULLS LAST, record_id) AS days
                FROM case_records WHERE patient_id IS NOT NULL AND {where})
            WHERE days BETWEEN 0 AND 31
            """;

    private ReadmissionFacts() {
    }

    /**
     * Within an import's transaction, after the batch's cases are inserted: recomputes the facts of the patients of
     * the batch's stays and of those in {@code oldPatients} (a table of hospital_id, patient_id: the patients of the
     * replaced versions), or of all stays when the store held none before ({@code fresh}).
     */
    public static void afterImport(Connection c, int batch, boolean fresh, String oldPatients) {
        if (fresh) {
            Query.of("清空再入院事实", "DELETE FROM readmission_facts").update(c);
            Query.of("计算全部再入院事实", "INSERT INTO readmission_facts " + DERIVE.replace("{where}", "true")).update(c);
            return;
        }
        Query.of("找出本批次涉及的患者", "CREATE OR REPLACE TEMP TABLE touched_patients AS SELECT DISTINCT hospital_id, "
                + "patient_id FROM case_records WHERE batch_id = ? AND patient_id IS NOT NULL UNION SELECT hospital_id, "
                + "patient_id FROM " + oldPatients).bind(batch).update(c);
        Query.of("删除涉及患者的再入院事实", "DELETE FROM readmission_facts f USING touched_patients t "
                + "WHERE f.hospital_id = t.hospital_id AND f.patient_id = t.patient_id").update(c);
        Query.of("重算涉及患者的再入院事实", "INSERT INTO readmission_facts " + DERIVE.replace("{where}",
                "EXISTS (SELECT 1 FROM touched_patients t WHERE t.hospital_id = case_records.hospital_id "
                + "AND t.patient_id = case_records.patient_id)")).update(c);
        Query.of("清理涉及患者的临时表", "DROP TABLE touched_patients").update(c);
    }
}
