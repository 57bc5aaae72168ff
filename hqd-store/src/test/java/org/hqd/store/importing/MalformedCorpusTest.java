package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.hqd.HqdException;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.intake.ImportSummary;
import org.hqd.io.grouping.GroupFileJob;
import org.hqd.io.grouping.GroupingSummary;
import org.hqd.io.grouping.InvalidRow;
import org.hqd.io.table.TableFile;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-file corpus (issue #15, item 1; {@code malformed/corpus.tsv}, written by
 * {@code tools/make-malformed-corpus.py}): every file is read by every reader it may reach — abstracts by the import
 * and by {@code hqd group}, the register by the import, budget files by {@link TableFile} — and either every record
 * is accounted for (read = imported + rejected = the records counted by hand, which are the file's non-blank data
 * lines unless a quoted field spans lines; each rejected line with its rule and reason) or the whole file is
 * refused with nothing written. Abstracts files go into one store, each as its own batch.
 */
final class MalformedCorpusTest {
    private static final String FOLDER = "/org/hqd/store/importing/malformed/";

    @TempDir
    static Path tmp;

    private static DataDirectory dir;
    private static Importer importer;

    /** One line of the corpus manifest. */
    record Entry(String file, String kind, String outcome, long read, long imported, long rejected, long dataLines,
                 List<String> rejects, String note) {
        @Override
        public String toString() {
            return file;
        }

        static Entry of(String line) {
            String[] f = line.split("\t", -1);
            boolean read = f[2].equals("read");
            return new Entry(f[0], f[1], f[2], read ? Long.parseLong(f[3]) : 0, read ? Long.parseLong(f[4]) : 0,
                    read ? Long.parseLong(f[5]) : 0, Long.parseLong(f[6]),
                    f[7].isEmpty() ? List.of() : Arrays.asList(f[7].split(";")), f[8]);
        }

        /** The rejects as {@code line:rule}, without their texts. */
        List<String> lineRules() {
            return rejects.stream().map(r -> r.substring(0, r.indexOf(':', r.indexOf(':') + 1))).toList();
        }
    }

    static Stream<Entry> corpus(String kind) {
        String manifest = new String(bytes("corpus.tsv"), StandardCharsets.UTF_8);
        return manifest.lines().filter(l -> !l.startsWith("#") && !l.startsWith("file\t")).map(Entry::of)
                .filter(e -> e.kind().equals(kind));
    }

    static Stream<Entry> abstractsFiles() {
        return corpus("abstracts");
    }

    static Stream<Entry> registerFiles() {
        return corpus("register");
    }

    static Stream<Entry> budgetFiles() {
        return corpus("budget");
    }

