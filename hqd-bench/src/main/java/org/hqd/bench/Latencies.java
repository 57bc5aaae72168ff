package org.hqd.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and errors of a load test, by endpoint; thread-safe. */
final class Latencies {
    private final Map<String, List<Long>> byEndpoint = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final List<String> firstErrors = new ArrayList<>();

    synchronized void add(String endpoint, long nanos, int status, String path) {
        byEndpoint.computeIfAbsent(endpoint, k -> new ArrayList<>()).add(nanos);
        if (status != 200) {
            errors.merge(endpoint, 1, Integer::sum);
            if (firstErrors.size() < 10) {
                firstErrors.add(status + " " + path);
            }
        }
    }

    /** A Markdown table: one row per endpoint, then all requests; the first errors below it. */
    synchronized String table() {
        StringBuilder out = new StringBuilder("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|\n");
        List<Long> all = new ArrayList<>();
        int allErrors = 0;
        for (Map.Entry<String, List<Long>> e : byEndpoint.entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            all.addAll(sorted);
            int err = errors.getOrDefault(e.getKey(), 0);
            allErrors += err;
            out.append(row(e.getKey(), sorted, err));
        }
        Collections.sort(all);
        out.append(row("**all**", all, allErrors));
        firstErrors.forEach(x -> out.append("error: ").append(x).append('\n'));
        return out.toString();
    }

    private static String row(String name, List<Long> sorted, int errors) {
        return String.format("| %s | %d | %d | %.0f | %.0f | %.0f | %.0f |%n", name, sorted.size(), errors,
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
