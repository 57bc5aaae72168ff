package org.hqd.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link Submission} through spark-submit and waits for it: the cluster's own ({@code $SPARK_HOME/bin/spark-submit},
 * which YARN and Kubernetes need), or, for a standalone master, spark-submit's main class from the Spark jars HQD
 * bundles, in a JVM of its own (it ends its JVM when the submission ends).
 *
 * <p>In standalone cluster deploy mode spark-submit exits with 0 however the driver ended and only logs the driver's
 * last state; that state is read from its output and becomes the exit code.
 */
final class SubmitLauncher {
    private static final Pattern DRIVER_STATE = Pattern.compile("State of (?:driver )?(driver-\\S+) is (\\w+)");

    private SubmitLauncher() { }

    /** The command that runs the submission here, if there is one. */
    static Optional<List<String>> command(Submission s, MasterKind kind, Optional<String> sparkHome) {
        List<String> cmd = new ArrayList<>();
        Optional<Path> submit = sparkHome.map(h -> Path.of(h, "bin", "spark-submit")).filter(Files::isExecutable);
        if (submit.isPresent()) {
            cmd.add(submit.get().toString());
        } else if (kind == MasterKind.STANDALONE) {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(Arrays.asList(JvmOpens.options().split("\\s+")));
            cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.apache.spark.deploy.SparkSubmit"));
        } else {
            return Optional.empty();
        }
        cmd.addAll(s.arguments());
        return Optional.of(cmd);
    }

    static int run(Submission s, MasterKind kind, PrintStream err) throws IOException, InterruptedException {
        Optional<String> home = Optional.ofNullable(System.getenv("SPARK_HOME")).filter(h -> !h.isBlank());
        List<String> cmd = command(s, kind, home).orElseThrow(() -> new ClusterException("master " + s.master()
                + " 要用集群自己的 Spark 客户端提交（" + (kind == MasterKind.YARN ? "YARN 需要 spark-yarn 和 HADOOP_CONF_DIR"
                : "Kubernetes 需要 spark-kubernetes 和含应用 jar 的镜像") + "）：请把 SPARK_HOME 设为集群的 Spark 4.0（Scala 2.13）"
                + "安装目录后重试，或在集群的客户端机器上运行：\n" + s.render("spark-submit")));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        AtomicReference<String[]> last = new AtomicReference<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                err.println(line);
                Matcher m = DRIVER_STATE.matcher(line);
                if (m.find()) {
                    last.set(new String[] {m.group(1), m.group(2)});
                }
            }
            int code = p.waitFor();
            String[] state = last.get();
            if (code == 0 && state != null && !state[1].equals("FINISHED") && !state[1].equals("RUNNING")) {
                err.println("错误：集群上的驱动程序 " + state[0] + " 结束于 " + state[1] + "：它的输出在运行它的 worker 的工作目录 "
                        + state[0] + "/stderr 中（也可在 master 的网页上查看）");
                return 1;
            }
            return code;
        } finally {
            p.destroy();
        }
    }
}
