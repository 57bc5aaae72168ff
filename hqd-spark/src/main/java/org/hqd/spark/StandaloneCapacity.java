package org.hqd.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * What the alive workers of a standalone master offer, read from the master's status page ({@code /json/} of its web
 * UI, port 8080 unless the cluster set another): the executor sizes are derived from it so that they fit.
 *
 * @param workers    alive workers
 * @param cores      the cores of the smallest worker
 * @param memoryMb   the memory of the smallest worker (what it gives to executors and drivers), MB
 */
record StandaloneCapacity(int workers, int cores, long memoryMb) {
    /** The status page of a master: the given UI address, or port 8080 of the (first) master host. */
    static URI statusPage(String master, Optional<String> ui) {
        String base = ui.orElseGet(() -> {
            String hostPort = master.substring("spark://".length()).split(",")[0];
            int colon = hostPort.lastIndexOf(':');
            return "http://" + (colon > 0 ? hostPort.substring(0, colon) : hostPort) + ":8080";
        });
        return URI.create(base.endsWith("/") ? base + "json/" : base + "/json/");
    }

    /** The capacity the status page reports, or an explanation of why it could not be read. */
    static Result read(URI page) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return new Result(Optional.empty(), page + " 返回 HTTP " + r.statusCode());
            }
            return parse(new ObjectMapper().readTree(r.body()), page);
        } catch (IOException | IllegalArgumentException e) {
            return new Result(Optional.empty(), "读不到 " + page + "（" + e.getMessage() + "）");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Optional.empty(), "读取 " + page + " 时被中断");
        }
    }

    static Result parse(JsonNode status, URI page) {
        int workers = 0;
        int cores = Integer.MAX_VALUE;
        long memory = Long.MAX_VALUE;
        for (JsonNode w : status.path("workers")) {
            if ("ALIVE".equals(w.path("state").asText())) {
                workers++;
                cores = Math.min(cores, w.path("cores").asInt());
                memory = Math.min(memory, w.path("memory").asLong());
            }
        }
        if (workers == 0) {
            return new Result(Optional.empty(), page + " 显示没有在线的 worker");
        }
        return new Result(Optional.of(new StandaloneCapacity(workers, cores, memory)), "");
    }

    /** A capacity, or why there is none. */
    record Result(Optional<StandaloneCapacity> capacity, String problem) { }
}
