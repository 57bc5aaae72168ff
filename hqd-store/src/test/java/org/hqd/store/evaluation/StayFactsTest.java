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
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.Measure;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-stay facts an import stores for the evaluation ({@link OperationFacts}, {@link ReadmissionFacts}), on stays
 * worked out by hand: those of {@link OperationMeasuresTest} (its table) and a patient whose stays arrive in several
 * imports.
 */
final class StayFactsTest {
    private static final String FACT_COLUMNS = "record_id, undated, sessions, mi, g4, g4_unknown, g3, level_unknown, "
            + "day, day_unknown, elective, route_unknown, clean, wound_unknown, infected, heal_unknown, complication, "
            + "complication_unknown";

    @TempDir
    Path tmp;

    /*
     * By hand, columns as FACT_COLUMNS (no grade-4 list is bundled, so grade 4 is 手术级别 4):
     * S1 one session (both operations 03-02), MI (47.0100), grade 4 (47.0900 level 4), elective (route 2), wounds 2;
     * S2 one session (99.2500 is no operation), MI, highest level 3 → grade 3, route 1, wound 1 healed 丙 → clean and
     *    infected, T81.400 with 入院病情 4 → complication;
     * S3 two sessions (03-10, 03-12), open, the second level 4, both elective and clean, T81.400 present on admission;
     * S4 one session (a single operation needs no date), MI, grade 3, day surgery, elective;
     * S5 no operation: no row; S6 two operations without dates: undated, one (undated) session.
     */
    @Test
    void operationFacts_ofHandMadeStays_asWorkedOutByHand() throws IOException {
        Path data = MeasureQueryTest.build(tmp, OperationMeasuresTest.stays());

        assertThat(facts(data)).containsExactly(
                "S1|false|1|1|1|false|0|false|0|false|1|false|0|false|0|false|false|false",
                "S2|false|1|1|0|false|1|false|0|false|0|false|1|false|1|false|true|false",
                "S3|false|2|0|1|false|0|false|0|false|2|false|2|false|0|false|false|false",
                "S4|false|1|1|0|false|1|false|1|false|1|false|0|false|0|false|false|false",
                "S6|true|1|1|1|false|0|false|0|false|1|false|0|false|0|false|false|false");
    }

    /*
     * Patient PX at H001: B 03-10→03-15 and C 05-01→05-03 (47 days after B) come first: no readmission. A later file
     * brings A 02-20→03-01, an operated stay: B becomes a readmission 9 days after A. A third file replaces A with a
     * medical stay of another patient PY: B is no readmission again and A's operation facts are gone. Importing that
     * file again changes nothing.
     */
    @Test
    void anEarlierStayInALaterImport_makesAStoredStayAReadmission_andItsReplacementUndoesIt() throws IOException {
        Path data = MeasureQueryTest.build(tmp, List.of(
                MeasureQueryTest.medical("H001", "B", "PX").stay("2024-03-10", "2024-03-15", 5),
                MeasureQueryTest.medical("H001", "C", "PX").stay("2024-05-01", "2024-05-03", 2)));
        assertMeasures(march(data), m(Measure.CASES, 1, Measure.READMISSIONS_31D, 0, Measure.OPERATED_STAYS, 0));

        importAbstracts(data, "a2.csv", AbstractRow.valid("H001", "A").set(AbstractColumn.PATIENT_ID, "PX")
                .set(AbstractColumn.PROC_DATES, "2024-02-21").stay("2024-02-20", "2024-03-01", 10));
        // (patient ids are stored as pseudonyms)
        assertThat(rows(data, "SELECT hospital_id, record_id, days FROM readmission_facts"))
                .containsExactly("H001|B|9");
        assertMeasures(march(data), m(Measure.CASES, 2, Measure.READMISSIONS_31D, 1, Measure.OPERATED_STAYS, 1));
        // A: one session, minimally invasive (47.0100), level 3 so grade 3, route 1, wound class unknown (so whether a
        // Ⅰ类 wound's healing is unknown is itself unknown: NULL, which leaves the hospital's flag as it is)
        assertThat(facts(data)).containsExactly("A|false|1|1|0|false|1|false|0|false|0|false|0|true|0|NULL|false|false");

        AbstractRow other = MeasureQueryTest.medical("H001", "A", "PY").stay("2024-02-20", "2024-03-01", 10);
        ImportSummary replaced = importAbstracts(data, "a3.csv", other);
        assertThat(replaced.replaced()).isEqualTo(1);
        assertThat(rows(data, "SELECT record_id FROM readmission_facts")).isEmpty();
        assertThat(facts(data)).isEmpty();
        assertMeasures(march(data), m(Measure.CASES, 2, Measure.READMISSIONS_31D, 0, Measure.OPERATED_STAYS, 0));

        assertThat(importAbstracts(data, "a3.csv", other).alreadyImported()).isTrue();
        assertMeasures(march(data), m(Measure.CASES, 2, Measure.READMISSIONS_31D, 0, Measure.OPERATED_STAYS, 0));
    }

