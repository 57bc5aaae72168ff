package org.hqd.spark;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The application jar a cluster's executors (and, in cluster deploy mode, its driver) load HQD's classes from:
 * {@code hqd-spark-<version>-app.jar}, built beside the job's own jar ({@code hqd-spark/target}); Spark itself is the
 * cluster's.
 */
final class AppJar {
    private AppJar() { }

    /** The jar given with {@code --app-jar} (any path the cluster can read: local, hdfs://, local:// in an image), or
     * the one built beside the job's classes. */
    static String locate(Optional<String> given) {
        if (given.isPresent()) {
            return given.get();
        }
        Path here = codeSource();
        if (here.getFileName().toString().endsWith("-app.jar")) {
            return here.toString();
        }
        Path dir = here.getParent(); // target/ beside target/classes or the job's jar
        File[] found = dir == null ? null : dir.toFile().listFiles((d, n) -> n.startsWith("hqd-spark-") && n.endsWith("-app.jar"));
        if (found == null || found.length == 0) {
            throw new ClusterException("找不到应用 jar hqd-spark-*-app.jar（在 " + dir + "）：集群的执行器要从它加载 HQD 的类；"
                    + "请先构建（mvn -B -pl hqd-spark -am package -DskipTests；./hqd spark 会自动构建）或用 --app-jar 指定");
        }
        return found[0].getAbsolutePath();
    }

    private static Path codeSource() {
        try {
            return Path.of(AppJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
