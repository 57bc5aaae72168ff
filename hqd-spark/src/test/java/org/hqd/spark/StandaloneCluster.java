package org.hqd.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on this machine for tests: one master and one worker, each in its own JVM, started from
 * the Spark jars the build bundles ({@code hqd-spark/target/lib} without HQD's own jars and the libraries only HQD
 * uses, so the executors get HQD's classes only from the shipped application jar), on ports the system picks, bound to
 * the loopback address. {@link #close()} stops both and every JVM they started (executors, drivers).
 */
final class StandaloneCluster implements AutoCloseable {
    /** Jars of target/lib that a Spark distribution does not have: HQD's own and what only HQD uses. */
    private static final Pattern NOT_SPARK = Pattern.compile("(hqd-|picocli-|jspecify-|poi-|SparseBitSet-|xmlbeans-|curvesapi-).*");
    private static final Duration START = Duration.ofMinutes(4);

    final Path sparkHome;
    final Path work;
    private final List<ProcessHandle> started = new ArrayList<>();
    private final Path logs;
    private Process master;
    private Process worker;
    private String url = "";
    private String ui = "";

    private StandaloneCluster(Path root) {
        this.sparkHome = root.resolve("spark-home");
        this.work = root.resolve("work");
        this.logs = root.resolve("logs");
    }

    /** Starts the master and a worker with {@code cores} cores and {@code memory} for executors and drivers. */
    static StandaloneCluster start(Path root, Path lib, int cores, String memory) throws IOException, InterruptedException {
        StandaloneCluster c = new StandaloneCluster(root);
        try {
            c.layOut(lib);
            c.master = c.daemon("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0"));
            c.url = c.await("master", Pattern.compile("Starting Spark master at (spark://\\S+)"));
            c.ui = "http://127.0.0.1:" + c.await("master", Pattern.compile("service 'MasterUI' on port (\\d+)"));
            c.await("master", Pattern.compile("(I have been elected leader)"));
            c.worker = c.daemon("worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0", "--cores", String.valueOf(cores), "--memory", memory, "--work-dir", c.work.toString(), c.url));
            c.await("master", Pattern.compile("(Registering worker)"));
            return c;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    /** A SPARK_HOME as a worker needs it: {@code jars/} (links to Spark's jars) and a {@code RELEASE} file. */
    private void layOut(Path lib) throws IOException {
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.createDirectories(work);
        Files.createDirectories(logs);
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.toList()) {
                if (!NOT_SPARK.matcher(jar.getFileName().toString()).matches()) {
                    Files.createSymbolicLink(sparkHome.resolve("jars").resolve(jar.getFileName()), jar.toAbsolutePath());
                }
            }
        }
        Files.writeString(sparkHome.resolve("RELEASE"), "Spark 4.0.1 (Scala 2.13) from HQD's build, for tests\n");
    }

    String url() {
        return url;
    }

    String ui() {
        return ui;
    }

    /** The environment every JVM of the cluster (and a driver on this machine) runs with. */
    Map<String, String> environment() {
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** A JVM with Spark's jars on the class path and the openings Spark needs. */
    List<String> java(String heap) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap));
        cmd.addAll(List.of(System.getProperty("hqd.spark.opens").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*"));
        return cmd;
    }

    private Process daemon(String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = java("-Xmx256m");
        cmd.addAll(mainAndArgs);
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        b.environment().putAll(environment());
        Process p = b.start();
        started.add(p.toHandle());
        return p;
    }

    /** Waits until a daemon's log has a line matching {@code p}; its first group. */
    private String await(String name, Pattern p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        Path log = logs.resolve(name + ".log");
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = p.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) {
                    return m.group(1);
                }
            }
            if (!master.isAlive() || worker != null && !worker.isAlive()) {
                throw new IllegalStateException(name + " stopped:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not log " + p + " within " + START + ":\n" + Files.readString(log));
    }

    /** Stops the worker, the master and everything they started; forcibly after 20 s. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle h : started) {
            h.descendants().forEach(all::add);
            all.add(h);
        }
        all.forEach(ProcessHandle::destroy);
        Processes.awaitOrKill(all, Duration.ofSeconds(20));
    }
}
