package org.hqd.spark;

import java.io.File;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.hqd.HqdException;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.evaluation.EvaluationPeriod;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd spark run|submit-args}: the province job on Apache Spark. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "在 Apache Spark 上运行全省数据的分组、病组标准、医院绩效和评价（与内嵌数据目录的定义相同），结果写为 Parquet",
        subcommands = {SparkMain.Run.class, SparkMain.SubmitArgs.class})
public final class SparkMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cmd = new CommandLine(new SparkMain());
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof HqdException)) {
                t = t.getCause();
            }
            line.getErr().println("错误：" + (t instanceof HqdException ? t.getMessage() : ex.toString()));
            line.getErr().flush();
            return t instanceof HqdException ? 3 : 1;
        });
        System.exit(cmd.execute(args));
    }

    /** The options of the job, shared by run and submit-args. */
    static final class JobOptions {
        @Option(names = "--scheme", defaultValue = RulePackCatalog.DEFAULT_PACK, paramLabel = "<方案>",
                description = "分组方案（规则包）；默认 ${DEFAULT-VALUE}")
        String scheme;

        @Option(names = "--input", required = true, paramLabel = "<路径>",
                description = "病案首页：CSV 或 Parquet 文件/目录（本地路径或 hdfs://、s3a:// 等），或 hqd generate 的输出目录")
        String input;

        @Option(names = "--hospitals", paramLabel = "<路径>", description = "医院名册 hospitals.csv（评价分层用）")
        String hospitals;

        @Option(names = "--reports", paramLabel = "<路径>", description = "机构月报 facility_reports.csv")
        String reports;

        @Option(names = "--period", paramLabel = "<期间>", description = "评价期间；默认为病例的全部出院月份")
        String period;

        @Option(names = "--output", required = true, paramLabel = "<目录>", description = "结果目录（Parquet 表）")
        String output;

        CasemixJob.Settings settings() {
            return new CasemixJob.Settings(scheme, input, Optional.ofNullable(hospitals), Optional.ofNullable(reports),
                    output, Optional.ofNullable(period).map(EvaluationPeriod::parse));
        }

        String args() {
            StringBuilder b = new StringBuilder("--scheme ").append(scheme).append(" --input ").append(input);
            if (hospitals != null) {
                b.append(" --hospitals ").append(hospitals);
            }
            if (reports != null) {
                b.append(" --reports ").append(reports);
            }
            if (period != null) {
                b.append(" --period ").append(period);
            }
            return b.append(" --output ").append(output).toString();
        }
    }

    /** {@code hqd spark run}: the job in this process (local mode, or a master this JVM can reach). */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "在本进程中运行作业（测试和小规模作业用 local[*]）")
    static final class Run implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--master", defaultValue = "local[*]", paramLabel = "<master>", description = "Spark master；默认 ${DEFAULT-VALUE}")
        private String master;

        @Option(names = "--conf", paramLabel = "<键=值>", description = "Spark 配置，可重复，如 --conf spark.sql.shuffle.partitions=8")
        private java.util.Map<String, String> conf = new java.util.LinkedHashMap<>();

        @CommandLine.Mixin
        private JobOptions job;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            long started = System.nanoTime();
            SparkSession.Builder builder = CasemixJob.configure(SparkSession.builder().appName("hqd-casemix").master(master));
            if (master.startsWith("local")) {
                // one machine: a few shuffle partitions and small input splits keep every core busy without the
                // per-task overhead of Spark's cluster defaults (200 partitions, 128 MB splits)
                int cores = master.matches("local\\[\\d+]") ? Integer.parseInt(master.replaceAll("\\D", ""))
                        : Runtime.getRuntime().availableProcessors();
                builder.config("spark.sql.shuffle.partitions", String.valueOf(2 * cores))
                        .config("spark.sql.files.maxPartitionBytes", String.valueOf(32L << 20));
            }
            conf.forEach(builder::config);
            try (SparkSession spark = builder.getOrCreate()) {
                spark.sparkContext().setLogLevel("WARN");
                CasemixJob.Summary s = new CasemixJob(spark).run(job.settings());
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("Spark 作业完成（%s，%d 个核）：读取 %,d 行，质控拒收 %,d 行，入组 %,d 例，DRG %d 组，医院 %d 家，"
                        + "评价 %,d 项次（期间 %s）；用时 %.1f 秒（%,.0f 行/秒）%n", master, spark.sparkContext().defaultParallelism(),
                        s.read(), s.rejected(), s.grouped(), s.drgs(), s.hospitals(), s.evaluationRows(), s.period(),
                        seconds, s.read() / seconds);
                s.tables().forEach((t, p) -> out.println("  " + t + " → " + p));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code hqd spark submit-args}: the spark-submit command for a cluster. */
    @Command(name = "submit-args", mixinStandardHelpOptions = true,
            description = "打印在集群上运行同一作业的 spark-submit 命令（应用 jar：hqd-spark/target/hqd-spark-*-app.jar）")
    static final class SubmitArgs implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--master", defaultValue = "yarn", paramLabel = "<master>", description = "集群 master；默认 ${DEFAULT-VALUE}")
        private String master;

        @Option(names = "--executors", defaultValue = "10", paramLabel = "<n>", description = "执行器数；默认 ${DEFAULT-VALUE}")
        private int executors;

        @Option(names = "--executor-cores", defaultValue = "4", paramLabel = "<n>")
        private int cores;

        @Option(names = "--executor-memory", defaultValue = "8g", paramLabel = "<内存>")
        private String memory;

        @CommandLine.Mixin
        private JobOptions job;

        @Override
        public Integer call() {
            String jar = appJar();
            spec.commandLine().getOut().println(String.join(" \\\n  ", "spark-submit --class " + SparkMain.class.getName(),
                    "--master " + master, "--deploy-mode cluster", "--num-executors " + executors,
                    "--executor-cores " + cores, "--executor-memory " + memory,
                    "--conf spark.sql.ansi.enabled=false", "--conf spark.sql.session.timeZone=UTC",
                    "--conf spark.sql.shuffle.partitions=" + Math.max(200, executors * cores * 3),
                    jar, "run --master " + master + " " + job.args()));
            spec.commandLine().getOut().flush();
            return 0;
        }

        private static String appJar() {
            File target = new File("hqd-spark/target");
            File[] found = target.listFiles((d, n) -> n.startsWith("hqd-spark-") && n.endsWith("-app.jar"));
            return found != null && found.length > 0 ? found[0].getPath() : "hqd-spark/target/hqd-spark-0.1.0-SNAPSHOT-app.jar";
        }
    }
}
