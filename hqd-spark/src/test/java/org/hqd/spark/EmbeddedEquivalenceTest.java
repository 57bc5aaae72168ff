package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded path and the Spark path in local mode on the same generated province (8 hospitals, 6,000 discharges,
 * 12 months, with a few rows the quality rules reject), partitioned as {@code hqd spark run} does: every output table
 * compared (see {@link Equivalence}).
 */
final class EmbeddedEquivalenceTest {
    @TempDir
    static Path tmp;

    static SparkSession spark;
    static EmbeddedProvince province;
    static Equivalence equivalence;
    static CasemixJob.Summary summary;

    @BeforeAll
    static void runBoth() throws Exception {
        province = EmbeddedProvince.create(tmp, 8, 6_000, 31);
        spark = CasemixJob.configure(SparkSession.builder().master("local[2]").appName("equivalence")).getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        // the partitioning `hqd spark run` sets in local mode, not Spark's 200 shuffle partitions
        JobTuning.apply(spark, MasterKind.LOCAL, Duration.ZERO, new PrintWriter(Writer.nullWriter()));
        Path output = tmp.resolve("out");
        summary = new CasemixJob(spark).run(new CasemixJob.Settings(RulePackCatalog.DEFAULT_PACK, province.source().toString(),
                Optional.empty(), Optional.empty(), output.toString(), Optional.empty()));
        equivalence = new Equivalence(province, name -> table(output, name));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (province != null) {
            province.close();
        }
    }

    static List<Row> table(Path output, String name) {
        return spark.read().parquet(output.resolve(name).toString()).collectAsList();
    }

    @Test
    void everyCaseIsGroupedTheSame_andTheSameRowsAreRejected() throws Exception {
        equivalence.casesAndRejects();
    }

    @Test
    void theSummaryCountsTheRowsRead_andTheMonthsEvaluated() {
        assertThat(summary.read()).isEqualTo(6_002);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.period()).isEqualTo(equivalence.period());
    }

    @Test
    void standardsAreTheSame() {
        equivalence.standards();
    }

    @Test
    void hospitalMetricsAreTheSame() {
        equivalence.hospitalMetrics();
    }

    @Test
    void theEvaluationIsTheSame() {
        equivalence.evaluation();
    }
}
