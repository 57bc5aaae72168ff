package org.hqd.spark;

import java.io.PrintWriter;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The partitioning the job uses on any master, set once the session knows its cores: shuffles in two partitions per
 * core and input splits of at most 32 MB keep every core busy without the per-task overhead of Spark's defaults (200
 * shuffle partitions, 128 MB splits), measured in docs/benchmarks.md. A setting given with {@code --conf} is kept.
 */
final class JobTuning {
    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    static final String SPLIT = "spark.sql.files.maxPartitionBytes";
    static final long SPLIT_BYTES = 32L << 20;

    private JobTuning() { }

    static int shufflePartitions(int cores) {
        return 2 * cores;
    }

    /**
     * On a cluster, waits until at least one executor has registered (a job cannot start before, and the cores are
     * known only then), then sets the partitioning. With dynamic allocation executors come with the work, so there
     * is nothing to wait for and Spark's adaptive execution sizes the shuffles.
     */
    static void apply(SparkSession spark, MasterKind kind, Duration wait, PrintWriter err) throws InterruptedException {
        SparkConf conf = spark.sparkContext().getConf();
        boolean dynamic = conf.getBoolean("spark.dynamicAllocation.enabled", false);
        if (kind != MasterKind.LOCAL && !dynamic) {
            awaitExecutors(spark, wait, err);
        }
        if (!conf.contains(SHUFFLE_PARTITIONS) && !dynamic) {
            spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(shufflePartitions(spark.sparkContext().defaultParallelism())));
        }
        if (!conf.contains(SPLIT)) {
            spark.conf().set(SPLIT, String.valueOf(SPLIT_BYTES));
        }
    }

    private static void awaitExecutors(SparkSession spark, Duration wait, PrintWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long nextNote = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // the status tracker lists the driver too
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < 2) {
            if (System.nanoTime() > deadline) {
                throw new ClusterException("master " + spark.sparkContext().master() + " 在 " + wait.toSeconds()
                        + " 秒内没有分配执行器：请检查 worker 是否在线、空闲的核和内存是否够一个执行器（--executor-cores、"
                        + "--executor-memory），或用 --executor-wait 等更久");
            }
            if (System.nanoTime() > nextNote) {
                err.println("正在等待集群分配执行器（" + spark.sparkContext().master() + "）…");
                err.flush();
                nextNote = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            Thread.sleep(250);
        }
    }
}
