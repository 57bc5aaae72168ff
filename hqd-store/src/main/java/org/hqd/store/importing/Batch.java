package org.hqd.store.importing;

import java.io.BufferedOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.hqd.io.csv.CsvCells;
import org.hqd.quality.QualityRule;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.OwnerOnly;
import org.hqd.store.StoreException;
import org.hqd.store.Transaction;
import org.hqd.store.evaluation.OperationFacts;
import org.hqd.store.evaluation.ReadmissionFacts;

/**
 * The database half of an import: merges staged CSVs into the store in one transaction, so a batch is either
 * wholly in or wholly out, and records it in {@code import_batches}.
 */
final class Batch {
    private final DataDirectory dir;
    private final QualityRuleCatalog rules;

    Batch(DataDirectory dir, QualityRuleCatalog rules) {
        this.dir = dir;
        this.rules = rules;
    }

    /** How the batch's accepted rows relate to each other and to the store. */
    private record Reconciled(long duplicates, long unchanged, long replaced, long kept) { }

    /**
     * Merges a staged abstracts file.
     *
     * @param clustered whether the staged case files are already in hospital order (ranges of the register);
     *                  otherwise a batch of more than one hospital is sorted by hospital on the way in
     */
    BatchCounts mergeAbstracts(String file, AbstractStaging.Staged result, Path findings, String scheme,
                               boolean clustered) {
        return Transaction.run(dir.connection(), "导入 " + file, c -> {
            try (Statement s = c.createStatement()) {
                int batch = nextBatchId(s);
                s.execute("CREATE OR REPLACE TEMP TABLE stage_findings AS SELECT * FROM "
                        + StagingTables.reader(findings, StagingTables.FINDING_COLUMNS));
                long all = result.read() - result.rejected();
                // into an empty store, rows staging proved free of repeats need no reconciling at all
                boolean fresh = !result.repeatPossible()
                        && count(s, "SELECT (SELECT count(*) FROM (SELECT 1 FROM case_records LIMIT 1)) "
                        + "+ (SELECT count(*) FROM (SELECT 1 FROM quality_findings LIMIT 1))") == 0;
                String cases = StagingTables.reader(result.caseFiles(), StagingTables.CASE_COLUMNS);
                Reconciled r = fresh ? new Reconciled(0, 0, 0, all) : reconcile(s, file, cases);
                boolean sort = !clustered && !result.oneHospital();
                // by name: the table's columns are in the order the migrations added them; dip_key and
                // dip_version stay empty until the case is assigned to a DIP group; stored clustered by hospital
                // (by range of the register): the zone maps then let a one-hospital query skip the rest
                s.execute("INSERT INTO case_records BY NAME SELECT *, " + batch + " AS batch_id FROM " + cases
                        + (r.kept() == all ? "" : " WHERE line IN (SELECT line FROM stage)")
                        + (sort ? " ORDER BY hospital_id, discharge_date" : ""));
                s.execute("INSERT INTO quality_findings SELECT " + batch + ", file, line, hospital_id, record_id, "
                        + "period, rule_id, dimension, severity, message FROM stage_findings");
                // the derived facts of the evaluation follow the cases in the same transaction
                OperationFacts.afterImport(c, dir, batch);
                ReadmissionFacts.afterImport(c, batch, fresh, "stage_old_patients");
                s.execute("DROP TABLE IF EXISTS stage_old_patients");
                long added = r.kept() - r.replaced();
                recordBatch(c, batch, file, "ABSTRACTS", result.contentHash(), scheme, result.read(), added,
                        r.replaced(), r.unchanged(), result.rejected() + r.duplicates(), result.warned());
                s.execute("DROP TABLE IF EXISTS stage");
                s.execute("DROP TABLE stage_findings");
                return new BatchCounts(batch, added, r.replaced(), r.unchanged(), r.duplicates());
            }
        });
    }

