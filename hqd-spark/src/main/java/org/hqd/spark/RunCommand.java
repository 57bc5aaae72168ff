package org.hqd.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hqd spark run}: the job with this process as the driver — on {@code local[*]}, or on a standalone cluster
 * with the application jar shipped to the executors — or, in cluster deploy mode and on YARN and Kubernetes, through
 * spark-submit. Under spark-submit (which sets {@code spark.submit.deployMode}) it is the driver spark-submit started.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "运行作业：local[*] 在本进程；独立集群（spark://）由本进程作驱动程序，应用 jar 发给执行器；"
                + "--deploy-mode cluster 和 YARN、Kubernetes 经 spark-submit 提交")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "<master>",
            description = "Spark master：local[*]、local[n]、spark://主机:端口、yarn、k8s://https://主机:端口；默认 ${DEFAULT-VALUE}")
    private String master;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private JobOptions job;

    @Override
    public Integer call() throws Exception {
        Optional<String> submitted = Optional.ofNullable(System.getProperty("spark.submit.deployMode"));
        String effective = submitted.isPresent() && System.getProperty("spark.master") != null
                ? System.getProperty("spark.master") : master;
        MasterKind kind = MasterKind.of(effective);
        DeployMode mode = cluster.mode(DeployMode.CLIENT);
        if (kind == MasterKind.LOCAL && mode == DeployMode.CLUSTER) {
            throw new ClusterException("local 模式没有集群可放驱动程序：去掉 --deploy-mode cluster，或用 spark://、yarn、k8s:// 的 master");
        }
        if (submitted.isEmpty() && (mode == DeployMode.CLUSTER || kind == MasterKind.YARN || kind == MasterKind.KUBERNETES)) {
            Submission s = SubmitArgsCommand.submission(master, kind, mode, cluster, job, spec.commandLine().getErr());
            return SubmitLauncher.run(s, kind, System.err);
        }
        SparkSession.Builder builder = CasemixJob.configure(SparkSession.builder().appName("hqd-casemix"));
        CasemixJob.committerFor(job.settings().output()).forEach(builder::config);
        if (submitted.isEmpty()) {
            builder.master(master);
            if (kind == MasterKind.STANDALONE) {
                ExecutorSizing sizing = cluster.sizing(master, kind, mode);
                sizing.confs().forEach(builder::config);
                List<String> jars = new ArrayList<>(List.of(AppJar.locate(Optional.ofNullable(cluster.appJar))));
                Optional.ofNullable(cluster.conf.get("spark.jars")).ifPresent(jars::add);
                builder.config("spark.jars", String.join(",", jars));
                note("执行器：" + sizing.confs().get("spark.executor.cores") + " 核、" + sizing.confs().get("spark.executor.memory")
                        + "，" + sizing.basis() + "；应用 jar " + jars.get(0));
            }
        }
        cluster.conf.forEach((k, v) -> {
            if (!k.equals("spark.jars") || submitted.isPresent()) {
                builder.config(k, v);
            }
        });
        return run(builder, kind);
    }

    private int run(SparkSession.Builder builder, MasterKind kind) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (SparkSession spark = builder.getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            JobTuning.apply(spark, kind, cluster.executorWait(), spec.commandLine().getErr());
            CasemixJob.Summary s = new CasemixJob(spark).run(job.settings());
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "Spark 作业完成（%s，%d 个核）：读取 %,d 行，质控拒收 %,d 行，入组 %,d 例，DRG %d 组，医院 %d 家，"
                    + "评价 %,d 项次（期间 %s）；用时 %.1f 秒（%,.0f 行/秒）%n", spark.sparkContext().master(),
                    spark.sparkContext().defaultParallelism(), s.read(), s.rejected(), s.grouped(), s.drgs(), s.hospitals(),
                    s.evaluationRows(), s.period(), seconds, s.read() / seconds);
            s.tables().forEach((t, p) -> out.println("  " + t + " → " + p));
        }
        out.flush();
        return 0;
    }

    private void note(String line) {
        spec.commandLine().getErr().println(line);
        spec.commandLine().getErr().flush();
    }
}
