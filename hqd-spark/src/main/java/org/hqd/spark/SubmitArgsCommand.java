package org.hqd.spark;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd spark submit-args}: the spark-submit command that runs the same job on a cluster. */
@Command(name = "submit-args", mixinStandardHelpOptions = true,
        description = "打印在集群上运行同一作业的 spark-submit 命令（应用 jar 默认为本机构建的 -app.jar，集群读不到时用 --app-jar 指定；"
                + "执行器的数目、核数和内存按集群确定，也可用 --executors、--executor-cores、--executor-memory 指定）")
final class SubmitArgsCommand implements Callable<Integer> {
    private static final String DRIVER_OPTIONS = "spark.driver.extraJavaOptions";

    @Spec
    private CommandSpec spec;

    @Option(names = "--master", defaultValue = "yarn", paramLabel = "<master>", description = "集群 master；默认 ${DEFAULT-VALUE}")
    private String master;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private JobOptions job;

    @Override
    public Integer call() {
        MasterKind kind = MasterKind.of(master);
        if (kind == MasterKind.LOCAL) {
            throw new ClusterException("local 模式不需要 spark-submit：用 ./hqd spark run --master '" + master + "'");
        }
        Submission s = submission(master, kind, cluster.mode(DeployMode.CLUSTER), cluster, job, spec.commandLine().getErr());
        spec.commandLine().getOut().println(s.render("spark-submit"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The submission for a cluster master: executor sizes that fit it and the user's settings (the driver adds the
     * session settings the job needs, CasemixJob.configure). */
    static Submission submission(String master, MasterKind kind, DeployMode mode, ClusterOptions cluster, JobOptions job,
                                 PrintWriter err) {
        ExecutorSizing sizing = cluster.sizing(master, kind, mode);
        err.println("# 执行器大小" + sizing.basis());
        err.flush();
        Map<String, String> confs = new LinkedHashMap<>(sizing.confs());
        if (kind == MasterKind.STANDALONE && mode == DeployMode.CLUSTER) {
            // the submitting process waits for the driver and reports how it ended
            confs.put("spark.standalone.submit.waitAppCompletion", "true");
            // a worker starts the driver's JVM without the module openings Spark needs on Java 17 (YARN and
            // Kubernetes add them), so they are asked for
            confs.put(DRIVER_OPTIONS, (JvmOpens.options() + " " + cluster.conf.getOrDefault(DRIVER_OPTIONS, "")).trim());
        }
        cluster.conf.forEach((k, v) -> confs.merge(k, v, (ours, theirs) -> k.equals(DRIVER_OPTIONS) ? ours : theirs));
        return new Submission(master, mode, AppJar.locate(Optional.ofNullable(cluster.appJar)), confs, cluster.driverArguments(job));
    }
}
