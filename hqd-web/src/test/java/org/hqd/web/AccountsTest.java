package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.app.access.UserAdministration;
import org.hqd.store.access.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account rules of the web application: failed logins slow the address that makes them and lock nobody out,
 * unknown names are answered like wrong passwords, the forwarding headers are believed only from a trusted proxy,
 * the session cookie is Secure behind TLS, and users are changed while the server runs (through its channel), with
 * the user's sessions ended at once. Each test has its own server (behind a trusted proxy at 127.0.0.1, so that a
 * test can speak from several addresses with {@code X-Forwarded-For}) on a clock it moves.
 */
final class AccountsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRONG = "wrong-password";
    private static final String ATTACKER = "203.0.113.66";
    private static final PasswordHasher HASHER = new PasswordHasher(UserAdministration.MIN_ITERATIONS, new SecureRandom());

    @TempDir
    Path tmp;
    private ApiAuthorizationTest.MovableClock clock;
    private EmptyServer server;

    @BeforeEach
    void start() {
        clock = new ApiAuthorizationTest.MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        server = new EmptyServer(tmp.resolve("data"), clock, new WebServer.Settings("127.0.0.1", 0, false,
                Set.of("127.0.0.1")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> login(String name, String password, String from) {
        return server.login(name, password, from);
    }

    private static String error(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body()).get("error").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long retryAfter(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    }

    @Nested
    final class FailedLogins {
        @Test
        void fromOneAddress_waitLongerAndLonger_andNeverLockTheAccount() {
            for (int i = 0; i < 5; i++) {
                assertThat(login("hosp", WRONG, ATTACKER).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> r = login("hosp", WRONG, ATTACKER);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(retryAfter(r)).isEqualTo(1);
            assertThat(error(r)).isEqualTo("登录失败次数过多，请 1 秒后再试");
            // while the address waits, nothing is checked: the right password waits too
            assertThat(login("hosp", TestServer.PASSWORD, ATTACKER).statusCode()).isEqualTo(429);
            clock.advance(Duration.ofSeconds(1));
            assertThat(login("hosp", WRONG, ATTACKER).statusCode()).isEqualTo(401);
            assertThat(retryAfter(login("hosp", WRONG, ATTACKER))).isEqualTo(2);
            clock.advance(Duration.ofSeconds(2));
            assertThat(login("hosp", TestServer.PASSWORD, ATTACKER).statusCode()).isEqualTo(200);
        }

        @Test
        void aStrangersFailuresOnAdmin_doNotKeepTheAdminOut() {
            for (int failures = 0; failures < 30; ) {
                HttpResponse<String> r = login("admin", WRONG, ATTACKER);
                if (r.statusCode() == 429) {
                    clock.advance(Duration.ofSeconds(retryAfter(r)));
                } else {
                    assertThat(r.statusCode()).isEqualTo(401);
                    failures++;
                }
            }
            HttpResponse<String> stranger = login("admin", WRONG, ATTACKER);
            assertThat(retryAfter(stranger)).isEqualTo(900);
            assertThat(error(stranger)).isEqualTo("登录失败次数过多，请 15 分钟后再试");
            assertThat(login("admin", TestServer.PASSWORD, "10.0.0.5").statusCode()).isEqualTo(200);
        }

        @Test
        void anUnknownName_isAnsweredExactlyLikeAWrongPassword() {
            for (int i = 0; i < 8; i++) {
                HttpResponse<String> known = login("hosp", WRONG, "198.51.100.2");
                HttpResponse<String> unknown = login("no-such-user", WRONG, "198.51.100.3");
                assertThat(unknown.statusCode()).as("attempt " + i).isEqualTo(known.statusCode());
                assertThat(unknown.body()).isEqualTo(known.body());
                assertThat(unknown.headers().firstValue("Retry-After")).isEqualTo(known.headers().firstValue("Retry-After"));
                if (known.statusCode() == 429) {
                    clock.advance(Duration.ofSeconds(retryAfter(known)));
                }
            }
        }

        @Test
        void guessesSentInParallel_areCheckedOneAtATime() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                for (int round = 1; round <= 3; round++) {
                    String from = "198.51.100." + (10 + round);
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        answers.add(pool.submit(() -> {
                            go.await();
                            return login("hosp", WRONG, from);
                        }));
                    }
                    go.countDown();
                    Map<Integer, Integer> statuses = new TreeMap<>();
                    for (Future<HttpResponse<String>> f : answers) {
                        statuses.merge(f.get().statusCode(), 1, Integer::sum);
                    }
                    // at most the five free failures reached the password check; every other attempt was told to wait
                    // (a 503 is a login that found every password check busy for 2 s: not checked either)
                    assertThat(statuses.keySet()).as("round %d: %s", round, statuses).isSubsetOf(401, 429, 503);
                    assertThat(statuses.getOrDefault(401, 0)).as("round %d: %s", round, statuses).isBetween(1, 5);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    final class BehindAProxy {
        @Test
        void forwardedFor_isBelievedOnlyFromATrustedProxy() throws Exception {
            login("hosp", WRONG, "198.51.100.9");
            assertThat(new AuditLog(server.dir).latest(1).get(0).client()).isEqualTo("198.51.100.9");
            try (EmptyServer direct = new EmptyServer(tmp.resolve("direct"), clock, WebServer.Settings.of("127.0.0.1", 0))) {
                // without a trusted proxy the header is the client's own word: ignored for the audit and the count
                for (int i = 0; i < 5; i++) {
                    assertThat(direct.login("hosp", WRONG, "198.51.100." + (100 + i)).statusCode()).isEqualTo(401);
                }
                assertThat(direct.login("hosp", WRONG, "198.51.100.200").statusCode()).isEqualTo(429);
                assertThat(new AuditLog(direct.dir).latest(1).get(0).client()).isEqualTo("127.0.0.1");
            }
        }

        @Test
        void theSessionCookie_isSecureWhenTheBrowserUsesTls() throws Exception {
            HttpResponse<String> plain = login("hosp", TestServer.PASSWORD, null);
            assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict")
                    .doesNotContain("Secure");
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
            HttpResponse<String> viaTls = server.send(server.request("/api/session").header("X-Forwarded-Proto", "https")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"hosp\",\"password\":\"" + TestServer.PASSWORD + "\"}")).build());
            assertThat(viaTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
            assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
            try (EmptyServer secure = new EmptyServer(tmp.resolve("secure"), clock,
                    new WebServer.Settings("127.0.0.1", 0, true, Set.of()))) {
                assertThat(secure.login("hosp", TestServer.PASSWORD, null).headers().firstValue("Set-Cookie")
                        .orElseThrow()).contains("; Secure");
            }
        }
    }

    @Nested
    final class ChangesWhileServing {
        @Test
        void aNewPassword_endsTheUsersSessions() {
            TestServer.Session s = server.session("hosp");
            assertThat(server.get(s, "/api/session").statusCode()).isEqualTo(200);
            Optional<UserAdministration.Outcome> o = AdminChannel.send(server.dir.path(),
                    new UserAdministration.Passwd("hosp", HASHER.hash("new-password-2".toCharArray())));
            assertThat(o).map(UserAdministration.Outcome::message).contains("已修改密码 hosp；已结束其 1 个登录会话");
            assertThat(server.get(s, "/api/session").statusCode()).isEqualTo(401);
            assertThat(login("hosp", TestServer.PASSWORD, null).statusCode()).isEqualTo(401);
            assertThat(login("hosp", "new-password-2", null).statusCode()).isEqualTo(200);
            assertThat(new AuditLog(server.dir).latest(10)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("修改密码");
                assertThat(e.client()).isEqualTo("命令行（经运行中的 hqd serve）");
            });
        }

        @Test
        void aNewUser_logsInAtOnce_andADisabledOneIsOutUntilEnabled() {
            User clerk = new User("clerk", Role.HOSPITAL, Optional.of("H0001"), Optional.empty(), Optional.empty());
            AdminChannel.send(server.dir.path(), new UserAdministration.Add(clerk, HASHER.hash("clerk-password".toCharArray())));
            TestServer.Session s = new TestServer.Session(login("clerk", "clerk-password", null).headers()
                    .firstValue("Set-Cookie").orElseThrow().split(";")[0], "");
            assertThat(server.get(s, "/api/session").statusCode()).isEqualTo(200);

            AdminChannel.send(server.dir.path(), new UserAdministration.Disable("clerk"));
            assertThat(server.get(s, "/api/session").statusCode()).isEqualTo(401);
            HttpResponse<String> refused = login("clerk", "clerk-password", null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(error(refused)).isEqualTo("账户已停用，请联系管理员");
            // without the right password a disabled account is answered like any wrong password
            assertThat(error(login("clerk", WRONG, null))).isEqualTo("用户名或密码错误");
            assertThat(AdminChannel.list(server.dir.path()).orElseThrow()).anySatisfy(u -> {
                assertThat(u.name()).isEqualTo("clerk");
                assertThat(u.disabled()).isTrue();
            });

            AdminChannel.send(server.dir.path(), new UserAdministration.Enable("clerk"));
            assertThat(login("clerk", "clerk-password", null).statusCode()).isEqualTo(200);
            AdminChannel.send(server.dir.path(), new UserAdministration.Delete("clerk"));
            assertThat(login("clerk", "clerk-password", null).statusCode()).isEqualTo(401);
        }

        @Test
        void aRefusedChange_saysWhy() {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> AdminChannel.send(server.dir.path(),
                    new UserAdministration.Disable("nobody")))).hasMessage("运行中的 hqd serve 拒绝了这个修改：没有用户 nobody");
        }

        @Test
        void theChannel_wantsItsToken_andIsGoneWhenTheServerStops() throws Exception {
            Path file = server.dir.path().resolve(AdminChannel.FILE);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            String change = "{\"action\":\"delete\",\"name\":\"admin\"}";
            for (String auth : List.of("Bearer wrong-token", "Basic YWRtaW46eA==")) {
                assertThat(server.send(server.request("/api/admin/users").header("Authorization", auth)
                        .POST(HttpRequest.BodyPublishers.ofString(change)).build()).statusCode()).isEqualTo(401);
            }
            // an admin's browser session does not open it either
            TestServer.Session admin = server.session("admin");
            assertThat(server.post(admin, "/api/admin/users", change).statusCode()).isEqualTo(401);
            assertThat(login("admin", TestServer.PASSWORD, null).statusCode()).isEqualTo(200);

            server.close();
            assertThat(file).doesNotExist();
            assertThat(AdminChannel.send(server.dir.path(), new UserAdministration.Disable("hosp"))).isEmpty();
            server = new EmptyServer(tmp.resolve("again"), clock, WebServer.Settings.of("127.0.0.1", 0));
        }
    }
}
