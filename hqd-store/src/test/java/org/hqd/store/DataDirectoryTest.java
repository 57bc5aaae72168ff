package org.hqd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hqd.HqdException;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void openForWriting_newDirectory_appliesTheSchemaOnce() {
        Path data = tmp.resolve("a/b/data");
        String appliedAt;
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            assertThat(data.resolve("hqd.duckdb")).isRegularFile();
            assertThat(Stores.rows(dir.connection(), "SELECT version, name FROM schema_version ORDER BY version"))
                    .containsExactly("1|V1__schema.sql", "2|V2__standards.sql", "3|V3__dip.sql", "4|V4__case_dip.sql",
                            "5|V5__target_sets.sql", "6|V6__access.sql", "7|V7__ledger.sql", "8|V8__budget.sql", "9|V9__accounts.sql",
                            "11|V11__national_layouts.sql", "14|V14__payment.sql", "15|V15__costing.sql",
                            "16|V16__annual_reports.sql", "17|V17__stay_facts.sql");
            appliedAt = Stores.rows(dir.connection(), "SELECT max(applied_at) FROM schema_version").get(0);
            assertThat(Stores.rows(dir.connection(), "SELECT table_name, table_type FROM information_schema.tables "
                    + "ORDER BY table_name")).containsExactly("annual_report_rows|BASE TABLE", "annual_reports|VIEW",
                    "audit_log|BASE TABLE", "budget_actuals|BASE TABLE", "budget_departments|BASE TABLE",
                    "budget_events|BASE TABLE", "budget_imports|BASE TABLE", "budget_items|BASE TABLE", "budget_lines|BASE TABLE",
                    "budget_rejects|BASE TABLE", "budget_target_values|BASE TABLE", "budget_targets|BASE TABLE",
                    "budget_versions|BASE TABLE", "case_costs|BASE TABLE", "case_records|BASE TABLE", "cases|VIEW",
                    "costing_classes|BASE TABLE", "costing_drivers|BASE TABLE", "costing_item_costs|BASE TABLE",
                    "costing_loads|BASE TABLE", "costing_ratios|BASE TABLE", "costing_rule_sets|BASE TABLE",
                    "costing_runs|BASE TABLE", "costing_steps|BASE TABLE", "costing_transfers|BASE TABLE",
                    "costing_unit_items|BASE TABLE", "costing_units|BASE TABLE", "department_costs|VIEW",
                    "dip_auxiliary|BASE TABLE", "dip_case_adjustments|BASE TABLE",
                    "dip_catalogue|BASE TABLE", "dip_groups|VIEW", "dip_versions|BASE TABLE", "drg_standards|BASE TABLE", "facility_report_rows|BASE TABLE", "facility_reports|VIEW",
                    "finance_months|VIEW",
                    "hospital_register|BASE TABLE", "hospitals|VIEW", "import_batches|BASE TABLE", "ledger_notes|BASE TABLE",
                    "ledger_plans|BASE TABLE", "ledger_targets|BASE TABLE", "ledger_tasks|BASE TABLE",
                    "operation_facts|BASE TABLE",
                    "payment_clearing_lines|BASE TABLE", "payment_clearings|BASE TABLE", "payment_reviews|BASE TABLE",
                    "payment_rule_versions|BASE TABLE", "payment_weight_versions|BASE TABLE", "payment_weights|BASE TABLE",
                    "quality_findings|BASE TABLE", "readmission_facts|BASE TABLE", "rejects|VIEW", "schema_version|BASE TABLE", "sessions|BASE TABLE", "settings|BASE TABLE",
                    "standards|VIEW", "target_sets|BASE TABLE", "users|BASE TABLE", "weight_versions|BASE TABLE");
            dir.putSetting("marker", "kept");
        }

        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            assertThat(Stores.rows(dir.connection(), "SELECT count(*), max(applied_at) FROM schema_version"))
                    .containsExactly("14|" + appliedAt);
            assertThat(dir.setting("marker")).contains("kept");
        }
    }

    @Test
    void openForReading_emptyFolder_failsTellingToImportFirst() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThatThrownBy(() -> DataDirectory.openForReading(empty))
                .isInstanceOf(HqdException.class)
                .hasMessage("数据目录 " + empty + " 中没有数据库；先用 hqd import --data " + empty + " 导入数据");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void openForReading_missingFolder_failsTellingToImportFirst() {
        Path missing = tmp.resolve("missing");

        assertThatThrownBy(() -> DataDirectory.openForReading(missing))
                .isInstanceOf(HqdException.class)
                .hasMessageContaining("先用 hqd import --data " + missing + " 导入数据");
        assertThat(missing).doesNotExist();
    }

    @Test
    void openForWriting_pathIsAFile_failsNamingIt() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        assertThatThrownBy(() -> DataDirectory.openForWriting(file))
                .isInstanceOf(HqdException.class)
                .hasMessageStartingWith("无法创建数据目录 " + file);
    }

    @Test
    void openForReading_twoReaders_shareTheDirectory() {
        Path data = tmp.resolve("data");
        DataDirectory.openForWriting(data).close();

        try (DataDirectory one = DataDirectory.openForReading(data);
             DataDirectory two = DataDirectory.openForReading(data)) {
            assertThat(Stores.number(one.connection(), "SELECT count(*) FROM cases")).isZero();
            assertThat(Stores.number(two.connection(), "SELECT count(*) FROM schema_version")).isEqualTo(14);
        }
    }

    @Test
    void putSetting_readOnly_isRefused() {
        Path data = tmp.resolve("data");
        DataDirectory.openForWriting(data).close();

        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThatThrownBy(() -> dir.putSetting("scheme", "x"))
                    .isInstanceOf(HqdException.class)
                    .hasMessage("数据目录以只读方式打开");
            assertThatThrownBy(dir::pseudonymizer).isInstanceOf(HqdException.class).hasMessage("数据目录以只读方式打开");
            assertThat(data.resolve("pseudonym.key")).doesNotExist();
        }
    }

    @Test
    void putSetting_twice_keepsTheLastValue() {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("data"))) {
            assertThat(dir.setting("scheme")).isEmpty();
            dir.putSetting("scheme", "a");
            dir.putSetting("scheme", "b");

            assertThat(dir.setting("scheme")).contains("b");
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM settings")).isEqualTo(1);
        }
    }

    @Test
    void pseudonymizer_firstUse_createsAnOwnerOnlyKeyOnce() throws IOException {
        Path data = tmp.resolve("data");
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            String first = dir.pseudonymizer().pseudonym("P001");
            String key = Files.readString(data.resolve("pseudonym.key"));

            assertThat(key).matches("[0-9a-f]{64}");
            assertThat(Files.getPosixFilePermissions(data.resolve("pseudonym.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(dir.pseudonymizer().pseudonym("P001")).isEqualTo(first);
            assertThat(Files.readString(data.resolve("pseudonym.key"))).isEqualTo(key);
        }
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            assertThat(dir.pseudonymizer().pseudonym("P001")).hasSize(16);
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void openForWriting_newDirectory_isOwnerOnly_asAreItsScratchAndRejectsFolders() throws IOException {
        Path data = tmp.resolve("new/data");
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            Path work = dir.scratch("import");
            Path staged = work.resolve("cases-000.csv");
            try (var out = OwnerOnly.newFile(staged)) {
                out.write('x');
            }

            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(dir.folder("rejects")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(data.resolve("tmp")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(work.getParent()).isEqualTo(data.resolve("tmp"));
            assertThat(work.getFileName().toString()).startsWith("import-" + ProcessHandle.current().pid() + "-");
            assertThat(Files.getPosixFilePermissions(work)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(staged)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void openForWriting_existingDirectory_keepsItsPermissions() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));

        DataDirectory.openForWriting(data).close();

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
    }

    @Test
    void open_removesTheWorkOfKilledProcesses_keepsItsOwnAndThatOfRunningOnes() throws Exception {
        Path data = tmp.resolve("data");
        DataDirectory.openForWriting(data).close();
        Path scratch = data.resolve("tmp");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Path killed = stagedWork(scratch.resolve("import-" + gone.pid() + "-a"));
            Path older = stagedWork(scratch.resolve("import-0a8f6c1e-4b1d-4c7e-9d0a-7f3e2b1c5d6e"));
            Path mine = stagedWork(scratch.resolve("import-" + ProcessHandle.current().pid() + "-b"));
            Path alive = stagedWork(scratch.resolve("import-" + running.pid() + "-c"));
            Path database = Files.writeString(scratch.resolve("duckdb_temp_storage-0.tmp"), "spilled");

            DataDirectory.openForWriting(data).close();

            assertThat(killed).doesNotExist();
            assertThat(older).doesNotExist();
            assertThat(mine).isDirectory();
            assertThat(alive).isDirectory();
            assertThat(database).isRegularFile();

            Path killedAgain = stagedWork(scratch.resolve("import-" + gone.pid() + "-d"));
            DataDirectory.openForReading(data).close();
            assertThat(killedAgain).doesNotExist();
        } finally {
            running.destroy();
        }
    }

    private static Path stagedWork(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("cases-000.csv"), "H001,R1\n");
        return folder;
    }

    @Test
    void execute_badStatement_failsWithStoreExceptionNamingIt() {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("data"))) {
            String sql = "INSERT INTO no_such_table SELECT 1 -- a comment long enough to be cut after eighty chars";

            assertThatThrownBy(() -> dir.execute(sql))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("数据库操作失败（" + sql.substring(0, 80) + "…）：");
        }
    }

    @Test
    void folder_missing_isCreatedUnderTheDirectory() {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("data"))) {
            assertThat(dir.folder("rejects")).isEqualTo(tmp.resolve("data/rejects")).isDirectory();
            assertThat(dir.path()).isEqualTo(tmp.resolve("data"));
        }
    }
}
