package org.hqd.spark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The executors a job asks a cluster for: what the user gave, and the rest derived so that it fits the cluster.
 *
 * <p>Rules (docs/spark.md, "Executor sizes"): on a standalone master whose workers are known, an executor gets the
 * cores of the smallest worker, at most {@value #MAX_CORES} (in cluster deploy mode on a single worker, one core less:
 * the driver takes one), and that worker's memory in proportion to those cores, at most {@value #MB_PER_CORE} MB per
 * core (the driver's memory first taken off in the same single-worker case); every worker is used unless
 * {@code --executors} limits the cores. Where the workers are not known (YARN, Kubernetes, an unreachable standalone
 * status page) an executor has {@value #DEFAULT_CORES} cores and {@value #DEFAULT_MB_PER_CORE} MB per core, and YARN
 * and Kubernetes scale the number of executors with the work (dynamic allocation) unless {@code --executors} is given.
 *
 * @param confs the Spark settings, in order
 * @param totalCores the cores the job will have when known (they size the shuffle partitions)
 * @param basis how the sizes were chosen, for the user
 */
record ExecutorSizing(Map<String, String> confs, Optional<Integer> totalCores, String basis) {
    static final int MAX_CORES = 4;
    static final long MB_PER_CORE = 4096;
    static final int DEFAULT_CORES = 2;
    static final long DEFAULT_MB_PER_CORE = 2048;

    /** What the user asked for; empty where HQD chooses. */
    record Request(Optional<Integer> executors, Optional<Integer> cores, Optional<String> memory, String driverMemory) { }

    static ExecutorSizing of(MasterKind kind, DeployMode mode, Request asked, StandaloneCapacity.Result known) {
        Map<String, String> confs = new LinkedHashMap<>();
        confs.put("spark.driver.memory", asked.driverMemory());
        Optional<StandaloneCapacity> capacity = kind == MasterKind.STANDALONE ? known.capacity() : Optional.empty();
        int cores;
        long memoryMb;
        String basis;
        if (capacity.isPresent()) {
            StandaloneCapacity c = capacity.get();
            boolean driverShares = mode == DeployMode.CLUSTER && c.workers() == 1;
            int usable = Math.max(1, c.cores() - (driverShares ? 1 : 0));
            long usableMb = c.memoryMb() - (driverShares ? megabytes(asked.driverMemory()) : 0);
            cores = asked.cores().orElse(Math.min(MAX_CORES, usable));
            memoryMb = Math.min(MB_PER_CORE * cores, usableMb * cores / usable);
            basis = String.format(Locale.ROOT, "按 master 上的 worker 确定（%d 个在线，最小的 %d 核、%d MB）", c.workers(), c.cores(),
                    c.memoryMb());
            long asks = asked.memory().map(ExecutorSizing::megabytes).orElse(memoryMb);
            if (asks > usableMb || cores > usable) {
                throw new ClusterException(String.format(Locale.ROOT, "执行器要 %d 核、%d MB，但 master 最小的 worker 只能给 %d 核、%d MB%s："
                        + "执行器永远得不到分配；请调小 --executor-cores / --executor-memory", cores, asks, usable, usableMb,
                        driverShares ? "（cluster 模式下驱动程序占用一核和 --driver-memory）" : ""));
            }
        } else {
            cores = asked.cores().orElse(DEFAULT_CORES);
            memoryMb = DEFAULT_MB_PER_CORE * cores;
            basis = asked.cores().isPresent() && asked.memory().isPresent() ? "按给定的核数和内存"
                    : kind == MasterKind.STANDALONE ? "未能读取 worker 的容量（" + known.problem() + "），按默认值"
                    : "按默认值（" + kind.name().toLowerCase(Locale.ROOT) + " 的节点容量 HQD 读不到）";
        }
        confs.put("spark.executor.cores", String.valueOf(cores));
        confs.put("spark.executor.memory", asked.memory().orElse(memoryMb + "m"));
        Optional<Integer> total = asked.executors().map(n -> n * cores);
        if (kind == MasterKind.STANDALONE) {
            total.ifPresent(t -> confs.put("spark.cores.max", String.valueOf(t)));
            if (total.isEmpty() && capacity.isPresent()) {
                StandaloneCapacity c = capacity.get();
                int perWorker = (c.cores() - (mode == DeployMode.CLUSTER && c.workers() == 1 ? 1 : 0)) / cores;
                total = Optional.of(Math.max(1, perWorker * c.workers()) * cores);
            }
        } else if (asked.executors().isPresent()) {
            confs.put("spark.executor.instances", String.valueOf(asked.executors().get()));
        } else {
            confs.put("spark.dynamicAllocation.enabled", "true");
            confs.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
        }
        total.ifPresent(t -> confs.put("spark.sql.shuffle.partitions", String.valueOf(JobTuning.shufflePartitions(t))));
        return new ExecutorSizing(confs, total, basis);
    }

    /** A JVM memory size (512m, 4g, 1024k; a bare number is bytes, as Java takes it) in MB. */
    static long megabytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        try {
            char unit = s.charAt(s.length() - 1);
            if (Character.isDigit(unit)) {
                return Long.parseLong(s) >> 20;
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (unit) {
                case 'k' -> n >> 10;
                case 'm' -> n;
                case 'g' -> n << 10;
                case 't' -> n << 20;
                default -> throw new NumberFormatException(s);
            };
        } catch (RuntimeException e) {
            throw new ClusterException("内存大小 “" + size + "” 无法识别：写作 512m、4g 这样的形式");
        }
    }
}
