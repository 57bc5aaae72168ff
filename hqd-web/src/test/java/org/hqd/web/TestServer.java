package org.hqd.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.UserStore;
import org.hqd.store.importing.Importer;
import org.hqd.store.standards.StandardsStore;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticProvince;

/**
 * A server for tests: a small generated province (8 hospitals, 4,000 discharges, 3 months) imported into a temporary
 * data directory with standards computed, one user per role, the server on a free port of the loopback.
 * Passwords are hashed with few iterations so logins are fast.
 */
final class TestServer implements AutoCloseable {
    static final String PASSWORD = "test-password-123";
    /** H0001 is a hospital user's own hospital; H0002 is another hospital. */
    static final String OWN = "H0001";
    static final String OTHER = "H0002";

    final DataDirectory dir;
    final WebServer server;
    final String department;
    final HttpClient http = HttpClient.newHttpClient();

    TestServer(Path tmp, Clock clock) throws IOException {
        this(tmp, clock, d -> { });
    }

    /** A server whose store {@code change} alters after the import, before the server starts. */
    TestServer(Path tmp, Clock clock, java.util.function.Consumer<DataDirectory> change) throws IOException {
        Path source = tmp.resolve("src");
        SyntheticProvince.standard().writeTo(GeneratorSettings.of(8, 4_000, 3, 21), source);
        dir = DataDirectory.openForWriting(tmp.resolve("data"));
        Importer importer = new Importer(dir, RulePackCatalog.bundled(), QualityRuleCatalog.standard(),
                new Importer.Settings(StandardCharsets.UTF_8, 2, Optional.empty()));
        for (Path f : importer.inImportOrder(Importer.expand(List.of(source)))) {
            importer.importFile(f);
        }
        new StandardsStore(dir).ensureComputed(RulePackCatalog.DEFAULT_PACK);
        new org.hqd.store.dip.DipStore(dir).build(org.hqd.store.query.CaseFilter.ALL,
                org.hqd.casemix.dip.DipParameters.DEFAULTS,
                RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK).orProcedures()::containsKey);
        department = firstDepartment(dir, OWN);
        String city = regionOf(dir, OWN);
        PasswordHasher fast = new PasswordHasher(1_000, new SecureRandom());
        UserStore users = new UserStore(dir);
        users.add(new User("admin", Role.ADMIN, Optional.empty(), Optional.empty(), Optional.empty()), pw(), fast);
        users.add(new User("regulator", Role.REGULATOR, Optional.empty(), Optional.empty(), Optional.empty()), pw(), fast);
        users.add(new User("cityreg", Role.REGULATOR, Optional.empty(), Optional.empty(), Optional.of(city)), pw(), fast);
        users.add(new User("hosp", Role.HOSPITAL, Optional.of(OWN), Optional.empty(), Optional.empty()), pw(), fast);
        users.add(new User("dept", Role.DEPARTMENT, Optional.of(OWN), Optional.of(department), Optional.empty()), pw(), fast);
        change.accept(dir);
        server = WebServer.start(dir, "127.0.0.1", 0, clock);
    }

    static char[] pw() {
        return PASSWORD.toCharArray();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A logged-in client: its session cookie and CSRF token. */
    record Session(String cookie, String csrf) { }

    Session login(String name) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + name + " failed: " + r.statusCode() + " " + r.body());
        }
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = r.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
        return new Session(cookie, csrf);
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
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstDepartment(DataDirectory dir, String hospital) {
        return single(dir, "SELECT department FROM case_records WHERE hospital_id = '" + hospital
                + "' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
    }

    private static String regionOf(DataDirectory dir, String hospital) {
        return single(dir, "SELECT city_code FROM hospital_register WHERE hospital_id = '" + hospital + "'");
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
