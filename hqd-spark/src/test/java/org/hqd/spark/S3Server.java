package org.hqd.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * An S3-compatible server for tests: S3Proxy (Maven Central, {@code org.gaul:s3proxy}, jar with dependencies) in a JVM
 * of its own, storing objects as files under {@code root/<bucket>/<key>}, on a free loopback port, with signed requests
 * (AWS signature v2 or v4) for one access key. {@link #close()} stops it.
 */
final class S3Server implements AutoCloseable {
    static final String ACCESS_KEY = "hqd-test";
    static final String SECRET_KEY = "hqd-test-secret";

    final Path root;
    final String endpoint;
    private final Process process;

    private S3Server(Path root, String endpoint, Process process) {
        this.root = root;
        this.endpoint = endpoint;
        this.process = process;
    }

    /** Starts the server with the given buckets (empty). */
    static S3Server start(Path dir, Path jar, String... buckets) throws IOException, InterruptedException {
        Path root = Files.createDirectories(dir.resolve("objects"));
        for (String b : buckets) {
            Files.createDirectories(root.resolve(b));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY, "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + root, "jclouds.identity=" + ACCESS_KEY, "jclouds.credential=" + SECRET_KEY, ""));
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "--properties", conf.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
        S3Server server = new S3Server(root, endpoint, p);
        try {
            server.awaitListening(Duration.ofMinutes(3));
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void awaitListening(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy stopped: " + Files.readString(root.resolveSibling("s3proxy.log")));
            }
            try {
                // any answer (403 for an unsigned request) means it listens
                http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("S3Proxy did not answer on " + endpoint + " within " + limit);
    }

    /** The Spark settings (spark.hadoop.fs.s3a.*) that point s3a:// at this server, as docs/spark.md lists them. */
    Map<String, String> sparkSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.hadoop.fs.s3a.endpoint", endpoint);
        s.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        s.put("spark.hadoop.fs.s3a.path.style.access", "true");
        s.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        s.put("spark.hadoop.fs.s3a.access.key", ACCESS_KEY);
        s.put("spark.hadoop.fs.s3a.secret.key", SECRET_KEY);
        return s;
    }

    /**
     * Puts the files of {@code dir} into the bucket under {@code prefix} through the S3A connector's output stream, as a
     * data team would upload them (the connector's copyFromLocalFile is refused by S3Proxy: docs/spark.md).
     */
    void upload(Path dir, String bucket, String prefix) throws IOException {
        Configuration hadoop = new Configuration();
        sparkSettings().forEach((k, v) -> hadoop.set(k.substring("spark.hadoop.".length()), v));
        try (FileSystem fs = FileSystem.newInstance(URI.create("s3a://" + bucket + "/"), hadoop);
             Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                try (OutputStream o = fs.create(new org.apache.hadoop.fs.Path("s3a://" + bucket + "/" + prefix + f.getFileName()))) {
                    Files.copy(f, o);
                }
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        Processes.awaitOrKill(List.of(process.toHandle()), Duration.ofSeconds(10));
    }
}
