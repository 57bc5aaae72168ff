package org.hqd.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hqd sql}: read-only SQL over the views, CSV out; no writing, no files outside the database. */
final class SqlQueryTest {
    @TempDir
    Path tmp;

    private Path data;

    @BeforeEach
    void importSmallStore() throws IOException {
        data = tmp.resolve("data");
        Path file = Files.writeString(tmp.resolve("abstracts.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1"),
                AbstractRow.valid("H002", "R2").set(AbstractColumn.DEPARTMENT, "心内科,\"二病区\"")
                        .set(AbstractColumn.PRINCIPAL_DX, "I10.x00").noProcedure(),
                AbstractRow.valid("H002", "R3").set(AbstractColumn.DISCHARGE_METHOD, "0"))));
        Stores.importInto(data, file);
    }

    private String run(String sql) throws IOException {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            StringWriter out = new StringWriter();
            long rows = new SqlQuery(dir).run(sql, out);
            assertThat(out.toString().lines().count()).isEqualTo(rows + 1);
            return out.toString();
        }
    }

    @Test
    void run_select_writesCsvWithHeaderQuotingAndEmptyNulls() throws IOException {
        String csv = run("SELECT hospital_id, record_id, department, mdc, drg, total_cost, cc, los_days AS los "
                + "FROM cases ORDER BY record_id");

        assertThat(csv).isEqualTo("""
                hospital_id,record_id,department,mdc,drg,total_cost,cc,los
                H001,R1,普外科,MDCG,GD25,10000.0,false,5
                H002,R2,"心内科,""二病区\""",,0000,10000.0,false,5
                """);
    }

    @Test
    void run_rejectsAndAggregates_areReadable() throws IOException {
        assertThat(run("SELECT file, line, hospital_id, record_id, rule_id, severity FROM rejects"))
                .isEqualTo("file,line,hospital_id,record_id,rule_id,severity\nabstracts.csv,4,H002,R3,"
                        + "DISCHARGE_METHOD_INVALID,ERROR\n");
        assertThat(run("SELECT count(*) AS n, sum(total_cost) AS cost FROM cases")).isEqualTo("n,cost\n2,20000.0\n");
        assertThat(run("SELECT * FROM hospitals")).isEqualTo(
                "hospital_id,name,province_code,city_code,county_code,tier,type,beds,org_code\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO case_records SELECT * FROM case_records",
        "DELETE FROM case_records",
        "UPDATE case_records SET drg = 'X'",
        "CREATE TABLE x AS SELECT 1",
        "DROP VIEW cases",
        "DELETE FROM settings",
    })
    void run_writingStatement_failsAndChangesNothing(String sql) throws IOException {
        assertThatThrownBy(() -> run(sql))
                .isInstanceOf(StoreException.class)
                .isInstanceOf(HqdException.class)
                .hasMessageStartingWith("数据库操作失败（SQL 查询）：")
                .cause().hasMessageContaining("attached in read-only mode");

        assertThat(run("SELECT count(*) AS n FROM cases")).isEqualTo("n\n2\n");
        assertThat(run("SELECT value FROM settings WHERE key = 'scheme'")).isEqualTo("value\nchs-drg-1.1\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM read_csv('/etc/hostname')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM read_text('%KEY%')",
        "SELECT * FROM glob('/etc/*')",
        "COPY (SELECT * FROM cases) TO '%OUT%'",
        "ATTACH '%OUT%.duckdb' AS other",
        "INSTALL httpfs",
    })
    void run_fileAccess_isRefused(String sql) {
        String statement = sql.replace("%KEY%", data.resolve("pseudonym.key").toString())
                .replace("%OUT%", tmp.resolve("leak.csv").toString());

        assertThatThrownBy(() -> run(statement)).isInstanceOf(StoreException.class)
                .cause().hasMessageContaining("disabled");

        assertThat(tmp.resolve("leak.csv")).doesNotExist();
        assertThat(tmp.resolve("leak.csv.duckdb")).doesNotExist();
    }

    @Test
    void run_badQuery_messageSaysWhatIsWrong() {
        assertThatThrownBy(() -> run("SELECT nope FROM cases")).hasMessageContaining("nope");
        assertThatThrownBy(() -> run("DELETE FROM case_records")).hasMessageContaining("read-only");
        assertThatThrownBy(() -> run("SELECT * FROM read_csv('/etc/hostname')"))
                .hasMessageContaining("disabled by configuration");
    }

    @Test
    void run_reEnablingExternalAccess_isRefused() throws IOException {
        try (DataDirectory dir = DataDirectory.openForReading(data)) {
            SqlQuery q = new SqlQuery(dir);
            assertThatThrownBy(() -> q.run("SET enable_external_access = true", new StringWriter()))
                    .isInstanceOf(StoreException.class)
                    .cause().hasMessageContaining("Cannot enable external access");
            assertThatThrownBy(() -> q.run("SELECT * FROM read_csv('/etc/hostname')", new StringWriter()))
                    .isInstanceOf(StoreException.class);
            StringWriter out = new StringWriter();
            assertThat(q.run("SELECT count(*) AS n FROM cases", out)).isEqualTo(1);
            assertThat(out).hasToString("n\n2\n");
        }
    }
}
