package org.hqd.store.query;

import java.util.List;
import org.hqd.quality.QualityLine;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * The data-quality report of a data directory: for each hospital and discharge month, the rows checked and, per
 * quality dimension (完整性, 规范性, 一致性) and per rule, how many rows failed and the pass rate. Rows checked =
 * cases stored + rows rejected. A dimension line ({@code rule_id} = {@code *}) counts rows failing any of its rules.
 */
public final class QualityReport {

    private static final String SQL = """
            WITH abstract_batches AS (SELECT batch_id FROM import_batches WHERE kind = 'ABSTRACTS'),
            checked AS (
                SELECT coalesce(hospital_id, '') AS hospital_id,
                       coalesce(strftime(discharge_date, '%Y-%m'), '') AS period, count(*) AS n
                FROM case_records GROUP BY ALL
                UNION ALL
                SELECT coalesce(hospital_id, ''), coalesce(period, ''), count(DISTINCT (batch_id, file, line))
                FROM quality_findings WHERE severity = 'ERROR' AND batch_id IN (SELECT batch_id FROM abstract_batches)
                GROUP BY ALL),
            totals AS (SELECT hospital_id, period, sum(n) AS rows FROM checked GROUP BY ALL),
            failed AS (
                SELECT coalesce(hospital_id, '') AS hospital_id, coalesce(period, '') AS period, dimension, rule_id,
                       count(DISTINCT (batch_id, file, line)) AS failed
                FROM quality_findings WHERE batch_id IN (SELECT batch_id FROM abstract_batches)
                GROUP BY GROUPING SETS ((1, 2, 3, 4), (1, 2, 3)))
            SELECT t.hospital_id, t.period, t.rows, f.dimension, coalesce(f.rule_id, '*') AS rule_id, f.failed
            FROM totals t JOIN failed f USING (hospital_id, period)
            ORDER BY t.hospital_id, t.period, f.dimension, rule_id
            """;

    private final DataDirectory dir;

    public QualityReport(DataDirectory dir) {
        this.dir = dir;
    }

    public List<QualityLine> lines() {
        return Query.of("生成数据质量报告", SQL).list(dir.connection(), r -> {
            long rows = r.getLong(3);
            long failed = r.getLong(6);
            return new QualityLine(r.getString(1), r.getString(2), rows, r.getString(4), r.getString(5), failed,
                    rows == 0 ? 1.0 : 1.0 - (double) failed / rows);
        });
    }

    /** Rows checked per hospital and period (also those without any finding). */
    public List<QualityLine> totals() {
        String sql = SQL.substring(0, SQL.indexOf("failed AS")).replaceFirst(",\\s*$", "")
                + " SELECT hospital_id, period, rows FROM totals ORDER BY hospital_id, period";
        return Query.of("生成数据质量报告", sql).list(dir.connection(), r -> new QualityLine(r.getString(1),
                r.getString(2), r.getLong(3), "", "", 0, 1.0));
    }
}
