package org.hqd.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How to run on a cluster: deploy mode, executor sizes, the application jar and Spark settings. */
final class ClusterOptions {
    static final int DEFAULT_WAIT = 300;

    @Option(names = "--deploy-mode", paramLabel = "client|cluster",
            description = "client：驱动程序在提交的进程中；cluster：驱动程序在集群上。run 默认 client，submit-args 默认 cluster")
    DeployMode deployMode;

    @Option(names = "--executors", paramLabel = "<n>",
            description = "执行器数；默认：独立集群用所有 worker，YARN/Kubernetes 按工作量动态分配")
    Integer executors;

    @Option(names = "--executor-cores", paramLabel = "<n>",
            description = "每个执行器的核数；默认按独立集群最小的 worker（至多 4），读不到时为 2")
    Integer executorCores;

    @Option(names = "--executor-memory", paramLabel = "<内存>",
            description = "每个执行器的内存，如 4g；默认按 worker 的内存和核数分配（每核至多 4g），读不到时每核 2g")
    String executorMemory;

    @Option(names = "--driver-memory", defaultValue = "1g", paramLabel = "<内存>",
            description = "驱动程序的内存（cluster 模式；client 模式下是本进程的堆，用 HQD_SPARK_JAVA_OPTS 设置）；默认 ${DEFAULT-VALUE}")
    String driverMemory;

    @Option(names = "--master-ui", paramLabel = "<URL>",
            description = "独立集群 master 的网页地址（读取 worker 的核数和内存）；默认为 master 主机的 8080 端口")
    String masterUi;

    @Option(names = "--app-jar", paramLabel = "<路径>",
            description = "应用 jar（集群能读到的路径，如 hdfs:///apps/hqd-spark-app.jar）；默认为本机构建的 -app.jar")
    String appJar;

    @Option(names = "--executor-wait", paramLabel = "<秒>",
            description = "驱动程序在集群上等待第一个执行器的最长时间；默认 " + DEFAULT_WAIT + " 秒")
    Integer executorWait;

    @Option(names = "--conf", paramLabel = "<键=值>", description = "Spark 配置，可重复，如 --conf spark.sql.shuffle.partitions=8")
    Map<String, String> conf = new LinkedHashMap<>();

    java.time.Duration executorWait() {
        return java.time.Duration.ofSeconds(executorWait == null ? DEFAULT_WAIT : executorWait);
    }

    /** The options the driver started by spark-submit takes from this submission: the job's, and the wait. */
    java.util.List<String> driverArguments(JobOptions job) {
        java.util.List<String> a = new java.util.ArrayList<>(job.arguments());
        if (executorWait != null) {
            a.addAll(java.util.List.of("--executor-wait", String.valueOf(executorWait)));
        }
        return a;
    }

    DeployMode mode(DeployMode fallback) {
        return deployMode == null ? fallback : deployMode;
    }

    ExecutorSizing.Request request() {
        return new ExecutorSizing.Request(Optional.ofNullable(executors), Optional.ofNullable(executorCores),
                Optional.ofNullable(executorMemory), driverMemory);
    }

    /** The executor sizes for a master, reading a standalone master's workers when HQD has to choose. */
    ExecutorSizing sizing(String master, MasterKind kind, DeployMode mode) {
        StandaloneCapacity.Result known = kind == MasterKind.STANDALONE
                && (executorCores == null || executorMemory == null || executors == null)
                ? StandaloneCapacity.read(StandaloneCapacity.statusPage(master, Optional.ofNullable(masterUi)))
                : new StandaloneCapacity.Result(Optional.empty(), "");
        return ExecutorSizing.of(kind, mode, request(), known);
    }
}
