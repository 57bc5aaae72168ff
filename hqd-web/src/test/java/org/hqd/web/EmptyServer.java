package org.hqd.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.UserStore;

/**
 * A server over a data directory without cases, for the tests of what does not need data (logins, accounts, limits,
 * headers): users {@code admin} and {@code hosp} (hospital H0001) with {@link TestServer#PASSWORD}.
 */
final class EmptyServer implements AutoCloseable {
    final DataDirectory dir;
    final WebServer server;
    final HttpClient http = HttpClient.newHttpClient();

    EmptyServer(Path tmp, Clock clock, WebServer.Settings settings) {
        dir = DataDirectory.openForWriting(tmp);
        PasswordHasher fast = new PasswordHasher(1_000, new SecureRandom());
        UserStore users = new UserStore(dir);
        users.add(new User("admin", Role.ADMIN, Optional.empty(), Optional.empty(), Optional.empty()), TestServer.pw(), fast);
        users.add(new User("hosp", Role.HOSPITAL, Optional.of("H0001"), Optional.empty(), Optional.empty()),
                TestServer.pw(), fast);
        server = WebServer.start(org.hqd.app.Workspace.of(dir), settings, clock);
    }

    /** Another hospital user of H0001 (while the server runs). */
    void addUser(String name) {
        new UserStore(dir).add(new User(name, Role.HOSPITAL, Optional.of("H0001"), Optional.empty(), Optional.empty()),
                TestServer.pw(), new PasswordHasher(1_000, new SecureRandom()));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path));
    }

    /** A login request's answer, as sent by a client at {@code forwardedFor} (through the trusted proxy) if given. */
    HttpResponse<String> login(String name, String password, String forwardedFor) {
        HttpRequest.Builder b = request("/api/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}"));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return send(b.build());
    }

    /** A logged-in client. */
    TestServer.Session session(String name) {
        return TestServer.Session.of(name, login(name, TestServer.PASSWORD, null));
    }

    HttpResponse<String> get(TestServer.Session s, String path) {
        return send(request(path).header("Cookie", s.cookie()).GET().build());
    }

    HttpResponse<String> post(TestServer.Session s, String path, String json) {
        return send(request(path).header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> send(HttpRequest r) {
        return TestServer.send(http, r);
    }

    @Override
    public void close() {
        server.close();
        dir.close();
    }
}
