package org.hqd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job reading its input from and writing its tables to an S3-compatible object store through {@code s3a://} (the
 * S3A connector of the build, an S3Proxy server on this machine), with the settings docs/spark.md lists, compared
 * with the embedded path on the same province (3 hospitals, 2,000 discharges; {@link Equivalence}).
 */
final class ObjectStoreIT {
    @TempDir
    static Path tmp;

    static EmbeddedProvince province;
    static S3Server s3;
    static SparkSession reader;

    @BeforeAll
    static void start() throws Exception {
        province = EmbeddedProvince.create(tmp.resolve("province"), 3, 2_000, 23);
        s3 = S3Server.start(tmp.resolve("s3"), Path.of(System.getProperty("hqd.s3proxy.jar")), "province");
        // the province's files put into the bucket as a data team would upload them
        Configuration hadoop = new Configuration();
        s3.sparkSettings().forEach((k, v) -> hadoop.set(k.substring("spark.hadoop.".length()), v));
        try (FileSystem fs = FileSystem.newInstance(java.net.URI.create("s3a://province/"), hadoop);
             Stream<Path> files = Files.list(province.source())) {
            for (Path f : files.toList()) {
                try (java.io.OutputStream o = fs.create(new org.apache.hadoop.fs.Path("s3a://province/2024/" + f.getFileName()))) {
                    Files.copy(f, o);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
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
    void sparkRun_readsAndWritesS3a_andMatchesTheEmbeddedPath() throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--master", "local[2]", "--input", "s3a://province/2024/",
                "--output", "s3a://province/results/2024/"));
        s3.sparkSettings().forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = SparkMain.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));

        assertThat(cmd.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("读取 2,002 行，质控拒收 2 行").contains("cases → s3a://province/results/2024/cases");
        // the tables are objects of the server (S3Proxy keeps each object as a file under its bucket)
        try (Stream<Path> files = Files.walk(s3.root.resolve("province/results/2024/cases"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".parquet"));
        }
        SparkSession.Builder b = CasemixJob.configure(SparkSession.builder().master("local[1]").appName("reader"));
        s3.sparkSettings().forEach(b::config);
        reader = b.getOrCreate();
        new Equivalence(province, ObjectStoreIT::table).assertAll();
    }

    static List<Row> table(String name) {
        return reader.read().parquet("s3a://province/results/2024/" + name).collectAsList();
    }
}
