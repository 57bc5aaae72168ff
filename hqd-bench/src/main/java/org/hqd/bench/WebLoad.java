package org.hqd.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test of a running {@code hqd serve}: {@code users} virtual users log in and browse for
 * {@code seconds} (logins happen before the clock starts); each is a hospital's manager who looks, with a think time of 0.5–1.5 s, at the unit metrics
 * of its hospital — departments and physicians, over the last month, the last quarter and the whole period, in
 * random order. Prints the count, errors and latency percentiles of the unit-metrics requests.
 *
 * <pre>java -cp hqd-bench/target/hqd-bench.jar org.hqd.bench.WebLoad http://127.0.0.1:8081 user password 50 60 2025-12</pre>
 */
public final class WebLoad {
    private WebLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        int users = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String lastMonth = args[5]; // YYYY-MM
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        // everyone logs in first (the password hash is slow on purpose); the clock starts after
        List<String> cookies = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            cookies.add(login(http, base, user, password));
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String hospital = String.format("H%04d", u + 1);
            long seed = u;
            String cookie = cookies.get(u);
            running.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<String> views = views(hospital, lastMonth);
                while (System.nanoTime() < end) {
                    String path = views.get(random.nextInt(views.size()));
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Cookie", cookie).timeout(Duration.ofSeconds(60)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t);
                    if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                    Thread.sleep(500 + random.nextInt(1000));
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests %d, errors %d, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", sorted.size(),
                errors.get(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0));
    }

    private static List<String> views(String hospital, String lastMonth) {
        int y = Integer.parseInt(lastMonth.substring(0, 4));
        int m = Integer.parseInt(lastMonth.substring(5, 7));
        String monthStart = lastMonth + "-01";
        String monthEnd = java.time.YearMonth.of(y, m).atEndOfMonth().toString();
        String quarterStart = java.time.YearMonth.of(y, m).minusMonths(2).atDay(1).toString();
        List<String> out = new ArrayList<>();
        for (String by : List.of("department", "physician")) {
            out.add("/api/metrics?by=" + by + "&hospital=" + hospital + "&from=" + monthStart + "&to=" + monthEnd);
            out.add("/api/metrics?by=" + by + "&hospital=" + hospital + "&from=" + quarterStart + "&to=" + monthEnd);
            out.add("/api/metrics?by=" + by + "&hospital=" + hospital);
        }
        return out;
    }

    private static String login(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
