package org.hqd.spark;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hqd.HqdException;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.IndicatorSets;
import org.hqd.evaluation.codes.OperationLists;
import org.hqd.evaluation.Measure;
import org.hqd.evaluation.TargetSet;
import org.hqd.evaluation.Weights;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;
import org.hqd.io.abstracts.AbstractHeader;

/**
 * The province job: abstracts (CSV or Parquet, on any Hadoop file system) → grouped cases → DRG standards → hospital
 * metrics → evaluation, written as Parquet tables {@code cases}, {@code standards}, {@code metrics_hospital},
 * {@code evaluation} (and {@code rejects}) under the output folder. The register ({@code hospitals.csv}) and the
 * facility reports ({@code facility_reports.csv}) are read when given, or when the input is a folder written by
 * {@code hqd generate} that has them.
 */
public final class CasemixJob {
    /** What to run on. */
    public record Settings(String scheme, String input, Optional<String> hospitals, Optional<String> reports,
                           String output, Optional<EvaluationPeriod> period) { }

    /** What the job did. */
    public record Summary(long read, long rejected, long grouped, int drgs, int hospitals, int evaluationRows,
                          EvaluationPeriod period, Map<String, String> tables) { }

    public static final List<String> TABLES = List.of("cases", "standards", "metrics_hospital", "evaluation", "rejects");

    private final SparkSession spark;

    public CasemixJob(SparkSession spark) {
        this.spark = spark;
    }

    /** The session settings the job's SQL relies on: DuckDB's semantics (x / 0 is NULL, not an error), UTC, no UI. */
    public static SparkSession.Builder configure(SparkSession.Builder b) {
        return b.config("spark.sql.ansi.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.debug.maxToStringFields", "200")
                .config("spark.ui.enabled", "false");
    }

    /**
     * The settings that write the tables into {@code output}: on an object store ({@code s3a://}) through the S3A magic
     * committer — each file uploaded once and made visible when the job commits, instead of renamed (on an object
     * store: copied) twice by the classic committer; its classes come with the S3A connector's jars
     * ({@code spark-hadoop-cloud}). Other file systems keep Spark's defaults, so a cluster without those jars still
     * writes to HDFS or a shared folder.
     */
    public static Map<String, String> committerFor(String output) {
        if (!output.startsWith("s3a://")) {
            return Map.of();
        }
        return Map.of("spark.hadoop.fs.s3a.committer.name", "magic",
                "spark.sql.sources.commitProtocolClass", "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol",
                "spark.sql.parquet.output.committer.class",
                "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
    }

    private long mark = System.nanoTime();

    /** With -Dhqd.spark.timing=true, how long each step took (to see where time goes). */
    private void step(String what) {
        if (Boolean.getBoolean("hqd.spark.timing")) {
            long now = System.nanoTime();
            System.err.printf("[hqd-spark] %-28s %6.1f s%n", what, (now - mark) / 1e9);
            mark = now;
        }
    }

    public Summary run(Settings s) throws IOException {
        mark = System.nanoTime();
        RulePack pack = RulePackCatalog.bundled().load(s.scheme());
        Inputs in = inputs(s);
        Dataset<Row> raw = read(in.abstracts());
        List<String> header = List.of(raw.columns());
        AbstractHeader.of(header, GroupPartition.required(), in.abstracts()); // fails with the missing column
        Column[] asText = header.stream().map(c -> functions.col("`" + c + "`").cast(DataTypes.StringType)).toArray(Column[]::new);
        Broadcast<RulePack> broadcast = spark.sparkContext().broadcast(pack,
                scala.reflect.ClassTag$.MODULE$.apply(RulePack.class));
        Dataset<Row> all = raw.select(asText).mapPartitions(new GroupPartition(broadcast, header),
                Encoders.row(GroupPartition.CASES)).cache();
        Dataset<Row> cases = all.where("rejected_rules IS NULL").drop("rejected_rules");
        cases.createOrReplaceTempView("case_records");

        StandardsParameters p = StandardsParameters.DEFAULTS;
        Dataset<Row> standards = spark.sql(JobSql.STANDARDS.replace("{min}", String.valueOf(p.minCasesToTrim()))
                .replace("{sigmas}", String.valueOf(p.trimSigmas()))).cache();
        standards.createOrReplaceTempView("standards");
        Dataset<Row> named = withNames(standards, pack);
        Dataset<Row> metrics = spark.sql(JobSql.METRICS_HOSPITAL);
        Dataset<Row> caseTable = spark.sql("SELECT c.record_id, c.hospital_id, c.status, c.mdc, c.adrg, c.drg, "
                + "CASE WHEN c.status = 'GROUPED' THEN s.rw END AS rw FROM case_records c LEFT JOIN standards s "
                + "ON s.drg = c.drg");
        Dataset<Row> rejects = all.where("rejected_rules IS NOT NULL").select("hospital_id", "record_id", "rejected_rules");

        long read = all.count();
        step("read, check, group");
        long drgs = standards.count();
        step("standards");
        long rejected = rejects.count();
        Row span = spark.sql("SELECT min(discharge_date), max(discharge_date), count_if(status = 'GROUPED') FROM case_records").first();
        if (span.isNullAt(0)) {
            throw new HqdException(in.abstracts() + " 中没有可用的病例（" + read + " 行，" + rejected + " 行被质控拒收）");
        }
        EvaluationPeriod period = s.period().orElse(new EvaluationPeriod(YearMonth.from(span.getDate(0).toLocalDate()),
                YearMonth.from(span.getDate(1).toLocalDate())));
        step("period");
        Evaluation evaluation = evaluate(in, period);
        step("evaluation");
        Dataset<Row> evalTable = spark.createDataFrame(evaluationRows(evaluation), EVALUATION);

        Map<String, String> written = new LinkedHashMap<>();
        write(caseTable, s.output(), "cases", written);
        step("write cases");
        write(named, s.output(), "standards", written);
        write(metrics, s.output(), "metrics_hospital", written);
        step("metrics");
        write(evalTable, s.output(), "evaluation", written);
        write(rejects, s.output(), "rejects", written);
        step("write the rest");
        return new Summary(read, rejected, span.getLong(2), (int) drgs, (int) metrics.count(),
                evaluation.rows().size(), period, written);
    }

    private record Inputs(String abstracts, Optional<String> hospitals, Optional<String> reports) { }

    private Inputs inputs(Settings s) throws IOException {
        org.apache.hadoop.fs.Path in = new org.apache.hadoop.fs.Path(s.input());
        FileSystem fs = in.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(in)) {
            throw new HqdException("找不到输入 " + s.input());
        }
        if (fs.getFileStatus(in).isDirectory() && fs.exists(new org.apache.hadoop.fs.Path(in, "abstracts.csv"))) {
            return new Inputs(new org.apache.hadoop.fs.Path(in, "abstracts.csv").toString(),
                    s.hospitals().or(() -> existing(fs, in, "hospitals.csv")),
                    s.reports().or(() -> existing(fs, in, "facility_reports.csv")));
        }
        return new Inputs(s.input(), s.hospitals(), s.reports());
    }

