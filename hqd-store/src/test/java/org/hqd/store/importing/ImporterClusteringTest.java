package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases land in {@code case_records} clustered by hospital: in register order when there is a register (ranges of
 * {@link HospitalBuckets}), sorted by the store when there is none; repeats and re-imports are still reconciled.
 */
final class ImporterClusteringTest {
    /** The register, not in id order. */
    private static final String REGISTER = TableImportTest.REGISTER_HEADER + "\n"
            + "H004,医院四,430000,430100,430102,COUNTY,GENERAL,400\n"
            + "H002,医院二,430000,430100,430102,COUNTY,GENERAL,200\n"
            + "H005,医院五,430000,430100,430102,COUNTY,GENERAL,500\n"
            + "H001,医院一,430000,430100,430102,CITY_TERTIARY,GENERAL,100\n"
            + "H003,医院三,430000,430100,430102,COUNTY,GENERAL,300\n";

    @TempDir
    Path tmp;

    /** A valid row discharged on day 2–9 of March 2024 (by {@code day}), admitted on the 1st. */
    private static AbstractRow row(String hospital, String record, int day) {
        return AbstractRow.valid(hospital, record).stay("2024-03-01", "2024-03-0" + day, day - 1);
    }

    /** {@code perHospital} rows of each hospital, record ids unique across hospitals, shuffled with {@code seed}. */
    private static List<AbstractRow> interleaved(List<String> hospitals, int perHospital, long seed) {
        List<AbstractRow> rows = new ArrayList<>();
        int n = 0;
        for (String h : hospitals) {
            for (int i = 0; i < perHospital; i++, n++) {
                rows.add(row(h, String.format("R%04d", n), 2 + (n * 5) % 8));
            }
        }
        Collections.shuffle(rows, new Random(seed));
        return rows;
    }

    private Path write(String name, List<AbstractRow> rows) throws IOException {
        return Files.writeString(tmp.resolve(name), AbstractRow.file(rows));
    }

    private Path register() throws IOException {
        return Files.writeString(tmp.resolve("hospitals.csv"), REGISTER);
    }

