package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSettings;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.fixtures.ValidAbstracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same abstracts in other forms: a GBK-encoded CSV, and Parquet files written by DuckDB. */
final class ImporterFormatsTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path tmp;

    /** The valid rows with a day-surgery case and a department name holding a comma and quotes. */
    private static List<AbstractRow> rows() {
        List<AbstractRow> rows = new ArrayList<>(ValidAbstracts.rows());
        rows.add(AbstractRow.valid("H003", "R007").set(AbstractColumn.DAY_SURGERY, "1")
                .set(AbstractColumn.DEPARTMENT, "日间手术中心").set(AbstractColumn.ATTENDING_PHYSICIAN, "欧阳娜娜")
                .stay("2024-03-05", "2024-03-05", 1));
        return rows;
    }

    private Path csv(String name, Charset charset) throws IOException {
        return Files.writeString(tmp.resolve(name), AbstractRow.file(rows()), charset);
    }

    private static ImportSummary importWith(Path data, Charset charset, Path file) throws IOException {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            return Stores.importer(dir, charset).importFile(file);
        }
    }

    @Test
    void importFile_gbkDeclared_givesTheSameCasesAsUtf8() throws IOException {
        Path utf8 = csv("utf8.csv", StandardCharsets.UTF_8);
        Path gbk = csv("gbk.csv", GBK);
        assertThat(Files.readAllBytes(gbk)).isNotEqualTo(Files.readAllBytes(utf8));

        importWith(tmp.resolve("a"), StandardCharsets.UTF_8, utf8);
        ImportSummary s = importWith(tmp.resolve("b"), GBK, gbk);

        assertThat(List.of(s.read(), s.imported(), s.rejected(), s.warned())).containsExactly(7L, 7L, 0L, 0L);
        assertThat(ImporterQualityTest.casesWithoutPatient(tmp.resolve("b")))
                .isEqualTo(ImporterQualityTest.casesWithoutPatient(tmp.resolve("a")));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("b"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT department, attending_physician FROM cases "
                    + "ORDER BY record_id")).containsExactly("普外科|张明", "心内科|李华", "呼吸内科|张明", "新生儿科|张明",
                    "心内科,\"二病区\"|张明", "泌尿外科|张明", "日间手术中心|欧阳娜娜");
            assertThat(Stores.rows(dir.connection(), "SELECT patient_id FROM cases WHERE record_id = 'R001'"))
                    .containsExactly(ImporterTest.pseudonym(tmp.resolve("b"), "P001"));
        }
    }

    @Test
    void importFile_gbkBadRow_rejectsWithTheValueDecoded() throws IOException {
        Path gbk = Files.writeString(tmp.resolve("gbk.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("医院甲", "R1").set(AbstractColumn.AGE_YEARS, "五十"))), GBK);

        ImportSummary s = importWith(tmp.resolve("data"), GBK, gbk);

        assertThat(s.findingsByRule()).containsExactly(entry("FIELD_FORMAT", 1L));
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT hospital_id, message FROM rejects"))
                    .containsExactly("医院甲|字段格式错误（数值、日期或代码取值无效）：年龄(岁)(age_years) 不是非负整数");
        }
    }

    /** Issue #15 item 8: a GBK file named UTF-8 is refused with a hint, never stored as replacement characters. */
    @Test
    void importFile_gbkNamedUtf8_isRefusedAndWritesNothing() throws IOException {
        Path gbk = csv("gbk.csv", GBK);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importWith(tmp.resolve("data"), StandardCharsets.UTF_8,
                gbk)).isInstanceOf(org.hqd.HqdException.class)
                .hasMessageContaining("gbk.csv：第 1 行起的内容不是 UTF-8 编码的文本：请确认文件的编码，用 --encoding 指明");
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM case_records")).isZero();
        }
    }

    /** Issue #15 item 8: without an encoding, a GBK file is detected and read as GBK. */
    @Test
    void importFile_gbkWithoutEncoding_isDetected() throws IOException {
        Path gbk = csv("gbk.csv", GBK);
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("data"))) {
            ImportSummary s = new Importer(dir, Stores.PACKS, org.hqd.quality.QualityRuleCatalog.standard(),
                    ImportSettings.detecting(2, java.util.Optional.empty())).importFile(gbk);

            assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(7L, 7L, 0L);
            assertThat(s.readAs()).endsWith("CSV GBK（自动识别）");
            assertThat(Stores.rows(dir.connection(), "SELECT department FROM cases WHERE record_id = 'R001'"))
                    .containsExactly("普外科");
        }
    }

    @Test
    void importFile_parquetOfTheCsv_givesTheSameCases() throws IOException, SQLException {
        Path csv = csv("abstracts.csv", StandardCharsets.UTF_8);
        Path parquet = tmp.resolve("abstracts.parquet");
        duckdb("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet
                + "' (FORMAT PARQUET)");

        importWith(tmp.resolve("a"), StandardCharsets.UTF_8, csv);
        ImportSummary s = importWith(tmp.resolve("b"), StandardCharsets.UTF_8, parquet);

        assertThat(s.file()).isEqualTo("abstracts.parquet");
        assertThat(s.kind()).isEqualTo(FileKind.ABSTRACTS);
        assertThat(List.of(s.read(), s.imported(), s.rejected(), s.warned())).containsExactly(7L, 7L, 0L, 0L);
        assertThat(ImporterQualityTest.casesWithoutPatient(tmp.resolve("b")))
                .isEqualTo(ImporterQualityTest.casesWithoutPatient(tmp.resolve("a")));
        assertThat(Files.list(tmp.resolve("b/tmp"))).isEmpty();
    }

    @Test
    void importFile_sameParquetTwice_secondIsAlreadyImported() throws IOException, SQLException {
        Path csv = csv("abstracts.csv", StandardCharsets.UTF_8);
        Path parquet = tmp.resolve("abstracts.parquet");
        duckdb("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet
                + "' (FORMAT PARQUET)");

        List<ImportSummary> s = Stores.importInto(tmp.resolve("data"), parquet, parquet);

        assertThat(s.get(1).alreadyImported()).isTrue();
        assertThat(s.get(1).batchId()).isEqualTo(1);
    }

    @Test
    void importFile_typedParquet_givesTheSameCasesAsTheCsv() throws IOException, SQLException {
        Path csv = csv("abstracts.csv", StandardCharsets.UTF_8);
        Path parquet = tmp.resolve("typed.parquet");
        duckdb("COPY (SELECT * REPLACE (birth_date::DATE AS birth_date, age_years::INTEGER AS age_years, "
                + "age_days::INTEGER AS age_days, birth_weight_g::INTEGER AS birth_weight_g, "
                + "admission_date::DATE AS admission_date, discharge_date::DATE AS discharge_date, "
                + "los_days::INTEGER AS los_days, total_cost::DECIMAL(12, 2) AS total_cost, "
                + "cost_bed::DOUBLE AS cost_bed, cost_other::DOUBLE AS cost_other) "
                + "FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet + "' (FORMAT PARQUET)");

        importWith(tmp.resolve("a"), StandardCharsets.UTF_8, csv);
        ImportSummary s = importWith(tmp.resolve("b"), StandardCharsets.UTF_8, parquet);

        assertThat(List.of(s.read(), s.imported(), s.rejected(), s.warned())).containsExactly(7L, 7L, 0L, 0L);
        assertThat(ImporterQualityTest.casesWithoutPatient(tmp.resolve("b")))
                .isEqualTo(ImporterQualityTest.casesWithoutPatient(tmp.resolve("a")));
    }

    @Test
    void importFile_parquetWithBooleanDaySurgery_keepsTheFlag() throws IOException, SQLException {
        Path csv = csv("abstracts.csv", StandardCharsets.UTF_8);
        Path parquet = tmp.resolve("bool.parquet");
        duckdb("COPY (SELECT * REPLACE (day_surgery = '1' AS day_surgery) FROM read_csv('" + csv
                + "', all_varchar = true)) TO '" + parquet + "' (FORMAT PARQUET)");

        importWith(tmp.resolve("data"), StandardCharsets.UTF_8, parquet);

        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT record_id FROM cases WHERE day_surgery"))
                    .containsExactly("R007");
        }
    }

    @Test
    void importFile_parquetWhileGbkIsDeclared_keepsChineseText() throws IOException, SQLException {
        Path csv = csv("abstracts.csv", StandardCharsets.UTF_8);
        Path parquet = tmp.resolve("abstracts.parquet");
        duckdb("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = true)) TO '" + parquet
                + "' (FORMAT PARQUET)");

        importWith(tmp.resolve("data"), GBK, parquet);

        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT department FROM cases WHERE record_id = 'R001'"))
                    .containsExactly("普外科");
        }
    }

    @Test
    void importFile_sameRowsInAnotherEncoding_areUnchanged() throws IOException {
        Path data = tmp.resolve("data");
        importWith(data, StandardCharsets.UTF_8, csv("utf8.csv", StandardCharsets.UTF_8));

        ImportSummary s = importWith(data, GBK, csv("gbk.csv", GBK));

        assertThat(List.of(s.read(), s.imported(), s.replaced(), s.unchanged())).containsExactly(7L, 0L, 0L, 7L);
    }

    private void duckdb(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
