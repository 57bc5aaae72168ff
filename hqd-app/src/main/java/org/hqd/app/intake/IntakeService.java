package org.hqd.app.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.intake.DrgLine;
import org.hqd.intake.ImportSettings;
import org.hqd.intake.ImportSummary;
import org.hqd.intake.TierLine;
import org.hqd.quality.QualityLine;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.dip.DipStore;
import org.hqd.store.importing.Importer;
import org.hqd.store.query.IntakeOverview;
import org.hqd.store.query.QualityReport;
import org.hqd.store.query.SparkResults;
import org.hqd.store.query.SqlQuery;

/**
 * Imports files into the data directory: abstracts, the hospital register and facility reports, in the order the
 * store's {@link Importer} gives (register, reports, abstracts), each file one transaction of the importer; after each
 * file its audit entry; after all files the cases imported or replaced are assigned to the latest DIP catalogue's
 * groups. Every import of the product goes through here (the command line, the demo). Its reads are what the intake
 * left: the data-quality report, the overview by tier and DRG, the read-only SQL of {@code hqd sql}, and the loading
 * of a Spark job's results.
 */
public final class IntakeService {
    /**
     * What a caller sees while an intake runs: the grouping scheme once the directory is ready, then each file as it
     * is done.
     */
    public interface Progress {
        default void started(Path dataDirectory, String scheme) {
        }

        default void imported(ImportSummary file) {
        }
    }

    private final DataAccess data;
    private final Clock clock;

    public IntakeService(DataAccess data, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Imports the files of these paths (a directory stands for its .csv and .parquet files).
     *
     * @param settings the import's charset, threads and, for a new data directory, grouping scheme
     */
    public Intake importFiles(Actor actor, List<Path> paths, ImportSettings settings, Progress progress) {
        List<Path> files = Importer.expand(paths);
        return data.with(d -> {
            Importer importer = new Importer(d, RulePackCatalog.bundled(), QualityRuleCatalog.standard(), settings);
            String scheme = DataAccess.scheme(d);
            progress.started(d.path(), scheme);
            List<ImportSummary> done = new ArrayList<>();
            try {
                for (Path f : importer.inImportOrder(files)) {
                    ImportSummary s = importer.importFile(f);
                    AuditTrail.record(d, clock.instant(), actor, "导入", s.file() + "：读取 " + s.read() + " 行，新增 "
                            + s.imported() + "，替换 " + s.replaced() + "，拒收 " + s.rejected()
                            + (s.alreadyImported() ? "（已导入过，未重复导入）" : ""));
                    done.add(s);
                    progress.imported(s);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Intake(scheme, done, assignDip(d, scheme));
        });
    }

    /** Assigns the cases without a group under the latest DIP catalogue (new or replaced ones) to its groups. */
    private static long assignDip(DataDirectory d, String scheme) {
        return new DipStore(d).assignPending(RulePackCatalog.bundled().load(scheme).orProcedures()::containsKey,
                DipParameters.DEFAULTS);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The data-quality findings per hospital, month, dimension and rule. */
    public List<QualityLine> qualityLines() {
        return data.with(d -> new QualityReport(d).lines());
    }

    /** The rows checked per hospital and month. */
    public List<QualityLine> qualityTotals() {
        return data.with(d -> new QualityReport(d).totals());
    }

    /** The cases by hospital tier. */
    public List<TierLine> overviewByTier() {
        return data.with(d -> new IntakeOverview(d).byTier());
    }

    /** The {@code n} DRGs with the most cases. */
    public List<DrgLine> topDrgs(int n) {
        return data.with(d -> new IntakeOverview(d).topDrgs(n));
    }

    /** Runs one read-only SELECT over the documented views and writes the result as CSV; returns the row count. */
    public long sql(String sql, Writer out) {
        return data.with(d -> {
            try {
                return new SqlQuery(d).run(sql, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Loads the results directory of a Spark job (its {@code --output}) as tables {@code spark_…}, replacing those of
     * the previous load; returns each table's rows.
     */
    public Map<String, Long> loadSparkResults(Path results) {
        checkSparkResults(results);
        return data.with(d -> new SparkResults(d).load(results));
    }

    /** Refuses a folder that is not the results directory of a Spark job (before any data directory is opened). */
    public static void checkSparkResults(Path results) {
        for (String t : SparkResults.TABLES) {
            if (!Files.isDirectory(results.resolve(t))) {
                throw new HqdException(results + " 不是 Spark 作业的结果目录：缺少 " + t + "/");
            }
        }
    }
}
