package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSettings;
import org.hqd.intake.ImportSummary;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.fixtures.ValidAbstracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a valid abstracts file: every row in the {@code cases} view, grouped, with pseudonymised patients. */
final class ImporterTest {
    @TempDir
    Path tmp;

    private Path write(String name, List<AbstractRow> rows) throws IOException {
        return Files.writeString(tmp.resolve(name), AbstractRow.file(rows));
    }

    @Test
    void importFile_validAbstracts_importsEveryRow() throws IOException {
        Path file = write("abstracts.csv", ValidAbstracts.rows());

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(s.file()).isEqualTo("abstracts.csv");
        assertThat(s.kind()).isEqualTo(FileKind.ABSTRACTS);
        assertThat(s.batchId()).isEqualTo(1);
        assertThat(s.alreadyImported()).isFalse();
        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.unchanged(), s.rejected(), s.warned()))
                .containsExactly(6L, 6L, 0L, 0L, 0L, 0L);
        assertThat(s.findingsByRule()).isEmpty();
        assertThat(s.rejectsFile()).isEmpty();
    }

    @Test
    void importFile_validAbstracts_casesViewHoldsCanonicalColumnsAndGrouping() throws IOException {
        Path data = tmp.resolve("data");
        Stores.importInto(data, write("abstracts.csv", ValidAbstracts.rows()));

        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            // the view: the columns of schema 1, the grouping, rw (v2), the DIP group (v4), the fields of v11
            List<String> all = List.of(AbstractRow.header().split(","));
            int v11 = all.indexOf("admission_conditions");
            List<String> expected = new java.util.ArrayList<>(all.subList(0, v11));
            expected.addAll(List.of("scheme", "status", "mdc", "adrg", "drg", "cc", "mcc", "quality_flags", "rw", "dip_key",
                    "dip_score"));
            expected.addAll(all.subList(v11, all.size()));
            expected.add("mapped_codes");
            expected.add("case_cost");
            assertThat(Stores.columns(dir.connection(), "cases")).containsExactlyElementsOf(expected);

            String p001 = pseudonym(data, "P001");
            assertThat(Stores.rows(dir.connection(), "SELECT * FROM cases WHERE record_id = 'R001'")).containsExactly(
                    "H001|R001|" + p001 + "|1|1989-05-01|34|NULL|NULL|2024-03-01|2024-03-06|5|1|1|普外科|张明|K35.800x001"
                    + "|NULL|47.0100|NULL|3|false|1|10000.0|500.0|100.0|800.0|600.0|1200.0|2500.0|300.0|1500.0|1800.0"
                    + "|0.0|200.0|300.0|0.0|200.0|chs-drg-1.1|GROUPED|MDCG|GD2|GD25|false|false|NULL|NULL|NULL|NULL"
                    + "|NULL".repeat(all.size() - v11 + 2));
            // rw: no standards yet; dip_key, dip_score: no DIP catalogue yet; case_cost: not costed
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, record_id, sex, age_years, age_days, "
                    + "birth_weight_g, los_days, discharge_method, department, principal_dx, secondary_dx, "
                    + "principal_proc, proc_levels, total_cost, cost_other, scheme, status, mdc, adrg, drg, cc, mcc, "
                    + "quality_flags FROM cases ORDER BY record_id")).containsExactly(
                    "H001|R001|1|34|NULL|NULL|5|1|普外科|K35.800x001|NULL|47.0100|3|10000.0|200.0"
                            + "|chs-drg-1.1|GROUPED|MDCG|GD2|GD25|false|false|NULL",
                    "H001|R002|2|68|NULL|NULL|7|1|心内科|I10.x00x002|NULL|NULL|NULL|10500.5|700.5"
                            + "|chs-drg-1.1|GROUPED|MDCF|FV2|FV25|false|false|NULL",
                    "H001|R003|1|72|NULL|NULL|10|5|呼吸内科|J18.900|J96.000|E87.100|NULL|NULL|23456.78|13656.78"
                            + "|chs-drg-1.1|GROUPED|MDCE|ES3|ES31|true|true|NULL",
                    "H002|R004|2|0|3|3200|3|1|新生儿科|P07.300|NULL|NULL|NULL|10000.0|200.0"
                            + "|chs-drg-1.1|GROUPED|MDCP|PS4|PS45|false|false|NULL",
                    "H002|R005|1|60|NULL|NULL|5|1|心内科,\"二病区\"|I10.x00|NULL|NULL|NULL|10000.0|200.0"
                            + "|chs-drg-1.1|UNGROUPABLE|NULL|NULL|0000|false|false|NULL",
                    "H002|R006|1|60|NULL|NULL|4|1|泌尿外科|N40.x00|NULL|NULL|NULL|10000.0|200.0"
                            + "|chs-drg-1.1|GROUPED|MDCM|MZ1|MZ19|false|false|NULL");
            assertThat(dir.setting(Importer.SCHEME_SETTING)).contains("chs-drg-1.1");
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, file, kind, scheme, rows_read, rows_imported, "
                    + "rows_replaced, rows_unchanged, rows_rejected, rows_warned FROM import_batches"))
                    .containsExactly("1|abstracts.csv|ABSTRACTS|chs-drg-1.1|6|6|0|0|0|0");
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM rejects")).isZero();
        }
    }

    @Test
    void importFile_patientIds_arePseudonymisedWithTheDirectoryKey() throws IOException {
        Path data = tmp.resolve("data");
        Stores.importInto(data, write("abstracts.csv", ValidAbstracts.rows()));

        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            List<String> ids = Stores.rows(dir.connection(), "SELECT patient_id FROM cases ORDER BY record_id");
            assertThat(ids).hasSize(6);
            assertThat(ids.subList(0, 5)).allMatch(p -> p.matches("[0-9a-f]{16}"));
            assertThat(ids.get(5)).isEqualTo("NULL");
            assertThat(ids).doesNotContain("P001", "P002", "P004", "P005");
            assertThat(ids.get(0)).isEqualTo(ids.get(2)).isEqualTo(pseudonym(data, "P001"));
            assertThat(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4))).doesNotHaveDuplicates();
            assertThat(ids.get(1)).isEqualTo(pseudonym(data, "P002"));
            assertThat(Stores.number(dir.connection(),
                    "SELECT count(*) FROM cases WHERE patient_id LIKE 'P%' OR patient_id LIKE '%P00%'")).isZero();
        }
    }

    @Test
    void importFile_twoDataDirectories_haveDifferentKeysAndPseudonyms() throws IOException {
        Path file = write("abstracts.csv", ValidAbstracts.rows());
        Stores.importInto(tmp.resolve("a"), file);
        Stores.importInto(tmp.resolve("b"), file);

        assertThat(Files.readString(tmp.resolve("a/pseudonym.key")))
                .isNotEqualTo(Files.readString(tmp.resolve("b/pseudonym.key")));
        assertThat(patientOf(tmp.resolve("a"), "R001")).isNotEqualTo(patientOf(tmp.resolve("b"), "R001"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("a/pseudonym.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void importFile_reopenedDirectory_keepsPseudonymsStable() throws IOException {
        Path data = tmp.resolve("data");
        Stores.importInto(data, write("first.csv", ValidAbstracts.rows()));
        String before = patientOf(data, "R001");
        String key = Files.readString(data.resolve("pseudonym.key"));

        Stores.importInto(data, write("second.csv", List.of(
                AbstractRow.valid("H003", "R900").set(AbstractColumn.PATIENT_ID, "P001"))));

        assertThat(Files.readString(data.resolve("pseudonym.key"))).isEqualTo(key);
        assertThat(patientOf(data, "R900")).isEqualTo(before).isEqualTo(pseudonym(data, "P001"));
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(dir.pseudonymizer().pseudonym("P001")).isEqualTo(before);
        }
    }

    @Test
    void new_otherSchemeThanTheDirectorys_failsWithClearMessage() throws IOException {
        Path data = tmp.resolve("data");
        Stores.importInto(data, write("abstracts.csv", ValidAbstracts.rows()));

        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            assertThatThrownBy(() -> new Importer(dir, Stores.PACKS, QualityRuleCatalog.standard(),
                    new ImportSettings(StandardCharsets.UTF_8, 2, Optional.of("changsha-2023"))))
                    .isInstanceOf(HqdException.class)
                    .hasMessageContaining("分组方案是 chs-drg-1.1")
                    .hasMessageContaining("不能按 changsha-2023 导入");
            assertThat(dir.setting(Importer.SCHEME_SETTING)).contains("chs-drg-1.1");
        }
    }

    @Test
    void importFile_schemeChosenForNewDirectory_isRecordedWithEachCase() throws IOException {
        Path data = tmp.resolve("data");
        Path file = write("abstracts.csv", ValidAbstracts.rows().subList(0, 1));

        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new Importer(dir, Stores.PACKS, QualityRuleCatalog.standard(),
                    new ImportSettings(StandardCharsets.UTF_8, 1, Optional.of("changsha-2023"))).importFile(file);

            assertThat(dir.setting(Importer.SCHEME_SETTING)).contains("changsha-2023");
            assertThat(Stores.rows(dir.connection(), "SELECT scheme, status FROM cases"))
                    .containsExactly("changsha-2023|GROUPED");
            assertThat(Stores.rows(dir.connection(), "SELECT scheme FROM import_batches"))
                    .containsExactly("changsha-2023");
        }
    }

    @Test
    void importFile_unknownScheme_failsBeforeRecordingIt() {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("data"))) {
            assertThatThrownBy(() -> new Importer(dir, Stores.PACKS, QualityRuleCatalog.standard(),
                    new ImportSettings(StandardCharsets.UTF_8, 1, Optional.of("no-such-scheme"))))
                    .isInstanceOf(HqdException.class)
                    .hasMessageContaining("未知的分组方案 'no-such-scheme'");
            assertThat(dir.setting(Importer.SCHEME_SETTING)).isEmpty();
        }
    }

    @Test
    void importFile_manyChunksAndThreads_countsEveryRowOnce() throws IOException {
        List<AbstractRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            rows.add(AbstractRow.valid("H" + (i % 7), String.format("M%06d", i)));
        }
        Path file = write("many.csv", rows);
        assertThat(Files.size(file)).isGreaterThan(2L << 20);

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(12_000L, 12_000L, 0L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT count(*), count(DISTINCT record_id), min(drg), max(drg),"
                    + " sum(total_cost) FROM cases")).containsExactly("12000|12000|GD25|GD25|1.2E8");
        }
    }

    @Test
    void importFile_onlyTheRequiredColumnsInAnotherOrder_importsWithTheRestEmpty() throws IOException {
        Path file = Files.writeString(tmp.resolve("minimal.csv"), """
                total_cost,principal_dx,discharge_method,los_days,discharge_date,admission_date,age_years,sex,record_id,hospital_id,extra
                8000.5,K35.800x001,1,5,2024-03-06,2024-03-01,34,1,R1,H001,ignored
                """);

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected(), s.warned())).containsExactly(1L, 1L, 0L, 0L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, record_id, patient_id, department, "
                    + "total_cost, cost_bed, day_surgery, drg FROM cases"))
                    .containsExactly("H001|R1|NULL|NULL|8000.5|NULL|false|GZ15");
        }
    }

    @Test
    void importFile_badRowsDeepInALargeFile_areNamedByTheirPhysicalLine() throws IOException {
        StringBuilder b = new StringBuilder(AbstractRow.header()).append('\n');
        b.append(AbstractRow.valid("H001", "M0").set(AbstractColumn.DEPARTMENT, "普外科\n\n三病区").csv()).append('\n');
        for (int i = 1; i < 12_000; i++) {
            AbstractRow r = AbstractRow.valid("H001", "M" + i);
            b.append((i == 11_000 ? r.stay("2024-03-09", "2024-03-01", 8) : r).csv()).append('\n');
        }
        b.append(AbstractRow.valid("H001", "M5").csv()).append('\n');
        Path file = Files.writeString(tmp.resolve("large.csv"), b);
        assertThat(Files.size(file)).isGreaterThan(2L << 20);

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(12_001L, 11_999L, 2L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT line, record_id, rule_id, message FROM rejects "
                    + "ORDER BY line")).containsExactly("11004|M11000|DATE_ORDER|出院日期早于入院日期：2024-03-09 → 2024-03-01",
                    "12004|M5|DUPLICATE_RECORD|同一医疗机构的病案号重复：与第 9 行重复");
        }
    }

    private static String patientOf(Path data, String recordId) {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            return Stores.rows(dir.connection(), "SELECT patient_id FROM cases WHERE record_id = '" + recordId + "'")
                    .get(0);
        }
    }

    /** HMAC-SHA-256 of the id with the directory's key, first 8 bytes in hex: computed here, independently. */
    static String pseudonym(Path data, String patientId) {
        try {
            byte[] key = HexFormat.of().parseHex(Files.readString(data.resolve("pseudonym.key")).strip());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
