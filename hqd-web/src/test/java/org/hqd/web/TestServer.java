package org.hqd.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hqd.store.DataDirectory;

/**
 * A server for tests on its own copy of the {@link TestProvince} (a small generated province with standards, a DIP
 * catalogue and one user per role) in a temporary folder, on a free port of the loopback. What a test changes stays in
 * its copy.
 */
final class TestServer implements AutoCloseable {
    static final String PASSWORD = TestProvince.PASSWORD;
    /** H0001 is a hospital user's own hospital; H0002 is another hospital. */
    static final String OWN = TestProvince.OWN;

    /** The password of every test user, as the account stores take it. */
    static char[] pw() {
        return PASSWORD.toCharArray();
    }
    static final String OTHER = "H0002";

    final DataDirectory dir;
    final WebServer server;
    final String department;
    final HttpClient http = HttpClient.newHttpClient();

    TestServer(Path tmp, Clock clock) throws IOException {
        this(tmp, clock, d -> { });
    }

    /** A server whose store {@code change} alters after the copy of the test province, before the server starts. */
    TestServer(Path tmp, Clock clock, java.util.function.Consumer<DataDirectory> change) throws IOException {
        Path data = tmp.resolve("data");
        TestProvince.copyTo(data);
        dir = DataDirectory.openForWriting(data);
        department = firstDepartment(dir, OWN);
        change.accept(dir);
        server = WebServer.start(org.hqd.app.Workspace.of(dir), "127.0.0.1", 0, clock);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A logged-in client: its session cookie and CSRF token. */
    record Session(String cookie, String csrf) {
        /** The session {@code name}'s login answer starts; a failed login fails here. */
        static Session of(String name, HttpResponse<String> login) {
            if (login.statusCode() != 200) {
                throw new IllegalStateException("login of " + name + " failed: " + login.statusCode() + " "
                        + login.body());
            }
            return new Session(login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                    login.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1"));
        }
    }

    Session login(String name) {
        return Session.of(name, send(HttpRequest.newBuilder(URI.create(base() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build()));
    }

    HttpResponse<String> get(Session s, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (s != null) {
            b.header("Cookie", s.cookie());
        }
        return send(b.build());
    }

    HttpResponse<String> post(Session s, String path, String json, boolean withCsrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (s != null) {
            b.header("Cookie", s.cookie());
            if (withCsrf) {
                b.header("X-CSRF-Token", s.csrf());
            }
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** A request's answer as text; an interrupted or failed exchange fails unchecked. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The department of a hospital with the most cases (the first by name of equals). */
    static String firstDepartment(DataDirectory dir, String hospital) {
        return single(dir, "SELECT department FROM case_records WHERE hospital_id = '" + hospital
                + "' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
    }

    /** The text of every cell of a workbook, sheet by sheet: the sheet's name on a line, then its rows, cells tab-separated. */
    static String cells(byte[] xlsx) throws IOException {
        StringBuilder out = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                out.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    for (Cell c : row) {
                        out.append(c.toString()).append('\t');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    static String single(DataDirectory dir, String sql) {
        try (var s = dir.connection().createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        dir.close();
    }
}