    /*
     * A grade-4 list put in place after the import: the stored facts were made without it. A read-only store derives
     * the facts within the query (S1 S2 S4 with 47.0100 grade 4 by the list: 3) and leaves the stored ones; a writable
     * store rebuilds them with the list (S1 S2 S4 of H001 and S6 of H002 have a grade-4 session) and stamps them.
     */
    @Test
    void aCodeListChangedAfterTheImport_staleFactsAreNeverRead() throws IOException {
        Path data = MeasureQueryTest.build(tmp, OperationMeasuresTest.stays());
        String before = stamp(data);
        Files.createDirectories(data.resolve("code-lists"));
        Files.writeString(data.resolve("code-lists/grade4.tsv"),
                "# id: grade4\n# name: 四级手术目录（测试）\n# source: 测试用目录\ncode\tname\n47.0100\t腹腔镜下阑尾切除术\n");

        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertMeasures(h001(dir), m(Measure.GRADE4_SESSIONS, 3, Measure.GRADE3_SESSIONS, 0));
        }
        assertThat(stamp(data)).isEqualTo(before);
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            assertMeasures(h001(dir), m(Measure.GRADE4_SESSIONS, 3, Measure.GRADE3_SESSIONS, 0));
        }
        assertThat(stamp(data)).isNotEqualTo(before);
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT record_id FROM operation_facts WHERE g4 > 0 ORDER BY 1"))
                    .containsExactly("S1", "S2", "S4", "S6");
        }
    }

    private static HospitalMeasures h001(DataDirectory dir) {
        MeasureQuery q = new MeasureQuery(dir);
        return MeasureQueryTest.byId(q.whole(OperationMeasuresTest.MARCH, q.hospitals(Optional.empty()))).get("H001");
    }

    private static String stamp(Path data) {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            return dir.setting(OperationFacts.STAMP_SETTING).orElseThrow();
        }
    }

    private static List<String> facts(Path data) {
        return rows(data, "SELECT " + FACT_COLUMNS + " FROM operation_facts ORDER BY record_id");
    }

    private static List<String> rows(Path data, String sql) {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            return Stores.rows(dir.connection(), sql);
        }
    }

    private ImportSummary importAbstracts(Path data, String name, AbstractRow... rows) throws IOException {
        Path f = Files.writeString(tmp.resolve(name), AbstractRow.file(List.of(rows)));
        return Stores.importInto(data, f).get(0);
    }

    private static HospitalMeasures march(Path data) {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            MeasureQuery q = new MeasureQuery(dir);
            Map<String, HospitalMeasures> found = MeasureQueryTest.byId(q.whole(EvaluationPeriod.parse("2024-03"),
                    q.hospitals(Optional.empty())));
            return found.get("H001");
        }
    }
}