    /**
     * Reads the batch's keys from the staged cases into {@code stage}, moves repeats within the batch to the
     * findings, drops rows the store already holds unchanged from {@code stage}, deletes the stored rows the batch
     * replaces and the findings of every row the batch brings again.
     */
    private Reconciled reconcile(Statement s, String file, String cases) throws SQLException {
        s.execute("CREATE OR REPLACE TEMP TABLE stage AS SELECT hospital_id, record_id, line, row_hash, "
                + "strftime(discharge_date, '%Y-%m') AS period FROM " + cases);
        long duplicates = duplicates(s, file);
        s.execute("CREATE OR REPLACE TEMP TABLE stage_existing AS SELECT s.line, s.row_hash = c.row_hash AS same "
                + "FROM stage s JOIN case_records c USING (hospital_id, record_id)");
        long unchanged = count(s, "SELECT count(*) FROM stage_existing WHERE same");
        long replaced = count(s, "SELECT count(*) FROM stage_existing WHERE NOT same");
        if (unchanged > 0) {
            s.execute("DELETE FROM stage WHERE line IN (SELECT line FROM stage_existing WHERE same)");
        }
        // earlier findings of rows this batch brings again are superseded by this batch's findings
        for (String keyed : List.of("stage", "stage_findings")) {
            s.execute("DELETE FROM quality_findings q USING " + keyed + " k "
                    + "WHERE q.hospital_id = k.hospital_id AND q.record_id = k.record_id");
        }
        // the patients of the versions replaced: their other stays' readmission facts may change
        s.execute("CREATE OR REPLACE TEMP TABLE stage_old_patients AS SELECT DISTINCT c.hospital_id, c.patient_id "
                + "FROM case_records c JOIN stage s USING (hospital_id, record_id) WHERE " + (replaced > 0
                ? "c.patient_id IS NOT NULL" : "false"));
        if (replaced > 0) {
            s.execute("DELETE FROM case_records c USING stage s "
                    + "WHERE c.hospital_id = s.hospital_id AND c.record_id = s.record_id");
        }
        s.execute("DROP TABLE stage_existing");
        return new Reconciled(duplicates, unchanged, replaced, count(s, "SELECT count(*) FROM stage"));
    }

    /** Moves every repeat of a hospital_id + record_id within the batch (all but the first line) to the findings. */
    private long duplicates(Statement s, String file) throws SQLException {
        QualityRule rule = rules.rule("DUPLICATE_RECORD");
        // an aggregate finds the repeated keys (few or none); only their lines are then looked at
        s.execute("CREATE OR REPLACE TEMP TABLE stage_dups AS SELECT s.line, s.hospital_id, s.record_id, s.period, "
                + "d.first_line FROM stage s JOIN (SELECT hospital_id, record_id, min(line) AS first_line FROM stage "
                + "GROUP BY hospital_id, record_id HAVING count(*) > 1) d USING (hospital_id, record_id) "
                + "WHERE s.line <> d.first_line");
        long n = count(s, "SELECT count(*) FROM stage_dups");
        if (n > 0) {
            try (PreparedStatement p = s.getConnection().prepareStatement("INSERT INTO stage_findings SELECT ?, "
                    + "line, hospital_id, record_id, period, ?, ?, ?, ? || '：与第 ' || first_line || ' 行重复' "
                    + "FROM stage_dups")) {
                p.setString(1, file);
                p.setString(2, rule.id());
                p.setString(3, rule.dimension());
                p.setString(4, rule.severity().name());
                p.setString(5, rule.message());
                p.executeUpdate();
            }
            s.execute("DELETE FROM stage WHERE line IN (SELECT line FROM stage_dups)");
        }
        s.execute("DROP TABLE stage_dups");
        return n;
    }

    /** Writes the batch's findings to {@code rejects/batch-N-<file>.rejects.csv}; empty when there are none. */
    Optional<Path> exportFindings(int batch, String file) {
        Path out = dir.folder("rejects").resolve("batch-" + batch + "-" + file.replaceAll("[^\\w.-]", "_")
                .replaceFirst("\\.(csv|parquet)$", "") + ".rejects.csv");
        try (PreparedStatement p = dir.connection().prepareStatement("SELECT file, line, hospital_id, record_id, "
                + "rule_id, severity, message FROM quality_findings WHERE batch_id = ? ORDER BY line, rule_id")) {
            p.setInt(1, batch);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                try (Writer w = new OutputStreamWriter(new BufferedOutputStream(OwnerOnly.newFile(out), 1 << 16),
                        StandardCharsets.UTF_8)) {
                    w.write("file,line,hospital_id,record_id,rule_id,severity,message\n");
                    StringBuilder line = new StringBuilder();
                    do {
                        line.setLength(0);
                        for (int i = 1; i <= 7; i++) {
                            String v = r.getString(i);
                            CsvCells.append(i > 1 ? line.append(',') : line, v == null ? "" : v);
                        }
                        w.write(line.append('\n').toString());
                    } while (r.next());
                }
            }
            return Optional.of(out);
        } catch (SQLException e) {
            throw new StoreException("导出被拒记录", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int nextBatchId(Statement s) throws SQLException {
        return (int) count(s, "SELECT coalesce(max(batch_id), 0) + 1 FROM import_batches");
    }

    static void recordBatch(Connection c, int batch, String file, String kind, String hash, String scheme, long read,
                            long added, long replaced, long unchanged, long rejected, long warned) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO import_batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, current_timestamp)")) {
            p.setInt(1, batch);
            p.setString(2, file);
            p.setString(3, kind);
            p.setString(4, hash);
            p.setString(5, scheme);
            p.setLong(6, read);
            p.setLong(7, added);
            p.setLong(8, replaced);
            p.setLong(9, unchanged);
            p.setLong(10, rejected);
            p.setLong(11, warned);
            p.executeUpdate();
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }


}
