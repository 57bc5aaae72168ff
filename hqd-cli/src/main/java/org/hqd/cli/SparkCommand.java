package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.hqd.app.Workspace;
import org.hqd.app.intake.IntakeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hqd spark}: the province job runs on Apache Spark in its own JVM ({@code ./hqd spark run|submit-args},
 * module hqd-spark); here, {@code load} brings its Parquet results into a data directory for browsing.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Apache Spark 上的全省作业：./hqd spark run --master local[*] --input … --output …（单独的 JVM，由 ./hqd 启动）；",
            "./hqd spark submit-args 打印集群的 spark-submit 命令；load 把作业结果（Parquet）载入数据目录，供 hqd sql 和 Web 应用查看。"},
        subcommands = {SparkCommand.Load.class})
final class SparkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("Spark 作业在单独的进程中运行：请用 ./hqd spark run … 或 ./hqd spark submit-args …"
                + "（它们构建并调用 hqd-spark）；hqd spark load 载入作业结果。");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code hqd spark load}. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "把 Spark 作业的结果目录载入数据目录：表 spark_cases、spark_standards、spark_metrics_hospital、"
                    + "spark_evaluation、spark_rejects（替换上一次载入的），可用 hqd sql 查询")
    static final class Load extends DataCommand {
        @Option(names = "--results", required = true, paramLabel = "<目录>", description = "hqd spark run 的 --output 目录")
        private Path results;

        @Override
        void check() {
            IntakeService.checkSparkResults(results);
        }

        @Override
        void run(Workspace w, PrintWriter out) throws IOException {
            new IntakeService(w, Clock.systemUTC()).loadSparkResults(results)
                    .forEach((table, rows) -> out.printf("  %-24s %,d 行%n", table, rows));
            out.println("已载入 " + results + "；例：hqd sql --data " + data.data + " \"SELECT * FROM spark_metrics_hospital\"");
        }
    }
}
