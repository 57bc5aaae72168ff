package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.intake.ImportSummary;
import org.hqd.quality.AbstractQualityChecks;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging files (issue #15, item 10): what an import writes outside the database is its owner's only. */
final class StagingFilesTest {
    @TempDir
    Path tmp;

    @Test
    void run_stagingFilesOfAnImport_areOwnerOnly() throws IOException {
        List<AbstractRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(AbstractRow.valid(i % 2 == 0 ? "H001" : "H002", "R" + i));
        }
        rows.add(AbstractRow.valid("H001", "BAD").set(AbstractColumn.SEX, "3"));
        Path file = Files.writeString(tmp.resolve("a.csv"), AbstractRow.file(rows));
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("data"))) {
            DrgGrouper grouper = DrgGrouper.of(Stores.PACKS.load("chs-drg-1.1"));
            AbstractStaging staging = new AbstractStaging(grouper, new AbstractQualityChecks(
                    QualityRuleCatalog.standard(), grouper::knowsCode), dir.pseudonymizer(),
                    new HospitalBuckets(List.of("H001", "H002")), java.util.function.UnaryOperator.identity(), h -> true, 2);
            Path work = dir.scratch("import");
            AbstractStaging.Staged staged;
            try (InputStream in = Files.newInputStream(file);
                 org.hqd.io.layout.AbstractFile abstracts = org.hqd.io.layout.AbstractFile.open(in, "a.csv",
                         org.hqd.io.layout.AbstractFile.Options.defaults())) {
                staged = staging.run(abstracts, "a.csv", work, work.resolve("findings.csv"));
            }

            assertThat(staged.read()).isEqualTo(51);
            try (Stream<Path> files = Files.list(work)) {
                List<Path> all = files.toList();
                assertThat(all).hasSizeGreaterThanOrEqualTo(2);
                for (Path f : all) {
                    assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                }
            }
            assertThat(Files.getPosixFilePermissions(work)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void importFile_rejectsFile_isOwnerOnly_andTheWorkFolderIsGoneAfterwards() throws IOException {
        Path file = Files.writeString(tmp.resolve("b.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1").set(AbstractColumn.SEX, "3"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(Files.getPosixFilePermissions(s.rejectsFile().orElseThrow()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> left = Files.list(tmp.resolve("data/tmp"))) {
            assertThat(left).isEmpty();
        }
    }
}
