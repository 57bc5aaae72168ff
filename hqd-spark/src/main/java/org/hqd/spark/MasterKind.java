package org.hqd.spark;

import java.util.Locale;

/** The kinds of Spark master a job can be pointed at, by what HQD must do to run there. */
enum MasterKind {
    /** {@code local}, {@code local[n]}, {@code local[*]}: driver and executors in this JVM. */
    LOCAL,
    /** {@code spark://host:port}: a standalone cluster; this JVM can be the driver if it ships the application jar. */
    STANDALONE,
    /** {@code yarn}: needs the cluster's Spark client (spark-yarn and the Hadoop configuration). */
    YARN,
    /** {@code k8s://https://host:port}: needs the cluster's Spark client and a container image with the jar. */
    KUBERNETES;

    static MasterKind of(String master) {
        String m = master.trim().toLowerCase(Locale.ROOT);
        if (m.equals("local") || m.startsWith("local[")) {
            return LOCAL;
        }
        if (m.startsWith("spark://")) {
            return STANDALONE;
        }
        if (m.equals("yarn")) {
            return YARN;
        }
        if (m.startsWith("k8s://")) {
            return KUBERNETES;
        }
        throw new ClusterException("Spark master “" + master + "” 无法识别：可用 local[*]、local[n]、spark://主机:端口（独立集群）、"
                + "yarn 或 k8s://https://主机:端口");
    }
}
