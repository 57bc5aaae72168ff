package org.hqd.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded load test of a running {@code hqd serve}: {@code users} virtual users log in (before the clock starts)
 * and browse for {@code seconds}. User {@code u} is the manager of hospital {@code H000u} (hospitals taken in turn)
 * who opens the pages of the web application at random — overview, comparison, DRGs, departments, physicians,
 * 病组盈亏, outliers, data quality, payment, evaluation, ranking, DIP, ledger, budget execution, cost accounting
 * ({@link WebLoadMix}) — each page's API requests one after the other as the browser asks them, then thinks for
 * 0.5–1.5 s. Prints count, errors and latency percentiles per endpoint and overall ({@link Latencies}). Before the
 * clock starts every endpoint is tried once for H0001; one that does not answer 200 (its data is not in the store) is
 * left out with its page, and said.
 *
 * <pre>java -cp hqd-bench/target/hqd-bench.jar org.hqd.bench.WebLoad http://127.0.0.1:8081 user password 50 60</pre>
 *
 * The user must see every hospital (an admin or a province's regulator); a sixth argument {@code YYYY-MM} overrides
 * the last month of the data (by default the server's {@code /api/info}).
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        // everyone logs in first (the password hash is slow on purpose); the clock starts after
        List<String> cookies = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            cookies.add(login(http, base, user, password));
        }
        String cookie0 = cookies.get(0);
        String lastMonth = args.length > 5 ? args[5] : field(get(http, base, "/api/info", cookie0).body(), "lastMonth");
        WebLoadMix.Store store = WebLoadMix.Store.of(lastMonth, body(http, base, "/api/budget/list", cookie0),
                body(http, base, "/api/costing/runs", cookie0), get(http, base, "/api/dip?by=hospital", cookie0)
                        .statusCode(), body(http, base, "/api/ledger/plans", cookie0));
        System.out.printf("store: last month %s, budgets %d (year %d), costed hospitals %d, DIP %s, ledger %s%n",
                lastMonth, store.budgetHospitals().size(), store.budgetYear(), store.costedHospitals().size(),
                store.dip(), store.ledger());
        // every endpoint tried once (for the first hospital): what the store cannot answer is left out, and said
        // -Dwebload.skip=compliance,ledger+plans: endpoints left out without trying them (names as in the report)
        java.util.Set<String> unavailable = new java.util.TreeSet<>();
        for (String skip : System.getProperty("webload.skip", "").split(",")) {
            if (!skip.isBlank()) {
                unavailable.add(skip.replace('+', ' ').trim());
                System.out.println("left out: " + skip.replace('+', ' ').trim() + " (asked)");
            }
        }
        for (List<WebLoadMix.Request> page : new WebLoadMix(store, java.util.Set.of()).pages("H0001", new Random(0))) {
            for (WebLoadMix.Request r : page) {
                if (unavailable.contains(r.endpoint())) {
                    continue;
                }
                long t = System.nanoTime();
                try {
                    HttpResponse<String> response = get(http, base, r.path(), cookie0);
                    if (response.statusCode() != 200) {
                        unavailable.add(r.endpoint());
                        System.out.printf("left out: %s (%d %s)%n", r.endpoint(), response.statusCode(),
                                response.body().substring(0, Math.min(120, response.body().length())));
                    }
                } catch (java.net.http.HttpTimeoutException e) {
                    unavailable.add(r.endpoint());
                    System.out.printf("left out: %s (no answer in 120 s)%n", r.endpoint());
                }
                System.out.printf("tried %s: %.0f ms%n", r.path(), (System.nanoTime() - t) / 1e6);
            }
        }
        WebLoadMix mix = new WebLoadMix(store, unavailable);
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String hospital = String.format("H%04d", u + 1);
            long seed = u;
            String cookie = cookies.get(u);
            running.add(pool.submit(() -> {
                Random random = new Random(seed);
                while (System.nanoTime() < end) {
                    List<List<WebLoadMix.Request>> pages = mix.pages(hospital, random);
                    for (WebLoadMix.Request r : pages.get(random.nextInt(pages.size()))) {
                        long t = System.nanoTime();
                        HttpResponse<String> response = get(http, base, r.path(), cookie);
                        latencies.add(r.endpoint(), System.nanoTime() - t, response.statusCode(), r.path());
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
        System.out.print(latencies.table());
    }

    private static HttpResponse<String> get(HttpClient http, String base, String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(HttpClient http, String base, String path, String cookie) throws Exception {
        HttpResponse<String> r = get(http, base, path, cookie);
        return r.statusCode() == 200 ? r.body() : "";
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find() || m.group(1).isEmpty()) {
            throw new IllegalStateException("/api/info has no " + name + ": is the store empty?");
        }
        return m.group(1);
    }

    private static String login(HttpClient http, String base, String user, String password) throws Exception {
        String json = "{\"name\":\"" + user + "\",\"password\":\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body() + " (user "
                    + URLEncoder.encode(user, StandardCharsets.UTF_8) + ")");
        }
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }
}
