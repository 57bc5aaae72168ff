package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hqd.store.evaluation.MeasureQueryTest.assertMeasures;
import static org.hqd.store.evaluation.MeasureQueryTest.m;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.FormulaOutcome;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.Measure;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operation measures as the national manual counts them, on stays worked out by hand (March 2024). Codes:
 * 47.0100 腹腔镜下阑尾切除术 (an operation, minimally invasive), 47.0900 / 47.0901 阑尾切除术 (operations, open),
 * 99.2500 化疗药物注射 (not an operation), T81.400 操作后的感染 (a complication of a procedure).
 *
 * <pre>
 * stay hosp procedures (level, date, wound, healing)                  route day dx conditions  discharge
 * S1   H001 47.0100 (3, 03-02, 2, 1) | 47.0900 (4, 03-02, 2, 1)        2     0   -              1
 * S2   H001 47.0100 (3, 03-05, 1, 3) | 99.2500 (4, 03-06, -, -)        1     0   K35 1, T81.400 4 1
 * S3   H001 47.0900 (2, 03-10, 1, 1) | 47.0901 (4, 03-12, 1, 1)        2     0   K35 1, T81.400 1 1
 * S4   H001 47.0100 (3, no date, 2, 1)                                 2     1   -              3
 * S5   H001 none (medical)                                             1     0   -              3
 * S6   H002 47.0100 (3, no date) | 47.0900 (4, no date)                2     0   -              1
 * </pre>
 *
 * H001: operated stays S1–S4 = 4; sessions: S1 one (same date), S2 one (99.25 is no operation), S3 two (two
 * dates), S4 one (a single operation) = 5; minimally invasive S1 S2 S4 = 3; grade 4 (highest level 4) S1 and S3's
 * second = 2; grade 3 S2 S4 = 2; day surgery S4 = 1; elective (route ≠ 1) S1 S3 S3 S4 = 4; clean wound S2 S3 S3 = 3,
 * infected (丙) S2 = 1; complication stays S2 (condition 4 无; S3's was present on admission) = 1; referrals down
 * (离院方式 3) S4 S5 = 2. H002: one operated stay whose two operations have no date: its sessions are unknown.
 */
final class OperationMeasuresTest {
    static final EvaluationPeriod MARCH = EvaluationPeriod.parse("2024-03");

    @TempDir
    Path tmp;

    static List<AbstractRow> stays() {
        return List.of(
                op("H001", "S1", "47.0100", "47.0900", "3|4", "2024-03-02|2024-03-02", "2|2", "1|1")
                        .set(AbstractColumn.ADMISSION_ROUTE, "2"),
                op("H001", "S2", "47.0100", "99.2500", "3|4", "2024-03-05|2024-03-06", "1|", "3|")
                        .set(AbstractColumn.SECONDARY_DX, "T81.400").set(AbstractColumn.ADMISSION_CONDITIONS, "1|4"),
                op("H001", "S3", "47.0900", "47.0901", "2|4", "2024-03-10|2024-03-12", "1|1", "1|1")
                        .set(AbstractColumn.ADMISSION_ROUTE, "2").set(AbstractColumn.SECONDARY_DX, "T81.400")
                        .set(AbstractColumn.ADMISSION_CONDITIONS, "1|1"),
                op("H001", "S4", "47.0100", "", "3", "", "2", "1").set(AbstractColumn.ADMISSION_ROUTE, "2")
                        .set(AbstractColumn.DAY_SURGERY, "1").set(AbstractColumn.DISCHARGE_METHOD, "3"),
                MeasureQueryTest.medical("H001", "S5", "P5").stay("2024-03-01", "2024-03-04", 3)
                        .set(AbstractColumn.DISCHARGE_METHOD, "3"),
                op("H002", "S6", "47.0100", "47.0900", "3|4", "", "2|2", "1|1").set(AbstractColumn.ADMISSION_ROUTE, "2"));
    }

    static AbstractRow op(String hospital, String record, String principal, String other, String levels, String dates,
                          String wounds, String healing) {
        return AbstractRow.valid(hospital, record).set(AbstractColumn.PRINCIPAL_PROC, principal)
                .set(AbstractColumn.OTHER_PROCS, other).set(AbstractColumn.PROC_LEVELS, levels)
                .set(AbstractColumn.PROC_DATES, dates).set(AbstractColumn.PROC_WOUND_CLASSES, wounds)
                .set(AbstractColumn.PROC_HEALING, healing).stay("2024-03-01", "2024-03-15", 14);
    }

    Map<String, HospitalMeasures> march(Path data) {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery q = new MeasureQuery(dir);
            return MeasureQueryTest.byId(q.whole(MARCH, q.hospitals(Optional.empty())));
        }
    }

    @Test
    void operations_countedBySessionWithTheNationalLists_asWorkedOutByHand() throws IOException {
        HospitalMeasures h = march(MeasureQueryTest.build(tmp, stays())).get("H001");

        assertMeasures(h, m(Measure.CASES, 5, Measure.OPERATED_STAYS, 4, Measure.OPERATION_SESSIONS, 5,
                Measure.MINIMALLY_INVASIVE_SESSIONS, 3, Measure.GRADE4_SESSIONS, 2, Measure.GRADE3_SESSIONS, 2,
                Measure.DAY_SURGERY_SESSIONS, 1, Measure.ELECTIVE_SESSIONS, 4, Measure.CLEAN_WOUND_SESSIONS, 3,
                Measure.CLEAN_WOUND_INFECTIONS, 1, Measure.COMPLICATION_STAYS, 1, Measure.REFERRALS_DOWN_INPATIENT, 2));
        IndicatorCatalog c = IndicatorCatalog.standard();
        assertThat(value(c, "surgery_share", h)).isEqualTo(5.0 / 5);
        assertThat(value(c, "minimally_invasive_share", h)).isEqualTo(3.0 / 5);
        assertThat(value(c, "grade4_surgery_share", h)).isEqualTo(2.0 / 5);
        assertThat(value(c, "day_surgery_share", h)).isEqualTo(1.0 / 4);
        assertThat(value(c, "surgical_complication_rate", h)).isEqualTo(1.0 / 4);
        assertThat(value(c, "clean_wound_infection_rate", h)).isEqualTo(1.0 / 3);
    }

    @Test
    void severalOperationsWithoutDates_sessionsAreUnknown_andTheIndicatorNamesTheMissingInput() throws IOException {
        HospitalMeasures h = march(MeasureQueryTest.build(tmp, stays())).get("H002");

        assertMeasures(h, m(Measure.OPERATED_STAYS, 1, Measure.COMPLICATION_STAYS, 0));
        assertThat(h.measures()).doesNotContainKeys(Measure.OPERATION_SESSIONS, Measure.GRADE4_SESSIONS,
                Measure.MINIMALLY_INVASIVE_SESSIONS);
        FormulaOutcome o = IndicatorCatalog.standard().indicator("surgery_share").orElseThrow().formula()
                .outcome(h.measures(), Map.of());
        assertThat(o.value()).isEmpty();
        assertThat(o.reason()).contains("proc_dates");
    }

    @Test
    void aComplicationWithoutItsAdmissionCondition_makesTheCountUnknownOnlyOnAnOperatedStay() throws IOException {
        // H003: operated S7 with T81.400 whose 入院病情 is missing → the count is unknown. H004: S8's only procedure
        // 99.2500 is no operation, so its complication with a missing 入院病情 does not matter; operated S9 has none
        List<AbstractRow> rows = List.of(
                op("H003", "S7", "47.0100", "", "3", "2024-03-02", "2", "1")
                        .set(AbstractColumn.SECONDARY_DX, "T81.400").set(AbstractColumn.ADMISSION_CONDITIONS, "1|"),
                op("H004", "S8", "99.2500", "", "4", "2024-03-02", "", "")
                        .set(AbstractColumn.SECONDARY_DX, "T81.400").set(AbstractColumn.ADMISSION_CONDITIONS, "1|"),
                op("H004", "S9", "47.0900", "", "3", "2024-03-03", "2", "1"));

        Map<String, HospitalMeasures> found = march(MeasureQueryTest.build(tmp, rows));

        assertMeasures(found.get("H003"), m(Measure.OPERATED_STAYS, 1, Measure.OPERATION_SESSIONS, 1));
        assertThat(found.get("H003").measures()).doesNotContainKey(Measure.COMPLICATION_STAYS);
        assertMeasures(found.get("H004"), m(Measure.CASES, 2, Measure.OPERATED_STAYS, 1, Measure.OPERATION_SESSIONS, 1,
                Measure.COMPLICATION_STAYS, 0));
    }

    @Test
    void anOfficialGrade4ListInTheDataDirectory_decidesGrade4InsteadOfTheAbstractsLevel() throws IOException {
        Path data = MeasureQueryTest.build(tmp, stays());
        Files.createDirectories(data.resolve("code-lists"));
        Files.writeString(data.resolve("code-lists/grade4.tsv"),
                "# id: grade4\n# name: 四级手术目录（测试）\n# source: 测试用目录\ncode\tname\n47.0100\t腹腔镜下阑尾切除术\n");

        HospitalMeasures h = march(data).get("H001");

        // by the list: sessions with 47.0100 are grade 4 (S1 S2 S4); S3's level-4 47.0901 is not on it; grade 3 is
        // then the sessions whose highest level is 3 and that are not grade 4: none
        assertMeasures(h, m(Measure.OPERATION_SESSIONS, 5, Measure.GRADE4_SESSIONS, 3, Measure.GRADE3_SESSIONS, 0));
    }

    static double value(IndicatorCatalog c, String id, HospitalMeasures h) {
        return c.indicator(id).orElseThrow().formula().evaluate(h.measures()).getAsDouble();
    }
}
