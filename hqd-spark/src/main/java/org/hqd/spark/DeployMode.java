package org.hqd.spark;

/** Where the driver runs: in the submitting process ({@code client}) or on the cluster ({@code cluster}). */
enum DeployMode {
    CLIENT, CLUSTER;

    /** The word spark-submit takes. */
    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
