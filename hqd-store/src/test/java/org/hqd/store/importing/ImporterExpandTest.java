package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hqd.HqdException;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.fixtures.ValidAbstracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths on the command line: a directory stands for its CSV and Parquet files, each imported by its kind. */
final class ImporterExpandTest {
    @TempDir
    Path tmp;

    @Test
    void expand_directory_listsItsCsvAndParquetFilesInNameOrder() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String name : List.of("b.csv", "a.PARQUET", "c.CSV", "notes.txt", "batch-1-x.rejects.csv",
                "old.invalid.csv")) {
            Files.writeString(in.resolve(name), "x\n");
        }
        Files.createDirectories(in.resolve("sub.csv"));
        Path single = Files.writeString(tmp.resolve("single.txt"), "x\n");

        assertThat(Importer.expand(List.of(in, single)))
                .containsExactly(in.resolve("a.PARQUET"), in.resolve("b.csv"), in.resolve("c.CSV"), single);
    }

    @Test
    void expand_missingPath_failsNamingIt() {
        Path missing = tmp.resolve("nowhere.csv");

        assertThatThrownBy(() -> Importer.expand(List.of(missing)))
                .isInstanceOf(HqdException.class)
                .hasMessage("文件不存在：" + missing);
    }

    @Test
    void importFile_directoryWithAllThreeKinds_importsEachByItsColumns() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("1-abstracts.csv"), AbstractRow.file(ValidAbstracts.rows()));
        Files.writeString(in.resolve("2-register.csv"), TableImportTest.REGISTER);
        Files.writeString(in.resolve("3-reports.csv"), TableImportTest.REPORTS);

        List<ImportSummary> s = Stores.importInto(tmp.resolve("data"), Importer.expand(List.of(in))
                .toArray(Path[]::new));

        assertThat(s).extracting(ImportSummary::kind)
                .containsExactly(FileKind.ABSTRACTS, FileKind.HOSPITALS, FileKind.FACILITY_REPORTS);
        assertThat(s).extracting(ImportSummary::imported).containsExactly(6L, 3L, 2L);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, file, kind FROM import_batches ORDER BY 1"))
                    .containsExactly("1|1-abstracts.csv|ABSTRACTS", "2|2-register.csv|HOSPITALS",
                            "3|3-reports.csv|FACILITY_REPORTS");
            assertThat(Stores.rows(dir.connection(), "SELECT (SELECT count(*) FROM cases), "
                    + "(SELECT count(*) FROM hospitals), (SELECT count(*) FROM facility_reports)"))
                    .containsExactly("6|3|2");
        }
    }

    @Test
    void importFile_unrecognisedColumns_failsWithClearMessageAndChangesNothing() throws IOException {
        Path odd = Files.writeString(tmp.resolve("odd.csv"), "病案号,诊断\nR1,K35.800x001\n");
        Path data = tmp.resolve("data");

        assertThatThrownBy(() -> Stores.importInto(data, odd))
                .isInstanceOf(HqdException.class)
                .hasMessage(odd + "：无法识别文件格式（表头不是任何已知格式）。最接近的是 hqms-chinese（住院病案首页（中文列名）），"
                        + "缺少列 主要诊断编码、出院时间；hqd layouts 列出已知格式，hqd layouts check 查看文件各列，--layout 可指定格式");
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches")).isZero();
        }
        assertThat(Files.list(data.resolve("tmp"))).isEmpty();
    }

    @Test
    void importFile_emptyFile_failsSayingItHasNoHeader() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");

        assertThatThrownBy(() -> Stores.importInto(tmp.resolve("data"), empty))
                .isInstanceOf(HqdException.class)
                .hasMessage(empty + "：文件为空，没有表头");
    }

    @Test
    void importFile_headerOnly_importsNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("header.csv"), AbstractRow.header() + "\n");

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(List.of(s.read(), s.imported(), s.rejected())).containsExactly(0L, 0L, 0L);
    }
}
