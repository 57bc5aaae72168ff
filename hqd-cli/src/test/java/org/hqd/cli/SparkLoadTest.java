package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hqd spark load}: a results folder as the Spark job writes it (a folder of Parquet parts per table, written
 * here with DuckDB) becomes tables of a data directory that {@code hqd sql} reads.
 */
final class SparkLoadTest {
    @TempDir
    Path tmp;

    @Test
    void theResultTablesAreLoaded_andAFolderThatIsNotOneIsRefused() throws Exception {
        Path results = tmp.resolve("out");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String[][] tables = {
                {"cases", "SELECT 'R1' AS record_id, 'H1' AS hospital_id, 'GROUPED' AS status, 'MDCG' AS mdc, 'GD2' AS adrg, 'GD23' AS drg, 1.25 AS rw"},
                {"standards", "SELECT 'GD23' AS drg, 1.25 AS rw"},
                {"metrics_hospital", "SELECT 'H1' AS unit, 1 AS cases, 1.25::DOUBLE AS cmi UNION ALL SELECT 'H2', 3, 0.9::DOUBLE"},
                {"evaluation", "SELECT 'H1' AS hospital_id, 'cmi' AS indicator, 1.25 AS value"},
                {"rejects", "SELECT 'H1' AS hospital_id, 'R9' AS record_id, 'PRINCIPAL_DX_MISSING' AS rejected_rules"}};
            for (String[] t : tables) {
                Files.createDirectories(results.resolve(t[0]));
                s.execute("COPY (" + t[1] + ") TO '" + results.resolve(t[0]).resolve("part-00000.parquet") + "' (FORMAT PARQUET)");
            }
        }
        Path data = tmp.resolve("data");
        CliRun load = CliRun.of("spark", "load", "--data", data.toString(), "--results", results.toString());
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).contains("spark_metrics_hospital", "2 行", "spark_rejects");
        CliRun sql = CliRun.of("sql", "--data", data.toString(), "SELECT unit, cmi FROM spark_metrics_hospital ORDER BY unit");
        assertThat(sql.out().lines().toList()).containsExactly("unit,cmi", "H1,1.25", "H2,0.9");
        Files.createDirectories(tmp.resolve("not-results"));
        CliRun bad = CliRun.of("spark", "load", "--data", data.toString(), "--results", tmp.resolve("not-results").toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("不是 Spark 作业的结果目录：缺少 cases/");
    }
}
