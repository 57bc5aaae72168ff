package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bounds a request: the headers every response carries, the size of bodies, costly requests in number (a
 * burst is told to retry, never answered with a failure), exports that stream, and plan texts in length.
 */
final class WebLimitsTest {
    @TempDir
    static Path tmp;
    private static EmptyServer server;
    private static TestServer.Session admin;

    @BeforeAll
    static void start() {
        server = new EmptyServer(tmp.resolve("data"), Clock.systemUTC(), WebServer.Settings.of("127.0.0.1", 0));
        for (int i = 1; i <= 5; i++) {
            server.addUser("clerk" + i);
        }
        admin = server.session("admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A table of {@code rows} rows of eight cells, text and numbers (about 62 bytes a row). */
    private static String table(int rows) {
        StringBuilder b = new StringBuilder("{\"title\":\"科室绩效\",\"header\":[\"科室\",\"病例数\",\"CMI\",\"a\",\"b\",\"c\",\"d\",\"e\"],"
                + "\"rows\":[");
        for (int r = 0; r < rows; r++) {
            b.append(r == 0 ? "" : ",").append("[\"心血管内科").append(r).append("\",").append(r)
                    .append(",1.0234,\"=1+1\",-5,null,\"@SUM(A1)\",12345.678]");
        }
        return b.append("]}").toString();
    }

    private static HttpResponse<byte[]> export(TestServer.Session s, String body) {
        try {
            return server.http.send(server.request("/api/export").header("Cookie", s.cookie())
                    .header("X-CSRF-Token", s.csrf()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyResponse_carriesTheSecurityHeaders() {
        for (String path : List.of("/login.html", "/index.html", "/", "/app.js", "/login.js", "/app.css",
                "/api/session", "/api/info", "/openapi.json", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/nope")) {
            HttpResponse<String> r = server.send(server.request(path).GET().build());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).contains(SecurityHeaders.CSP);
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            boolean data = path.startsWith("/api/") || path.endsWith(".html") || path.equals("/") || path.endsWith(".json");
            if (!path.startsWith("/webjars/")) { // ECharts of a fixed version may be cached for long
                assertThat(r.headers().firstValue("Cache-Control")).as(path).contains(data ? "no-store" : "no-cache");
            }
        }
        assertThat(SecurityHeaders.CSP).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src[^;]*unsafe-inline");
        // a logged-in API answer is not kept by caches either
        assertThat(server.get(admin, "/api/session").headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void anExport_streamsTheTable_numbersAsNumbersAndFormulasAsText() throws Exception {
        HttpResponse<byte[]> r = export(admin, table(3_000));
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isEqualTo(3_000);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("科室");
            assertThat(s.getRow(2999).getCell(0).getStringCellValue()).isEqualTo("心血管内科2998");
            assertThat(s.getRow(2999).getCell(1).getNumericCellValue()).isEqualTo(2998);
            assertThat(s.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(1).getCell(3).getStringCellValue()).isEqualTo("=1+1");
            assertThat(s.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(-5);
            assertThat(s.getRow(1).getCell(5)).isNull();
            assertThat(s.getRow(1).getCell(6).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void concurrentLargeExports_areServedOrToldToRetry_neverFailed() throws Exception {
        // the attack of the report: 800 KB bodies at once, here from six users (two may run, the rest wait or retry)
        String body = table(13_000);
        assertThat(body.length()).isBetween(780_000, 1_000_000);
        List<TestServer.Session> users = new ArrayList<>(List.of(admin, server.session("hosp")));
        for (int i = 1; i <= 4; i++) {
            users.add(server.session("clerk" + i));
        }
        List<CompletableFuture<HttpResponse<byte[]>>> answers = users.stream()
                .map(u -> CompletableFuture.supplyAsync(() -> export(u, body))).toList();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<byte[]>> f : answers) {
            HttpResponse<byte[]> r = f.get();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 503) {
                assertThat(r.headers().firstValue("Retry-After")).contains("5");
                assertThat(text(r)).contains("服务器正忙");
            } else {
                assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
                    assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(13_000);
                }
            }
        }
        assertThat(statuses.getOrDefault(200, 0)).as(statuses.toString()).isGreaterThanOrEqualTo(2);
        // four of one user at once: one runs, the others are told to wait for it (or run after it)
        List<CompletableFuture<HttpResponse<byte[]>>> same = List.of(1, 2, 3, 4).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> export(admin, body))).toList();
        for (CompletableFuture<HttpResponse<byte[]>> f : same) {
            assertThat(f.get().statusCode()).isIn(200, 429);
        }
        assertThat(server.get(admin, "/api/session").statusCode()).isEqualTo(200);
    }

    @Test
    void anExportWhenEveryPermitIsTaken_is503WithRetryAfter() throws Exception {
        Semaphore permits = server.server.heavy().permits(HeavyRequests.Kind.EXPORT);
        permits.acquire(HeavyRequests.Kind.EXPORT.permits);
        try {
            HttpResponse<byte[]> r = export(admin, table(10));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("5");
            assertThat(text(r)).contains("服务器正忙（同时进行的导出请求已达上限），请 5 秒后重试");
        } finally {
            permits.release(HeavyRequests.Kind.EXPORT.permits);
        }
        assertThat(export(admin, table(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void aComplianceScreenWhenEveryPermitIsTaken_is503WithRetryAfter_andRunsWhenOneIsFree() throws Exception {
        Semaphore permits = server.server.heavy().permits(HeavyRequests.Kind.SCREENING);
        permits.acquire(HeavyRequests.Kind.SCREENING.permits);
        try {
            HttpResponse<String> r = server.get(admin, "/api/compliance");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("5");
            assertThat(r.body()).contains("服务器正忙（同时进行的医保审核请求已达上限），请 5 秒后重试");
        } finally {
            permits.release(HeavyRequests.Kind.SCREENING.permits);
        }
        // with a permit free the screen runs: on this empty store it says what is missing
        HttpResponse<String> ran = server.get(admin, "/api/compliance");
        assertThat(ran.statusCode()).isEqualTo(400);
        assertThat(ran.body()).contains("还没有病组权重");
    }

    @Test
    void aSecondExportOfAUserWhileTheFirstRuns_is429() throws Exception {
        TestServer.Session clerk = server.session("clerk5");
        Semaphore permits = server.server.heavy().permits(HeavyRequests.Kind.EXPORT);
        permits.acquire(HeavyRequests.Kind.EXPORT.permits);
        CompletableFuture<HttpResponse<byte[]>> first;
        try {
            first = CompletableFuture.supplyAsync(() -> export(clerk, table(10)));
            while (permits.getQueueLength() == 0) {
                Thread.sleep(10);
            }
            HttpResponse<byte[]> second = export(clerk, table(10));
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).contains("5");
            assertThat(text(second)).contains("您的上一个导出请求尚未完成");
        } finally {
            permits.release(HeavyRequests.Kind.EXPORT.permits);
        }
        assertThat(first.get().statusCode()).isIn(200, 503);
    }

    @Test
    void aBodyOverOneMegabyte_is413_withOrWithoutItsLength() throws Exception {
        String big = table(18_000);
        assertThat(big.length()).isGreaterThan(1 << 20);
        HttpResponse<byte[]> declared = export(admin, big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(text(declared)).contains("请求体过大（最大 1 MB）");
        HttpResponse<String> chunked = server.send(server.request("/api/export").header("Cookie", admin.cookie())
                .header("X-CSRF-Token", admin.csrf()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build());
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    @Test
    void aPlanTextOverTheLimit_is413InChinese() {
        String text = "某市实施方案\\n（一）任务。" + "甲".repeat(LedgerApi.MAX_PLAN_CHARS);
        HttpResponse<String> r = server.post(admin, "/api/ledger/extract", "{\"name\":\"长方案.txt\",\"text\":\"" + text + "\"}");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("方案文本过长（" + (text.length() - 1) + " 个字符，上限 100000）");
        // at the limit a plan is read
        String fits = "某市实施方案\\n（一）任务达到90%。（医务部负责）\\n" + "甲".repeat(LedgerApi.MAX_PLAN_CHARS - 40);
        HttpResponse<String> ok = server.post(admin, "/api/ledger/extract", "{\"name\":\"方案.txt\",\"text\":\"" + fits + "\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }
}
