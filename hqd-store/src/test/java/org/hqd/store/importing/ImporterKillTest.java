package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.hqd.HqdException;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.BigAbstractFile;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.fixtures.ValidAbstracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed at any moment (another JVM, {@code destroyForcibly}) leaves the store as it was, and the next
 * import succeeds. Importing the big file has two phases that can be seen from outside: staging (reading, checking,
 * grouping: the CSVs under {@code tmp/import-<uuid>/} grow) and the DuckDB merge and commit (they are complete and
 * no longer grow). A calibration import in this JVM tells how many bytes staging writes and how long the merge takes.
 */
final class ImporterKillTest {
    /** Big enough that staging takes many polls of its folder (5 ms each) even on a fast machine. */
    private static final int BIG = 100_000;
    /** The store before the big import: cases | import_batches | rejects. */
    private static final String BEFORE = "6|1|0";
    private static final String AFTER = (6 + BIG - BigAbstractFile.rejected(BIG)) + "|2|" + BigAbstractFile.rejected(BIG);

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS) // a safety net against a hang: each stage waits at most 120 s
    void importFile_processKilledAtSeveralMoments_leavesTheStoreAsItWasAndTheNextImportSucceeds() throws Exception {
        Path data = tmp.resolve("data");
        Stores.importInto(data, Files.writeString(tmp.resolve("small.csv"), AbstractRow.file(ValidAbstracts.rows())));
        Path big = BigAbstractFile.write(tmp.resolve("big.csv"), BIG);
        Calibration calibration = Calibration.of(tmp.resolve("scratch"), big);
        assertThat(state(data)).isEqualTo(BEFORE);

        // 1. half a second after start: the JVM is starting or the directory is being opened
        Child first = Child.start(data, big);
        Thread.sleep(500);
        first.kill();
        assertThat(state(data)).isEqualTo(BEFORE);

        // 2. in the middle of staging (half the bytes written); meanwhile a second process is refused the directory
        Child second = Child.start(data, big);
        second.await(second::opened, "OPENED");
        assertThatThrownBy(() -> DataDirectory.openForWriting(data))
                .isInstanceOf(HqdException.class)
                .hasMessageContaining("数据目录 " + data + " 正被另一个 hqd 进程使用（进程号 " + second.process.pid() + "）")
                .hasMessageContaining("hqd serve").hasMessageNotContaining("lock");
        second.await(() -> second.staged() > calibration.stagedBytes / 2, "half of staging");
        second.kill();
        assertThat(state(data)).isEqualTo(BEFORE);

        // 3. as soon as staging is complete: the merge starts
        Child third = Child.start(data, big);
        third.await(() -> third.staged() == calibration.stagedBytes, "staging complete");
        third.kill();
        assertThat(state(data)).isEqualTo(BEFORE);

        // 4. in the middle of the merge; so late a kill may come after the commit: then the store is wholly after
        // the import, never in between
        Child fourth = Child.start(data, big);
        fourth.await(() -> fourth.staged() == calibration.stagedBytes, "staging complete");
        Thread.sleep(calibration.mergeMillis / 2);
        fourth.kill();
        assertThat(state(data)).isIn(BEFORE, AFTER);
        boolean committed = state(data).equals(AFTER);
        System.out.println("ImporterKillTest: merge takes " + calibration.mergeMillis + " ms; the last kill came "
                + (committed ? "after" : "before") + " the commit");

        // the next import succeeds and brings the whole file
        Child last = Child.start(data, big);
        // a safety net, not a timing: the import of the file takes seconds idle, over a minute at load 15
        assertThat(last.process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.process.exitValue()).as(String.join("\n", last.output)).isZero();
        assertThat(last.output).contains(committed ? "DONE " + BIG + " 0"
                : "DONE " + BIG + " " + (BIG - BigAbstractFile.rejected(BIG)));
        assertThat(state(data)).isEqualTo(AFTER);
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT batch_id, file, rows_read, rows_imported, rows_rejected, "
                    + "rows_warned FROM import_batches ORDER BY 1")).containsExactly("1|small.csv|6|6|0|0",
                    "2|big.csv|" + BIG + "|" + (BIG - BigAbstractFile.rejected(BIG)) + "|"
                            + BigAbstractFile.rejected(BIG) + "|" + BigAbstractFile.warned(BIG));
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM cases WHERE quality_flags = "
                    + "'LOS_MISMATCH'")).isEqualTo(BigAbstractFile.warned(BIG));
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void importFile_afterAKilledImport_leavesNoStagingFilesBehind() throws Exception {
        Path data = tmp.resolve("data");
        Stores.importInto(data, Files.writeString(tmp.resolve("small.csv"), AbstractRow.file(ValidAbstracts.rows())));
        Path big = BigAbstractFile.write(tmp.resolve("big.csv"), BIG);
        Child killed = Child.start(data, big);
        killed.await(() -> killed.staged() > 1_000_000, "staging");
        killed.kill();

        Stores.importInto(data, Files.writeString(tmp.resolve("next.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H009", "R1")))));

        try (Stream<Path> left = Files.list(data.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    /** cases | import_batches | rejects, read in this JVM after the child is gone. */
    private static String state(Path data) {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            return Stores.rows(dir.connection(), "SELECT (SELECT count(*) FROM cases), "
                    + "(SELECT count(*) FROM import_batches), (SELECT count(*) FROM rejects)").get(0);
        }
    }

    /** Bytes in the import work folders under tmp/, except those left by earlier (killed) imports. */
    private static long stagingSize(Path data, List<Path> leftovers) {
        try (Stream<Path> files = Files.walk(data.resolve("tmp"))) {
            return files.filter(f -> Files.isRegularFile(f) && leftovers.stream().noneMatch(f::startsWith)
                    && f.getParent().getFileName().toString().startsWith("import-"))
                    .mapToLong(ImporterKillTest::sizeOf).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // no tmp/ yet, or a file went away while we looked
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** What importing the big file looks like from outside: staged bytes and merge time, measured in this JVM. */
    private record Calibration(long stagedBytes, long mergeMillis) {
        static Calibration of(Path scratch, Path big) throws InterruptedException {
            long[] max = {0, System.nanoTime()};
            Thread watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long now = stagingSize(scratch, List.of());
                    if (now > max[0]) {
                        max[0] = now;
                        max[1] = System.nanoTime();
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watcher.start();
            ImportSummary s = Stores.importInto(scratch, big).get(0);
            long end = System.nanoTime();
            watcher.interrupt();
            watcher.join();
            assertThat(s.imported()).isEqualTo(BIG - BigAbstractFile.rejected(BIG));
            assertThat(max[0]).isGreaterThan(BIG * 100L);
            return new Calibration(max[0], Math.max(200, (end - max[1]) / 1_000_000));
        }
    }

    /** The other JVM running {@link ImportProcess}, with its output collected line by line. */
    private static final class Child {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        private final Path data;
        private final List<Path> leftovers;
        private final long started = System.nanoTime();

        private Child(Process process, Path data, List<Path> leftovers) {
            this.process = process;
            this.data = data;
            this.leftovers = leftovers;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        output.add(line);
                    }
                } catch (IOException e) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path data, Path file) throws IOException {
            List<Path> leftovers;
            try (Stream<Path> s = Files.list(data.resolve("tmp"))) {
                leftovers = s.toList();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new Child(new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    ImportProcess.class.getName(), data.toString(), file.toString()).redirectErrorStream(true).start(),
                    data, leftovers);
        }

        boolean opened() {
            return output.contains("OPENED");
        }

        long staged() {
            return stagingSize(data, leftovers);
        }

        void await(BooleanSupplier condition, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!condition.getAsBoolean()) {
                assertThat(process.isAlive()).as("import process ended before " + what + ":\n"
                        + String.join("\n", output)).isTrue();
                assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        void kill() throws InterruptedException {
            System.out.printf("ImporterKillTest: kill after %d ms, %d bytes staged%n",
                    (System.nanoTime() - started) / 1_000_000, staged());
            process.destroyForcibly();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }
}