    private static Optional<String> existing(FileSystem fs, org.apache.hadoop.fs.Path dir, String name) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir, name);
            return fs.exists(p) ? Optional.of(p.toString()) : Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A CSV (RFC 4180: quotes doubled; every column as text) or Parquet file or folder. */
    private Dataset<Row> read(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".parquet") || !lower.endsWith(".csv") && !lower.endsWith(".csv.gz")) {
            return spark.read().parquet(path);
        }
        return spark.read().option("header", "true").option("inferSchema", "false").option("escape", "\"")
                .option("encoding", "UTF-8").csv(path);
    }

    private static Dataset<Row> withNames(Dataset<Row> standards, RulePack pack) {
        List<Row> names = new ArrayList<>();
        pack.drgs().forEach((code, rule) -> names.add(RowFactory.create(code, rule.name())));
        SparkSession s = standards.sparkSession();
        Dataset<Row> n = s.createDataFrame(names, new StructType().add("drg", DataTypes.StringType).add("drg_name", DataTypes.StringType));
        return standards.join(n, standards.col("drg").equalTo(n.col("drg")), "left").select(standards.col("drg"),
                n.col("drg_name"), functions.col("cases"), functions.col("trimmed_cases"), functions.col("rw"),
                functions.col("mean_cost"), functions.col("median_cost"), functions.col("p25_cost"), functions.col("p75_cost"),
                functions.col("p90_cost"), functions.col("mean_los"), functions.col("mean_drug_cost"),
                functions.col("mean_consumable_cost"), functions.col("mean_exam_lab_cost"), functions.col("mortality"),
                functions.col("risk_level")).orderBy(standards.col("drg"));
    }

    private static void write(Dataset<Row> d, String output, String table, Map<String, String> written) {
        String path = new org.apache.hadoop.fs.Path(output, table).toString();
        d.write().mode(SaveMode.Overwrite).parquet(path);
        written.put(table, path);
    }

    // ------------------------------------------------------------------------------------------------- evaluation

    /** The measures of every hospital (as MeasureQuery computes them) and the core evaluator on them. */
    private Evaluation evaluate(Inputs in, EvaluationPeriod period) {
        Map<String, HospitalMeasures> hospitals = new LinkedHashMap<>();
        Map<String, String[]> register = new LinkedHashMap<>();
        if (in.hospitals().isPresent()) {
            for (Row r : spark.read().option("header", "true").option("escape", "\"").csv(in.hospitals().get())
                    .select("hospital_id", "name", "tier", "type").collectAsList()) {
                register.put(r.getString(0), new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        List<String> withCases = spark.sql("SELECT DISTINCT hospital_id FROM case_records WHERE hospital_id IS NOT NULL")
                .as(Encoders.STRING()).collectAsList();
        step("evaluation: register");
        Map<String, Map<Measure, Double>> measures = new LinkedHashMap<>();
        String from = period.from().toString();
        String to = period.to().toString();
        collect(spark.sql(JobSql.CASE_MEASURES.replace("{from}", from).replace("{to}", to)), measures);
        step("evaluation: case measures");
        collect(spark.sql(JobSql.READMISSIONS.replace("{from}", from).replace("{to}", to)), measures);
        step("evaluation: readmissions");
        OperationLists lists = OperationLists.bundled();
        List<Row> codes = new ArrayList<>();
        lists.all().forEach(l -> l.codes().keySet().forEach(c -> codes.add(RowFactory.create(l.id(), c))));
        spark.createDataFrame(codes, new StructType().add("list", DataTypes.StringType).add("code", DataTypes.StringType))
                .createOrReplaceTempView("code_lists");
        collect(spark.sql(JobSql.OPERATION_MEASURES.replace("{from}", from).replace("{to}", to)
                .replace("{grade4_by_list}", String.valueOf(lists.grade4ByList()))), measures);
        step("evaluation: operations");
        if (in.reports().isPresent()) {
            Dataset<Row> reports = spark.read().option("header", "true").option("escape", "\"").csv(in.reports().get());
            Column[] typed = java.util.Arrays.stream(reports.columns()).map(c -> c.equals("hospital_id") || c.equals("period")
                    ? functions.col(c) : functions.col(c).cast(DataTypes.DoubleType).as(c)).toArray(Column[]::new);
            reports.select(typed).createOrReplaceTempView("facility_report_rows");
            boolean wholeYears = period.first().getMonthValue() == 1 && period.last().getMonthValue() == 12;
            collect(spark.sql(JobSql.REPORT_MEASURES.replace("{first}", period.first().toString())
                    .replace("{last}", period.last().toString()).replace("{years}", String.valueOf(wholeYears))
                    .replace("{first_year}", String.valueOf(period.first().getYear()))
                    .replace("{last_year}", String.valueOf(period.last().getYear()))), measures);
        }
        List<String> ids = new ArrayList<>(register.keySet());
        withCases.stream().filter(h -> !register.containsKey(h)).sorted().forEach(ids::add);
        ids.sort(String::compareTo);
        for (String id : ids) {
            String[] reg = register.get(id);
            Optional<HospitalTier> tier = reg == null || reg[1] == null ? Optional.empty() : HospitalTier.byName(reg[1]);
            Optional<HospitalType> type = reg == null || reg[2] == null ? Optional.empty() : HospitalType.byName(reg[2]);
            Map<Measure, Double> m = new EnumMap<>(Measure.class);
            m.putAll(measures.getOrDefault(id, Map.of()));
            m.put(Measure.PERIOD_DAYS, (double) (period.to().toEpochDay() - period.from().toEpochDay() + 1));
            hospitals.put(id, new HospitalMeasures(id, reg == null || reg[0] == null ? id : reg[0], tier, type, m,
                    Map.of()));
        }
        IndicatorCatalog catalogue = IndicatorCatalog.standard();
        return new Evaluator(IndicatorSets.standard().defaultSet(), TargetSet.standard(catalogue), Weights.standard(),
                Evaluator.DEFAULT_MARGIN)
                .evaluate(period, new ArrayList<>(hospitals.values()), false);
    }

    private static void collect(Dataset<Row> d, Map<String, Map<Measure, Double>> into) {
        String[] columns = d.columns();
        for (Row r : d.collectAsList()) {
            Map<Measure, Double> m = into.computeIfAbsent(r.getString(0), k -> new EnumMap<>(Measure.class));
            for (int i = 1; i < columns.length; i++) {
                String column = columns[i];
                if (!r.isNullAt(i)) {
                    m.put(Measure.byId(column).orElseThrow(() -> new IllegalStateException(column)),
                            ((Number) r.get(i)).doubleValue());
                }
            }
        }
    }

    static final StructType EVALUATION = new StructType().add("hospital_id", DataTypes.StringType)
            .add("hospital_name", DataTypes.StringType).add("tier", DataTypes.StringType)
            .add("indicator", DataTypes.StringType).add("value", DataTypes.DoubleType).add("target", DataTypes.DoubleType)
            .add("comparator", DataTypes.StringType).add("status", DataTypes.StringType).add("gap", DataTypes.DoubleType)
            .add("rank_in_peers", DataTypes.IntegerType).add("peers", DataTypes.IntegerType);

    /** The rows of {@code hqd evaluate --format csv}, as a table. */
    static List<Row> evaluationRows(Evaluation e) {
        List<Row> out = new ArrayList<>();
        for (EvaluationRow r : e.rows()) {
            out.add(RowFactory.create(r.hospitalId(), r.hospitalName(), r.tier().map(Enum::name).orElse(null),
                    r.indicator().id(), r.value().isPresent() ? r.value().getAsDouble() : null,
                    r.target().map(t -> t.value()).orElse(null), r.target().map(t -> t.comparison().name()).orElse(null),
                    r.status().map(Enum::name).orElse(null), r.gap().isPresent() ? r.gap().getAsDouble() : null,
                    r.rankInPeers().isPresent() ? r.rankInPeers().getAsInt() : null, r.peers()));
        }
        return out;
    }
}
