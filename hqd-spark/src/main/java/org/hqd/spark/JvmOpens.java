package org.hqd.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JVM options Spark needs on Java 17 ({@code spark.jvm.opens} of hqd-spark/pom.xml, written into the jar). */
final class JvmOpens {
    private JvmOpens() { }

    static String options() {
        try (InputStream in = JvmOpens.class.getResourceAsStream("jvm-opens.txt")) {
            if (in == null) {
                throw new IllegalStateException("org/hqd/spark/jvm-opens.txt is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
