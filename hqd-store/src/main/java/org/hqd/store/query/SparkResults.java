package org.hqd.store.query;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * The results of the Spark job (its Parquet folders) as tables {@code spark_<name>} of the data directory, for
 * {@code hqd sql} and the web application; each load replaces the previous one, all tables in one transaction.
 */
public final class SparkResults {
    /** The folders of a results directory, one table each. */
    public static final List<String> TABLES = List.of("cases", "standards", "metrics_hospital", "evaluation", "rejects");

    private final DataDirectory dir;

    public SparkResults(DataDirectory dir) {
        this.dir = dir;
    }

    /** Loads every table of {@code results}; returns the rows of each table ({@code spark_<name>}), in order. */
    public Map<String, Long> load(Path results) {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement s = dir.connection().createStatement()) {
            dir.connection().setAutoCommit(false);
            for (String t : TABLES) {
                String glob = results.resolve(t).toAbsolutePath() + "/*.parquet";
                s.execute("CREATE OR REPLACE TABLE spark_" + t + " AS SELECT * FROM read_parquet('"
                        + glob.replace("'", "''") + "')");
            }
            dir.connection().commit();
            dir.connection().setAutoCommit(true);
            for (String t : TABLES) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM spark_" + t)) {
                    r.next();
                    rows.put("spark_" + t, r.getLong(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("载入 Spark 结果", e);
        }
    }
}
