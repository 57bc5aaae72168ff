package org.hqd.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A spark-submit of the province job: the one definition behind {@code hqd spark submit-args} (printed) and
 * {@code hqd spark run} where it goes through spark-submit (run).
 *
 * @param confs Spark settings; the usual ones are written as spark-submit's own options
 * @param jobArgs the job's options ({@code --input …}), after {@code run}
 */
record Submission(String master, DeployMode mode, String appJar, Map<String, String> confs, List<String> jobArgs) {
    private static final Map<String, String> FLAGS = Map.of("spark.driver.memory", "--driver-memory",
            "spark.executor.memory", "--executor-memory", "spark.executor.cores", "--executor-cores",
            "spark.executor.instances", "--num-executors", "spark.cores.max", "--total-executor-cores");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    Submission {
        confs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(confs));
        jobArgs = List.copyOf(jobArgs);
    }

    /** spark-submit's arguments, one group per printed line. */
    List<List<String>> lines() {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("--class", SparkMain.class.getName()));
        lines.add(List.of("--master", master, "--deploy-mode", mode.word()));
        confs.forEach((k, v) -> lines.add(FLAGS.containsKey(k) ? List.of(FLAGS.get(k), v) : List.of("--conf", k + "=" + v)));
        lines.add(List.of(appJar));
        List<String> run = new ArrayList<>(List.of("run"));
        run.addAll(jobArgs);
        lines.add(run);
        return lines;
    }

    List<String> arguments() {
        return lines().stream().flatMap(List::stream).toList();
    }

    /** The command as a shell takes it, one group per line. */
    String render(String program) {
        StringBuilder b = new StringBuilder(program);
        for (List<String> line : lines()) {
            b.append(" \\\n  ");
            b.append(String.join(" ", line.stream().map(Submission::quote).toList()));
        }
        return b.toString();
    }

    static String quote(String token) {
        return PLAIN.matcher(token).matches() ? token : "'" + token.replace("'", "'\\''") + "'";
    }
}