    /** Each hospital's rows of the batch: hospital|rows|first rowid|last rowid, in rowid order. */
    private static List<String> runs(Path data, int batch) {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            return Stores.rows(dir.connection(), "SELECT hospital_id, count(*), min(rowid), max(rowid) "
                    + "FROM case_records WHERE batch_id = " + batch + " GROUP BY 1 ORDER BY 3");
        }
    }

    /** Whether each hospital's rows of the batch are one run of consecutive rows of the batch. */
    private static List<String> contiguity(Path data, int batch) {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            return Stores.rows(dir.connection(), "SELECT hospital_id, count(*), max(pos) - min(pos) + 1 = count(*) "
                    + "FROM (SELECT hospital_id, row_number() OVER (ORDER BY rowid) AS pos FROM case_records "
                    + "WHERE batch_id = " + batch + ") GROUP BY 1 ORDER BY min(pos)");
        }
    }

    @Test
    void importFile_interleavedHospitalsWithRegister_landOneRunPerHospitalInIdOrder() throws IOException {
        Path abstracts = write("abstracts.csv", interleaved(List.of("H003", "H001", "H005", "H002", "H004"), 40, 1));

        List<ImportSummary> s = Stores.importInto(tmp.resolve("data"), register(), abstracts);

        assertThat(List.of(s.get(1).read(), s.get(1).imported(), s.get(1).rejected())).containsExactly(200L, 200L, 0L);
        assertThat(runs(tmp.resolve("data"), 2)).containsExactly(
                "H001|40|0|39", "H002|40|40|79", "H003|40|80|119", "H004|40|120|159", "H005|40|160|199");
    }

    @Test
    void importFile_hospitalNotInRegister_sharesTheRangeOfTheIdBelowIt() throws IOException {
        List<String> hospitals = List.of("H003", "H001", "H005", "H002", "H004", "H002B");
        List<AbstractRow> rows = interleaved(hospitals, 30, 2);
        Path data = tmp.resolve("data");

        ImportSummary s = Stores.importInto(data, register(), write("abstracts.csv", rows)).get(1);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(180L, 180L, 0L);
        // H002B is not registered: it falls in H002's range, and the range is one run in register order
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT CASE WHEN hospital_id LIKE 'H002%' THEN 'H002*' "
                    + "ELSE hospital_id END AS range, count(*), min(rowid), max(rowid) FROM case_records "
                    + "GROUP BY 1 ORDER BY 3")).containsExactly(
                    "H001|30|0|29", "H002*|60|30|89", "H003|30|90|119", "H004|30|120|149", "H005|30|150|179");
            // within the range, lines keep their order in the file (so H002 and H002B are interleaved)
            List<String> inFile = rows.stream().filter(r -> r.get(AbstractColumn.HOSPITAL_ID).startsWith("H002"))
                    .map(r -> r.get(AbstractColumn.HOSPITAL_ID) + "/" + r.get(AbstractColumn.RECORD_ID)).toList();
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id || '/' || record_id FROM case_records "
                    + "WHERE rowid BETWEEN 30 AND 89 ORDER BY rowid")).containsExactlyElementsOf(inFile);
        }
        // ranges, not hospitals, are the unit: a registered hospital sharing its range is not one run
        assertThat(contiguity(data, 2)).containsExactly("H001|30|true", "H002|30|false", "H002B|30|false",
                "H003|30|true", "H004|30|true", "H005|30|true");
    }

    @Test
    void importFile_severalChunksWithRegister_stillOneRunPerHospitalInFileOrder() throws IOException {
        List<AbstractRow> rows = interleaved(List.of("H005", "H004", "H003", "H002", "H001"), 50, 4);
        String wide = "医".repeat(1800); // 5400 bytes a row: the file spans more than one 1 MiB chunk
        rows.forEach(r -> r.set(AbstractColumn.ATTENDING_PHYSICIAN, wide));
        Path file = write("wide.csv", rows);
        assertThat(Files.size(file)).isGreaterThan(1L << 20);
        Path data = tmp.resolve("data");

        ImportSummary s = Stores.importInto(data, register(), file).get(1);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(250L, 250L, 0L);
        assertThat(runs(data, 2)).containsExactly(
                "H001|50|0|49", "H002|50|50|99", "H003|50|100|149", "H004|50|150|199", "H005|50|200|249");
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            for (String h : List.of("H001", "H003", "H005")) {
                List<String> inFile = rows.stream().filter(r -> r.get(AbstractColumn.HOSPITAL_ID).equals(h))
                        .map(r -> r.get(AbstractColumn.RECORD_ID)).toList();
                assertThat(Stores.rows(dir.connection(), "SELECT record_id FROM case_records WHERE hospital_id = '"
                        + h + "' ORDER BY rowid")).as(h).containsExactlyElementsOf(inFile);
            }
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM case_records "
                    + "WHERE attending_physician = '" + wide + "'")).isEqualTo(250);
        }
    }

    @Test
    void importFile_interleavedHospitalsWithoutRegister_areSortedByHospitalThenDischarge() throws IOException {
        List<String> hospitals = List.of("H003", "H001", "H005", "H002", "H004", "H002B");
        Path data = tmp.resolve("data");

        ImportSummary s = Stores.importInto(data, write("abstracts.csv", interleaved(hospitals, 30, 3))).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(180L, 180L, 0L);
        assertThat(runs(data, 1)).containsExactly(
                "H001|30|0|29", "H002|30|30|59", "H002B|30|60|89", "H003|30|90|119", "H004|30|120|149",
                "H005|30|150|179");
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM (SELECT hospital_id, discharge_date, "
                    + "lag(hospital_id) OVER w AS ph, lag(discharge_date) OVER w AS pd FROM case_records "
                    + "WINDOW w AS (ORDER BY rowid)) WHERE ph = hospital_id AND pd > discharge_date")).isZero();
        }
    }

    /** The interleaved rows of three hospitals and, at line 42, a repeat of line 12's key with another total. */
    private static List<AbstractRow> withRepeat() {
        List<AbstractRow> rows = interleaved(List.of("H001", "H002", "H003"), 20, 5);
        AbstractRow first = rows.get(10);
        String h = first.get(AbstractColumn.HOSPITAL_ID);
        String r = first.get(AbstractColumn.RECORD_ID);
        rows.add(40, row(h, r, 9).total("12345.67"));
        return rows;
    }

    private void assertRepeatRejected(Path data, List<AbstractRow> rows, ImportSummary s, int batch) {
        String h = rows.get(10).get(AbstractColumn.HOSPITAL_ID);
        String r = rows.get(10).get(AbstractColumn.RECORD_ID);
        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.unchanged(), s.rejected(), s.warned()))
                .containsExactly(61L, 60L, 0L, 0L, 1L, 0L);
        assertThat(s.findingsByRule()).isEqualTo(Map.of("DUPLICATE_RECORD", 1L));
        assertThat(s.rejectsFile()).isPresent();
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, file, line, hospital_id, record_id, rule_id, "
                    + "severity, message FROM quality_findings")).containsExactly(batch + "|dups.csv|42|" + h + "|" + r
                    + "|DUPLICATE_RECORD|ERROR|同一医疗机构的病案号重复：与第 12 行重复");
            assertThat(Stores.rows(dir.connection(), "SELECT line, hospital_id, record_id, rule_id FROM rejects"))
                    .containsExactly("42|" + h + "|" + r + "|DUPLICATE_RECORD");
            assertThat(Stores.rows(dir.connection(), "SELECT line, total_cost, discharge_date FROM case_records "
                    + "WHERE hospital_id = '" + h + "' AND record_id = '" + r + "'"))
                    .containsExactly("12|10000.0|" + rows.get(10).get(AbstractColumn.DISCHARGE_DATE));
            assertThat(Stores.rows(dir.connection(), "SELECT count(*), count(DISTINCT (hospital_id, record_id)), "
                    + "sum(total_cost) FROM case_records")).containsExactly("60|60|600000.0");
            assertThat(Stores.rows(dir.connection(), "SELECT rows_read, rows_imported, rows_rejected "
                    + "FROM import_batches WHERE batch_id = " + batch)).containsExactly("61|60|1");
        }
        assertThat(runs(data, batch)).containsExactly("H001|20|0|19", "H002|20|20|39", "H003|20|40|59");
    }

    @Test
    void importFile_repeatedKeyIntoAnEmptyStoreWithoutRegister_isRejectedAndTheFirstLineKept() throws IOException {
        List<AbstractRow> rows = withRepeat();
        Path data = tmp.resolve("data");

        ImportSummary s = Stores.importInto(data, write("dups.csv", rows)).get(0);

        assertRepeatRejected(data, rows, s, 1);
    }

    @Test
    void importFile_repeatedKeyIntoAnEmptyStoreWithRegister_isRejectedAndTheFirstLineKept() throws IOException {
        List<AbstractRow> rows = withRepeat();
        Path data = tmp.resolve("data");

        ImportSummary s = Stores.importInto(data, register(), write("dups.csv", rows)).get(1);

        assertRepeatRejected(data, rows, s, 2);
    }

    /**
     * Imports 50 rows of five hospitals, then 80: the 50 again (every fifth record with another total) and 30 new,
     * all shuffled. Returns the second summary.
     */
    private ImportSummary importTwice(Path data, boolean withRegister) throws IOException {
        List<String> hospitals = List.of("H001", "H002", "H003", "H004", "H005");
        List<AbstractRow> first = interleaved(hospitals, 10, 6);
        List<AbstractRow> second = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            AbstractRow r = row(hospitals.get(n / 10), String.format("R%04d", n), 2 + (n * 5) % 8);
            second.add(n % 5 == 0 ? r.total("12000.00") : r);
        }
        for (int n = 50; n < 80; n++) {
            second.add(row(hospitals.get(n % 5), String.format("R%04d", n), 2 + n % 8));
        }
        Collections.shuffle(second, new Random(7));
        List<Path> files = new ArrayList<>();
        if (withRegister) {
            files.add(register());
        }
        files.add(write("v1.csv", first));
        files.add(write("v2.csv", second));
        List<ImportSummary> s = Stores.importInto(data, files.toArray(Path[]::new));
        ImportSummary v1 = s.get(files.size() - 2);
        assertThat(List.of(v1.read(), v1.imported(), v1.replaced(), v1.unchanged())).containsExactly(50L, 50L, 0L, 0L);
        return s.get(files.size() - 1);
    }

    private static void assertSecondImport(Path data, ImportSummary v2, int batch) {
        assertThat(v2.alreadyImported()).isFalse();
        assertThat(v2.batchId()).isEqualTo(batch);
        assertThat(List.of(v2.read(), v2.imported(), v2.replaced(), v2.unchanged(), v2.rejected(), v2.warned()))
                .containsExactly(80L, 30L, 10L, 40L, 0L, 0L);
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, count(*), count(*) FILTER (total_cost = 12000), "
                    + "min(record_id), max(record_id) FROM case_records GROUP BY 1 ORDER BY 1")).containsExactly(
                    (batch - 1) + "|40|0|R0001|R0049", batch + "|40|10|R0000|R0079");
            assertThat(Stores.rows(dir.connection(), "SELECT string_agg(record_id, ' ' ORDER BY record_id) "
                    + "FROM case_records WHERE total_cost = 12000")).containsExactly(
                    "R0000 R0005 R0010 R0015 R0020 R0025 R0030 R0035 R0040 R0045");
            assertThat(Stores.number(dir.connection(), "SELECT count(DISTINCT (hospital_id, record_id)) "
                    + "FROM case_records")).isEqualTo(80);
            assertThat(Stores.rows(dir.connection(), "SELECT rows_read, rows_imported, rows_replaced, rows_unchanged "
                    + "FROM import_batches WHERE batch_id = " + batch)).containsExactly("80|30|10|40");
        }
        // the batch's own rows (the new and the replacing ones) are clustered too: 2 replaced + 6 new a hospital
        assertThat(contiguity(data, batch)).containsExactly(
                "H001|8|true", "H002|8|true", "H003|8|true", "H004|8|true", "H005|8|true");
    }

    @ParameterizedTest(name = "register imported: {0}")
    @ValueSource(booleans = {true, false})
    void importFile_againWithChangedUnchangedAndNewRows_countsEachAndStaysClustered(boolean register)
            throws IOException {
        Path data = tmp.resolve("data");

        ImportSummary v2 = importTwice(data, register);

        assertSecondImport(data, v2, register ? 3 : 2);
        assertThat(contiguity(data, register ? 2 : 1)).containsExactly(
                "H001|8|true", "H002|8|true", "H003|8|true", "H004|8|true", "H005|8|true");
    }
}
