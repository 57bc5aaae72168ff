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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hqd sql}: read-only SQL over the views, CSV out; no writing, no files outside the database. */
final class SqlQueryTest {
    @TempDir
    static Path tmp;

    private static Path data;

    /** One store for every test: each refused statement is checked to have left it as it was. */
    @BeforeAll
    static void importSmallStore() throws IOException {
        data = tmp.resolve("data");
        Path file = Files.writeString(tmp.resolve("abstracts.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "R1"),
                AbstractRow.valid("H002", "R2").set(AbstractColumn.DEPARTMENT, "心内科,\"二病区\"")
                        .set(AbstractColumn.PRINCIPAL_DX, "I10.x00").noProcedure(),
                AbstractRow.valid("H002", "R3").set(AbstractColumn.DISCHARGE_METHOD, "0"))));
        Stores.importInto(data, file);
    }

    private static String run(String sql) throws IOException {
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
        "SET enable_external_access = true",
        "SET threads = 1",
        "RESET threads",
        "PRAGMA table_info('users')",
        "CALL pragma_table_info('users')",
        "CHECKPOINT",
        "DETACH hqd",
        "LOAD json",
        "INSTALL httpfs",
        "EXPORT DATABASE '%OUT%'",
        "COPY (SELECT * FROM cases) TO '%OUT%'",
        "COPY (SELECT * FROM cases) TO '%SCRATCH%'",
        "ATTACH '%OUT%.duckdb' AS other",
        "SELECT 1; COPY (SELECT 1) TO '%OUT%'",
        "SET enable_external_access = true; SELECT 1",
    })
    void run_anythingButASelect_isRefusedBeforeItRunsAndWritesNothing(String sql) throws IOException {
        String statement = sql.replace("%OUT%", tmp.resolve("leak.csv").toString())
                .replace("%SCRATCH%", data.resolve("tmp/leak.csv").toAbsolutePath().toString());

        assertThatThrownBy(() -> run(statement))
                .isInstanceOf(HqdException.class)
                .isNotInstanceOf(StoreException.class)
                .hasMessageStartingWith("hqd sql 只执行一条 SELECT 查询（只读查询）：COPY、EXPORT、SET、PRAGMA");

        assertThat(tmp.resolve("leak.csv")).doesNotExist();
        assertThat(tmp.resolve("leak.csv.duckdb")).doesNotExist();
        assertThat(data.resolve("tmp/leak.csv")).doesNotExist();
        assertThat(run("SELECT count(*) AS n FROM cases")).isEqualTo("n\n2\n");
        assertThat(run("SELECT scheme FROM cases LIMIT 1")).isEqualTo("scheme\nchs-drg-1.1\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1; SELECT 2", "SELECT 1;;SELECT 2;", "FROM cases; FROM rejects"})
    void run_severalSelects_areRefused(String sql) {
        assertThatThrownBy(() -> run(sql)).isInstanceOf(HqdException.class)
                .hasMessageStartingWith("hqd sql 只执行一条 SELECT 查询：这里有 ")
                .hasMessageEndingWith(" 条语句（用分号隔开的多条语句不执行）");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM users",
        "SELECT name, password_hash FROM main.users",
        "SELECT token_hash FROM hqd.main.sessions",
        "SELECT * FROM \"Users\"",
        "TABLE sessions",
        "SELECT (SELECT max(password_hash) FROM users) FROM cases",
        "SELECT record_id FROM cases UNION ALL SELECT password_hash FROM users",
        "WITH users AS (SELECT * FROM users) SELECT * FROM users",
        "WITH u AS (SELECT * FROM users) SELECT * FROM u",
        "SELECT * FROM cases c JOIN sessions s ON s.user_name = c.record_id",
        "SELECT * FROM audit_log",
        "SELECT * FROM settings",
        "DESCRIBE users",
        "SUMMARIZE sessions",
        "SELECT * FROM information_schema.tables",
        "SELECT * FROM pg_catalog.pg_tables",
        "SHOW TABLES",
        "SELECT * FROM duckdb_tables()",
        "SELECT * FROM query('SELECT * FROM users')",
        "SELECT * FROM query_table('users')",
        "SELECT * FROM read_csv('/etc/hostname')",
        "SELECT * FROM read_text('%KEY%')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM '%KEY%'",
    })
    void run_accessTablesFilesAndTableFunctions_areRefused(String sql) {
        String statement = sql.replace("%KEY%", data.resolve("pseudonym.key").toString());

        assertThatThrownBy(() -> run(statement))
                .isInstanceOf(HqdException.class)
                .isNotInstanceOf(StoreException.class)
                .hasMessageStartingWith("hqd sql 只执行一条 SELECT 查询，");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "WITH x AS (SELECT hospital_id FROM cases) SELECT count(*) FROM x",
        "SELECT count(*) FROM main.cases",
        "SELECT count(*) FROM hqd.main.case_records",
        "SELECT count(*) FROM (SELECT * FROM rejects UNION ALL SELECT * FROM rejects)",
        "SELECT count(*) FROM import_batches, budget_items WHERE false",
        "SELECT count(*) FROM (DESCRIBE cases)",
        "SELECT count(*) FROM (VALUES (1), (2)) t(v)",
    })
    void run_selectsOverViewsAndDataTables_run(String sql) throws IOException {
        assertThat(run(sql)).matches("count_star\\(\\)\n\\d+\n");
    }

    @Test
    void run_formulaLikeText_isNeutralisedButNumbersStay() throws IOException {
        assertThat(run("SELECT '=1+2' AS a, '@SUM(A1)' AS b, '-x' AS c, -3.5 AS d, '+86' AS e, '-' AS f"))
                .isEqualTo("a,b,c,d,e,f\n'=1+2,'@SUM(A1),'-x,-3.5,+86,'-\n");
    }

    @Test
    void run_badQuery_messageSaysWhatIsWrong() {
        assertThatThrownBy(() -> run("SELECT nope FROM cases")).hasMessageContaining("nope");
        assertThatThrownBy(() -> run("SELEC 1")).hasMessageStartingWith("SQL 语句有误：").hasMessageContaining("syntax");
        assertThatThrownBy(() -> run("  ")).hasMessage("hqd sql 只执行一条 SELECT 查询：语句是空的");
        assertThatThrownBy(() -> run("SELECT * FROM read_csv('/etc/hostname')")).hasMessageContaining("read_csv()");
        assertThatThrownBy(() -> run("SELECT * FROM users")).hasMessageContaining("'users' 不可查询")
                .hasMessageContaining("cases、department_costs、dip_groups、facility_reports");
    }
}
