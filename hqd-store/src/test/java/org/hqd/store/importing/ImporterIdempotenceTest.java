package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.fixtures.ValidAbstracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing again: the same content adds nothing; a changed row replaces the stored one, and says so. */
final class ImporterIdempotenceTest {
    @TempDir
    Path tmp;

    /** The six valid rows and R007, imported with a LOS_MISMATCH warning. */
    private static List<AbstractRow> firstVersion() {
        List<AbstractRow> rows = new ArrayList<>(ValidAbstracts.rows());
        rows.add(AbstractRow.valid("H001", "R007").set(AbstractColumn.LOS_DAYS, "8"));
        return rows;
    }

    private Path write(String name, List<AbstractRow> rows) throws IOException {
        return Files.writeString(tmp.resolve(name), AbstractRow.file(rows));
    }

    @Test
    void importFile_sameFileTwice_secondIsAlreadyImportedAndChangesNothing() throws IOException {
        Path data = tmp.resolve("data");
        Path file = write("v1.csv", firstVersion());
        Path copy = Files.copy(file, tmp.resolve("renamed.csv"));

        List<ImportSummary> s = Stores.importInto(data, file, file, copy);

        assertThat(s.get(0).alreadyImported()).isFalse();
        for (ImportSummary again : s.subList(1, 3)) {
            assertThat(again.alreadyImported()).isTrue();
            assertThat(again.batchId()).isEqualTo(1);
            assertThat(List.of(again.read(), again.imported(), again.replaced(), again.unchanged(), again.rejected(),
                    again.warned())).containsExactly(7L, 0L, 0L, 0L, 0L, 0L);
            assertThat(again.findingsByRule()).isEmpty();
            assertThat(again.rejectsFile()).isEmpty();
        }
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM cases")).isEqualTo(7);
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, file FROM import_batches"))
                    .containsExactly("1|v1.csv");
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, record_id, rule_id FROM quality_findings"))
                    .containsExactly("1|R007|LOS_MISMATCH");
        }
    }

    @Test
    void importFile_sameRowsInAnotherOrder_areAllUnchanged() throws IOException {
        Path data = tmp.resolve("data");
        List<AbstractRow> reversed = new ArrayList<>(firstVersion());
        java.util.Collections.reverse(reversed);

        ImportSummary s = Stores.importInto(data, write("v1.csv", firstVersion()), write("v1-reversed.csv", reversed))
                .get(1);

        assertThat(s.alreadyImported()).isFalse();
        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.unchanged(), s.rejected(), s.warned()))
                .containsExactly(7L, 0L, 0L, 7L, 0L, 1L);
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT DISTINCT batch_id FROM case_records"))
                    .containsExactly("1");
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches")).isEqualTo(2);
        }
    }

    @Test
    void importFile_oneRowChangedAndOneNew_replacesOneAddsOneKeepsTheRest() throws IOException {
        Path data = tmp.resolve("data");
        List<AbstractRow> second = firstVersion();
        second.set(2, ValidAbstracts.rows().get(2).total("30000.00"));
        second.add(AbstractRow.valid("H002", "R008").set(AbstractColumn.DEPARTMENT, "骨科"));

        List<ImportSummary> s = Stores.importInto(data, write("v1.csv", firstVersion()), write("v2.csv", second));

        ImportSummary v2 = s.get(1);
        assertThat(v2.batchId()).isEqualTo(2);
        assertThat(List.of(v2.read(), v2.imported(), v2.replaced(), v2.unchanged(), v2.rejected(), v2.warned()))
                .containsExactly(8L, 1L, 1L, 6L, 0L, 1L);
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT record_id, total_cost, cost_other, drg, batch_id "
                    + "FROM case_records ORDER BY record_id")).containsExactly(
                    "R001|10000.0|200.0|GD25|1",
                    "R002|10500.5|700.5|FV25|1",
                    "R003|30000.0|20200.0|ES31|2",
                    "R004|10000.0|200.0|PS45|1",
                    "R005|10000.0|200.0|0000|1",
                    "R006|10000.0|200.0|MZ19|1",
                    "R007|10000.0|200.0|GD25|1",
                    "R008|10000.0|200.0|GD25|2");
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, file, rows_read, rows_imported, rows_replaced,"
                    + " rows_unchanged, rows_rejected, rows_warned FROM import_batches ORDER BY batch_id"))
                    .containsExactly("1|v1.csv|7|7|0|0|0|1", "2|v2.csv|8|1|1|6|0|1");
            // the unchanged R007 is checked again: its finding now points at the latest file
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, file, line, record_id, rule_id "
                    + "FROM quality_findings")).containsExactly("2|v2.csv|8|R007|LOS_MISMATCH");
        }
    }

    @Test
    void importFile_correctedRows_replaceTheOldVersionsAndTheirFindings() throws IOException {
        Path data = tmp.resolve("data");
        List<AbstractRow> first = firstVersion();
        first.add(AbstractRow.valid("H001", "R008").stay("2024-03-09", "2024-03-01", 8));
        List<AbstractRow> corrected = firstVersion();
        corrected.set(6, AbstractRow.valid("H001", "R007"));
        corrected.add(AbstractRow.valid("H001", "R008").stay("2024-03-01", "2024-03-09", 8));

        List<ImportSummary> s = Stores.importInto(data, write("v1.csv", first), write("v2.csv", corrected));

        assertThat(List.of(s.get(0).imported(), s.get(0).rejected(), s.get(0).warned())).containsExactly(7L, 1L, 1L);
        ImportSummary v2 = s.get(1);
        assertThat(List.of(v2.read(), v2.imported(), v2.replaced(), v2.unchanged(), v2.rejected(), v2.warned()))
                .containsExactly(8L, 1L, 1L, 6L, 0L, 0L);
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM quality_findings")).isZero();
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM rejects")).isZero();
            assertThat(Stores.rows(dir.connection(), "SELECT record_id, los_days, quality_flags, discharge_date "
                    + "FROM cases WHERE record_id IN ('R007', 'R008') ORDER BY 1"))
                    .containsExactly("R007|5|NULL|2024-03-06", "R008|8|NULL|2024-03-09");
        }
    }

    @Test
    void importFile_storedRowNowFailing_keepsTheStoredVersionAndListsTheReject() throws IOException {
        Path data = tmp.resolve("data");
        List<AbstractRow> broken = firstVersion();
        broken.set(0, ValidAbstracts.rows().get(0).set(AbstractColumn.DISCHARGE_METHOD, "8"));

        ImportSummary v2 = Stores.importInto(data, write("v1.csv", firstVersion()), write("v2.csv", broken)).get(1);

        assertThat(List.of(v2.read(), v2.imported(), v2.replaced(), v2.unchanged(), v2.rejected()))
                .containsExactly(7L, 0L, 0L, 6L, 1L);
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT discharge_method, batch_id FROM case_records "
                    + "WHERE record_id = 'R001'")).containsExactly("1|1");
            assertThat(Stores.rows(dir.connection(), "SELECT file, line, record_id, rule_id FROM rejects"))
                    .containsExactly("v2.csv|2|R001|DISCHARGE_METHOD_INVALID");
        }
    }
}