    private static byte[] bytes(String name) {
        try (InputStream in = MalformedCorpusTest.class.getResourceAsStream(FOLDER + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(Entry e) throws IOException {
        Path p = tmp.resolve("in").resolve(e.file());
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes(e.file()));
    }

    @BeforeAll
    static void openStore() {
        dir = DataDirectory.openForWriting(tmp.resolve("data"));
        importer = Stores.importer(dir);
    }

    @AfterAll
    static void closeStore() {
        dir.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("abstractsFiles")
    void importFile_abstracts_accountsForEveryRecordOrRefusesTheFile(Entry e) throws IOException {
        Path in = file(e);
        if (e.outcome().equals("refused")) {
            assertThatThrownBy(() -> importer.importFile(in)).isInstanceOf(HqdException.class)
                    .hasMessageContaining(e.note());
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM import_batches WHERE file = '"
                    + e.file() + "'")).isZero();
            return;
        }
        ImportSummary s = importer.importFile(in);

        assertThat(s.read()).as("records read").isEqualTo(e.read());
        assertThat(s.imported() + s.replaced() + s.unchanged()).as("imported").isEqualTo(e.imported());
        assertThat(s.rejected()).as("rejected").isEqualTo(e.rejected());
        assertThat(s.imported() + s.replaced() + s.unchanged() + s.rejected()).isEqualTo(s.read());
        if (!e.file().startsWith("embedded-newlines")) {
            assertThat(s.read()).as("records = non-blank data lines").isEqualTo(e.dataLines());
        }
        List<String> found = Stores.rows(dir.connection(), "SELECT line || ':' || rule_id || ':' || message FROM "
                + "quality_findings WHERE batch_id = " + s.batchId() + " AND severity = 'ERROR' ORDER BY line, rule_id");
        assertThat(found.stream().map(f -> f.substring(0, f.indexOf(':', f.indexOf(':') + 1))).toList())
                .containsExactlyElementsOf(e.lineRules());
        for (int i = 0; i < e.rejects().size(); i++) {
            String text = e.rejects().get(i).substring(e.lineRules().get(i).length() + 1);
            assertThat(found.get(i)).contains(text);
        }
        if (e.rejected() > 0) {
            assertThat(Files.readAllLines(s.rejectsFile().orElseThrow(), StandardCharsets.UTF_8)).hasSizeGreaterThan(
                    (int) e.rejected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("abstractsFiles")
    void groupFile_abstracts_givesAResultForEveryRecordOrRefusesTheFile(Entry e) throws IOException {
        DrgGrouper grouper = DrgGrouper.of(Stores.PACKS.load("chs-drg-1.1"));
        GroupFileJob job = new GroupFileJob(grouper, new GroupFileJob.Settings(StandardCharsets.UTF_8,
                GroupingOptions.DEFAULT, 2, 1024));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<InvalidRow> invalid = Collections.synchronizedList(new ArrayList<>());
        byte[] in = bytes(e.file());
        if (e.outcome().equals("refused")) {
            assertThatThrownBy(() -> job.run(new ByteArrayInputStream(in), e.file(), out, invalid::add))
                    .isInstanceOf(HqdException.class).hasMessageContaining(e.note());
            return;
        }
        GroupingSummary s = job.run(new ByteArrayInputStream(in), e.file(), out, invalid::add);

        assertThat(s.cases()).isEqualTo(e.read());
        assertThat(out.toString(StandardCharsets.UTF_8).lines().count() - 1).as("result rows").isEqualTo(e.read());
        List<Long> malformed = e.rejects().stream().filter(r -> r.contains(":MALFORMED_LINE:"))
                .map(r -> Long.parseLong(r.substring(0, r.indexOf(':')))).toList();
        assertThat(invalid.stream().map(InvalidRow::line).toList()).containsAll(malformed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registerFiles")
    void importFile_register_accountsForEveryRow(Entry e) throws IOException {
        ImportSummary s = importer.importFile(file(e));

        assertThat(List.of(s.read(), s.imported() + s.replaced() + s.unchanged(), s.rejected()))
                .containsExactly(e.read(), e.imported(), e.rejected());
        assertThat(s.read()).isEqualTo(e.dataLines());
        List<String> found = Stores.rows(dir.connection(), "SELECT line || ':' || rule_id || ':' || message FROM "
                + "quality_findings WHERE batch_id = " + s.batchId() + " ORDER BY line");
        assertThat(found).hasSize(e.rejects().size());
        for (int i = 0; i < found.size(); i++) {
            assertThat(found.get(i)).startsWith(e.lineRules().get(i))
                    .contains(e.rejects().get(i).substring(e.lineRules().get(i).length() + 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("budgetFiles")
    void read_budgetFile_keepsEveryRowWithItsProblem(Entry e) {
        TableFile t = TableFile.read(e.file(), bytes(e.file()), StandardCharsets.UTF_8, BudgetRowCheck.COLUMNS);

        assertThat((long) t.rows().size()).isEqualTo(e.read()).isEqualTo(e.dataLines());
        List<TableFile.Row> bad = t.rows().stream().filter(r -> r.problem().isPresent()).toList();
        assertThat((long) bad.size()).isEqualTo(e.rejected());
        for (int i = 0; i < bad.size(); i++) {
            String expected = e.rejects().get(i);
            assertThat(bad.get(i).line() + "::" + bad.get(i).problem().orElseThrow()).startsWith(e.lineRules().get(i))
                    .contains(expected.substring(expected.lastIndexOf(':') + 1));
        }
    }
}
