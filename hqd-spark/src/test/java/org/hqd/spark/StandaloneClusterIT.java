package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job on a real standalone cluster (a master and a worker in JVMs of their own, executors started by the worker
 * in theirs, from the Spark jars of the build without HQD's classes), run as a user runs it — {@code spark run} with
 * the built jars, reading its input from and writing its tables to an S3-compatible object store through
 * {@code s3a://} (S3Proxy on this machine, the settings docs/spark.md lists, the connector in the cluster's jars as
 * docs/spark.md says to install it), and the spark-submit command {@code spark submit-args} prints, in cluster deploy
 * mode, on local files — and both results compared with the embedded path on the same province (4 hospitals, 3,000
 * discharges; {@link Equivalence}).
 */
final class StandaloneClusterIT {
    /** A safety net against a hang, not a timing: on an idle 2-core machine a job takes about a minute. */
    private static final Duration JOB = Duration.ofMinutes(30);

    @TempDir
    static Path tmp;

    static Path target = Path.of(System.getProperty("hqd.spark.target", "target"));
    static EmbeddedProvince province;
    static S3Server s3;
    static SparkSession reader;
    static StandaloneCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        province = EmbeddedProvince.create(tmp.resolve("province"), 4, 3_000, 17);
        s3 = S3Server.start(tmp.resolve("s3"), Path.of(System.getProperty("hqd.s3proxy.jar")), "province");
        s3.upload(province.source(), "province", "2024/");
        SparkSession.Builder b = CasemixJob.configure(SparkSession.builder().master("local[1]").appName("reader"));
        s3.sparkSettings().forEach(b::config);
        reader = b.getOrCreate();
        reader.sparkContext().setLogLevel("ERROR");
        // one worker with two cores; its memory is what it lets executors and drivers ask for. Both tests use it, one
        // after the other: a job's executors leave with its driver, and a job that finds the worker still busy waits
        // for it (--executor-wait).
        cluster = StandaloneCluster.start(tmp.resolve("cluster"), target.resolve("lib"), 2, "1536m");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (reader != null) {
            reader.stop();
        }
        if (s3 != null) {
            s3.close();
        }
        if (province != null) {
            province.close();
        }
    }

    @Test
    void sparkRun_onAStandaloneMaster_shipsTheAppJarToExecutorsOfTheirOwn_readsAndWritesS3a_andMatchesTheEmbeddedPath()
            throws Exception {
        runOn(cluster);
    }

    private static void runOn(StandaloneCluster cluster) throws Exception {
        try (Stream<Path> jars = Files.list(cluster.sparkHome.resolve("jars"))) {
            assertThat(jars.map(j -> j.getFileName().toString())).isNotEmpty().noneMatch(n -> n.startsWith("hqd-"));
        }
        String output = "s3a://province/results/2024/";
        List<String> cmd = cluster.java("-Xmx768m");
        cmd.add(1, "-Dhqd.spark.timing=true");
        cmd.set(cmd.indexOf("-cp") + 1, jobJar() + ":" + target.resolve("lib") + "/*");
        // a loaded machine can take minutes to start an executor JVM
        cmd.addAll(List.of("org.hqd.spark.SparkMain", "run", "--master", cluster.url(), "--master-ui", cluster.ui(),
                "--executor-wait", "1200", "--input", "s3a://province/2024/", "--output", output));
        s3.sparkSettings().forEach((k, v) -> cmd.addAll(List.of("--conf", k + "=" + v)));
        Processes.Outcome o = Processes.run(cmd, cluster.environment(), tmp.resolve("run.log"), JOB);
        // where a cluster job's time goes, in the test report
        o.output().lines().filter(l -> l.startsWith("[hqd-spark]")).forEach(System.out::println);

        assertThat(o.exitCode()).as(o.output()).isZero();
        assertThat(o.output()).contains("执行器：2 核、1536m").contains("读取 3,002 行，质控拒收 2 行")
                .contains("cases → " + output + "cases");
        // the executor ran in a JVM the worker started, with the application jar fetched from the driver
        try (Stream<Path> files = Files.walk(cluster.work)) {
            assertThat(files.map(Path::toString)).anyMatch(p -> p.matches(".*/app-[^/]+/\\d+/hqd-spark-.*-app\\.jar"));
        }
        // the tables are objects of the server (S3Proxy keeps each object as a file under its bucket)
        try (Stream<Path> files = Files.walk(s3.root.resolve("province/results/2024/cases"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".parquet"));
        }
        // written through the S3A magic committer (its _SUCCESS is a JSON manifest naming it; the classic committer's is
        // empty), so each file was uploaded once instead of copied by two renames
        assertThat(Files.readString(s3.root.resolve("province/results/2024/cases/_SUCCESS")))
                .containsPattern("\"committer\"\\s*:\\s*\"magic\"");
        new Equivalence(province, name -> reader.read().parquet(output + name).collectAsList()).assertAll();
    }

    @Test
    void theSubmittedJar_inClusterDeployMode_runsTheDriverOnTheWorker_andMatchesTheEmbeddedPath() throws Exception {
        submitTo(cluster);
    }

    private static void submitTo(StandaloneCluster cluster) throws Exception {
        Path out = tmp.resolve("out-submit");
        StringWriter printed = new StringWriter();
        CommandLine submitArgs = SparkMain.commandLine();
        submitArgs.setOut(new PrintWriter(printed));
        submitArgs.setErr(new PrintWriter(new StringWriter()));
        int code = submitArgs.execute("submit-args", "--master", cluster.url(), "--master-ui", cluster.ui(),
                "--deploy-mode", "cluster", "--driver-memory", "512m", "--executor-wait", "1200", "--input", province.source().toString(),
                "--output", out.toString());
        assertThat(code).isZero();
        // sized to fit: the single worker's two cores and 1536 MB less the driver's core and 512 MB
        assertThat(printed.toString()).contains("--deploy-mode cluster").contains("--executor-cores 1")
                .contains("--executor-memory 1024m").contains("--driver-memory 512m");

        // the printed command with spark-submit's main class from the cluster's jars, as bin/spark-submit runs it
        List<String> words = SubmissionTest.shellWords(printed.toString());
        assertThat(words.get(0)).isEqualTo("spark-submit");
        List<String> cmd = new ArrayList<>(cluster.java("-Xmx256m"));
        cmd.add("org.apache.spark.deploy.SparkSubmit");
        cmd.addAll(words.subList(1, words.size()));
        Processes.Outcome o = Processes.run(cmd, cluster.environment(), tmp.resolve("submit.log"), JOB);

        assertThat(o.exitCode()).as(o.output()).isZero();
        assertThat(o.output()).containsPattern("State of driver driver-\\S+ is FINISHED");
        try (Stream<Path> dirs = Files.list(cluster.work)) {
            assertThat(dirs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("driver-"));
        }
        new Equivalence(province, name -> table(out, name)).assertAll();
    }

    static List<Row> table(Path output, String name) {
        return reader.read().parquet(output.resolve(name).toString()).collectAsList();
    }

    static Path jobJar() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("hqd-spark-[^/]*\\d(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no hqd-spark jar in " + target));
        }
    }
}
