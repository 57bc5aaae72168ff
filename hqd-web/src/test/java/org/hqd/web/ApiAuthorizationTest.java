package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP API's authentication, CSRF protection, role scoping and input handling, against one {@link TestServer}
 * for the class, whose clock never moves; the test of sessions over time moves a clock of its
 * own, on a server of its own. Expected rows come from SQL on the data directory ({@code server.dir}, reads only).
 */
@ExtendWith(ClassServer.class)
final class ApiAuthorizationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = "2024";
    private static final String SQL_INJECTION = "H0001' OR '1'='1";
    private static final String GROUP_CASE =
            "{\"sex\":\"1\",\"age\":45,\"los\":6,\"dx\":[\"K35.800x001\",\"J18.900\"],\"procs\":[\"47.0100\"]}";
    private static final String MONITOR_CASE = "{\"sex\":\"1\",\"age\":45,\"los\":6,\"cost\":12000,"
            + "\"dx\":[\"K35.800x001\",\"J18.900\"],\"procs\":[\"47.0100\"]}";
    private static final String EXPORT =
            "{\"title\":\"测试表\",\"header\":[\"医院\",\"CMI\"],\"rows\":[[\"H0001\",1.2]]}";
    private static final String BUDGET_IMPORT = "{\"name\":\"b.csv\",\"kind\":\"budget\",\"text\":"
            + "\"hospital_id,year,department,item,month,amount\\nH0001,2026,全院,R0201,1,100\\n\"}";
    private static final String BUDGET_ADJUST = "{\"reason\":\"x\",\"lines\":[{\"department\":\"全院\","
            + "\"item\":\"R0201\",\"month\":1,\"amount\":100}]}";
    private static final List<String> ROLES = List.of("admin", "regulator", "cityreg", "hosp", "dept");

    private static TestServer server;
    private static final Map<String, TestServer.Session> SESSIONS = new HashMap<>();

    /** Every hospital the server knows (register plus hospitals with cases only). */
    private static Set<String> allHospitals;
    /** The hospitals of the register in cityreg's city (H0001's). */
    private static Set<String> cityHospitals;
    /** A hospital of the register outside cityreg's city, if any. */
    private static String outsideCity;

    @BeforeAll
    static void start(TestServer started) {
        server = started;
        allHospitals = strings("SELECT hospital_id FROM hospital_register UNION SELECT hospital_id FROM case_records");
        String city = TestServer.single(server.dir, "SELECT city_code FROM hospital_register WHERE hospital_id = '"
                + TestServer.OWN + "'");
        cityHospitals = strings("SELECT hospital_id FROM hospital_register WHERE city_code = '" + city + "'");
        outsideCity = TestServer.single(server.dir,
                "SELECT min(hospital_id) FROM hospital_register WHERE city_code <> '" + city + "'");
        assertThat(allHospitals).contains(TestServer.OWN, TestServer.OTHER).hasSizeGreaterThan(cityHospitals.size());
        assertThat(cityHospitals).contains(TestServer.OWN);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 1. without a session

    static Stream<Arguments> entryPoints() {
        return Stream.of(
                Arguments.of("GET", "/api/session", null),
                Arguments.of("GET", "/api/info", null),
                Arguments.of("GET", "/api/hospitals", null),
                Arguments.of("GET", "/api/hospitals/H0001/metrics", null),
                Arguments.of("GET", "/api/metrics", null),
                Arguments.of("GET", "/api/metrics?by=department", null),
                Arguments.of("GET", "/api/standards", null),
                Arguments.of("GET", "/api/evaluation?period=" + PERIOD, null),
                Arguments.of("GET", "/api/ranking?period=" + PERIOD, null),
                Arguments.of("GET", "/api/evaluation/tiers?period=" + PERIOD, null),
                Arguments.of("GET", "/api/evaluation/brief?period=" + PERIOD + "&format=pdf", null),
                Arguments.of("GET", "/api/audit", null),
                Arguments.of("POST", "/api/group", GROUP_CASE),
                Arguments.of("POST", "/api/monitor", MONITOR_CASE),
                Arguments.of("POST", "/api/export", EXPORT),
                Arguments.of("GET", "/api/ledger/plans", null),
                Arguments.of("GET", "/api/ledger/tasks", null),
                Arguments.of("GET", "/api/ledger/tasks/P00000000-000000", null),
                Arguments.of("GET", "/api/ledger/units", null),
                Arguments.of("GET", "/api/ledger/brief?period=2024&format=pdf", null),
                Arguments.of("POST", "/api/ledger/extract", "{\"text\":\"一、任务\"}"),
                Arguments.of("POST", "/api/ledger/plans", "{\"text\":\"一、任务\"}"),
                Arguments.of("POST", "/api/ledger/tasks/P00000000-000000/notes", "{\"note\":\"x\"}"),
                Arguments.of("GET", "/api/budget/list", null),
                Arguments.of("GET", "/api/budget", null),
                Arguments.of("GET", "/api/budget?hospital=H0001&year=2026&month=3", null),
                Arguments.of("GET", "/api/budget/report?hospital=H0001&year=2026&format=pdf&public=true", null),
                Arguments.of("POST", "/api/budget/import", BUDGET_IMPORT),
                Arguments.of("POST", "/api/budget/H0001/2026/submit", "{\"comment\":\"x\"}"),
                Arguments.of("POST", "/api/budget/H0001/2026/approve", "{\"comment\":\"x\"}"),
                Arguments.of("POST", "/api/budget/H0001/2026/adjust", BUDGET_ADJUST),
                Arguments.of("GET", "/api/costing/runs", null),
                Arguments.of("GET", "/api/costing/departments?hospital=H0001&year=2024", null),
                Arguments.of("GET", "/api/costing/drgs?hospital=H0001&year=2024", null),
                Arguments.of("DELETE", "/api/session", null));
    }

    @ParameterizedTest(name = "{0} {1} without a session → 401")
    @MethodSource("entryPoints")
    void everyEntryPointNeedsASession(String method, String path, String body) {
        assertError(request(method, path, body, null, null), 401);
        // a cookie that names no session is no better, nor is a made-up CSRF token
        assertError(request(method, path, body, "hqd_session=not-a-session", "made-up"), 401);
        assertError(request(method, path, body, "hqd_session=", null), 401);
    }

    @Test
    void pathVariantsDoNotBypassAuthentication() {
        for (String path : List.of("/api/hospitals/", "/api//hospitals", "//api/hospitals", "/api/hospitals?x=1",
                "/api/hospitals/H0002/metrics/", "/api/unknown")) {
            HttpResponse<String> r = server.get(null, path);
            assertThat(r.statusCode()).as("GET " + path + " without a session: " + r.body()).isIn(401, 404);
            assertThat(r.body()).as(path).doesNotContain(TestServer.OTHER);
        }
        HttpResponse<String> head = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/hospitals"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).as("HEAD /api/hospitals without a session").isGreaterThanOrEqualTo(400);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. scoping: which hospitals, departments and physicians each role sees

    /** What each role may see of the hospitals. */
    private static Set<String> allowedHospitals(String role) {
        return switch (role) {
            case "admin", "regulator" -> allHospitals;
            case "cityreg" -> cityHospitals;
            default -> Set.of(TestServer.OWN);
        };
    }

    @ParameterizedTest(name = "{0}: /api/hospitals lists only allowed hospitals")
    @MethodSource("roles")
    void hospitalListIsScoped(String role) {
        HttpResponse<String> r = get(role, "/api/hospitals");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        json(r).forEach(h -> ids.add(h.get("id").asText()));
        assertThat(ids).isEqualTo(allowedHospitals(role));
    }

    static Stream<String> roles() {
        return ROLES.stream();
    }

    @ParameterizedTest(name = "{0}: metrics of the other hospitals")
    @MethodSource("roles")
    void anotherHospitalsMetricsOnlyWhereAllowed(String role) {
        List<String> others = allHospitals.stream().filter(h -> !h.equals(TestServer.OWN)).sorted().toList();
        assertThat(others).contains(TestServer.OTHER);
        for (String other : others) {
            boolean allowed = allowedHospitals(role).contains(other);
            boolean wholeHospital = !role.equals("dept");
            int expected = allowed && wholeHospital ? 200 : 403;
            List<String> paths = List.of("/api/hospitals/" + other + "/metrics",
                    "/api/metrics?by=hospital&hospital=" + other,
                    "/api/metrics?by=department&hospital=" + other,
                    "/api/metrics?by=physician&hospital=" + other,
                    "/api/metrics?by=department&hospital=" + other + "&from=2024-01-01&to=2024-01-31&month=true");
            for (String path : paths) {
                int want = allowed && (wholeHospital || !path.contains("by=hospital") && !path.contains("/hospitals/"))
                        ? 200 : 403;
                HttpResponse<String> r = get(role, path);
                if (want == 403) {
                    assertError(r, 403);
                    assertThat(r.body()).doesNotContain("\"unit\"");
                } else {
                    assertThat(r.statusCode()).as(role + " " + path + ": " + r.body()).isEqualTo(want);
                }
            }
            if (expected == 200) {
                HttpResponse<String> r = get(role, "/api/hospitals/" + other + "/metrics");
                assertThat(json(r).get("hospital").get("unit").asText()).isEqualTo(other);
            }
        }
    }

    @ParameterizedTest(name = "{0}: metrics lists contain only allowed units")
    @MethodSource("roles")
    void metricListsAreScoped(String role) {
        Set<String> hospitals = allowedHospitals(role);
        for (String by : List.of("hospital", "department", "physician")) {
            HttpResponse<String> r = get(role, "/api/metrics?by=" + by);
            if (role.equals("dept") && by.equals("hospital")) {
                assertError(r, 403);
                continue;
            }
            assertThat(r.statusCode()).as(role + " by=" + by + ": " + r.body()).isEqualTo(200);
            Set<String> units = units(r);
            Set<String> expected = switch (role) {
                case "dept" -> by.equals("department")
                        ? Set.of(TestServer.OWN + "/" + server.department)
                        : physiciansOfDepartment(TestServer.OWN, server.department);
                default -> unitsOf(by, hospitals);
            };
            assertThat(expected).as("expected units of %s by %s", role, by).isNotEmpty();
            assertThat(units).as("%s by=%s", role, by).isEqualTo(expected);
        }
    }

    @Test
    void ownHospitalIsTheDefaultAndExplicitOwnHospitalWorks() {
        for (String role : List.of("hosp", "dept")) {
            HttpResponse<String> r = get(role, "/api/metrics?by=department&hospital=" + TestServer.OWN);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(units(r)).isEqualTo(role.equals("dept") ? Set.of(TestServer.OWN + "/" + server.department)
                    : unitsOf("department", Set.of(TestServer.OWN)));
        }
        HttpResponse<String> own = get("hosp", "/api/hospitals/" + TestServer.OWN + "/metrics");
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode body = json(own);
        assertThat(body.get("hospital").get("unit").asText()).isEqualTo(TestServer.OWN);
        assertThat(body.get("months")).hasSize(3);
    }

    @Test
    void departmentUserIsKeptToItsDepartment() {
        assertError(get("dept", "/api/metrics?by=hospital"), 403);
        assertError(get("dept", "/api/metrics"), 403); // by defaults to hospital
        assertError(get("dept", "/api/metrics?by=HOSPITAL&hospital=" + TestServer.OWN), 403);
        assertError(get("dept", "/api/evaluation?period=" + PERIOD), 403);
        assertError(get("dept", "/api/hospitals/" + TestServer.OWN + "/metrics"), 403);
        assertError(get("dept", "/api/hospitals/" + TestServer.OTHER + "/metrics"), 403);
    }

    @ParameterizedTest(name = "{0}: evaluation rows only of allowed hospitals")
    @MethodSource("roles")
    void evaluationIsScoped(String role) {
        HttpResponse<String> r = get(role, "/api/evaluation?period=" + PERIOD);
        if (role.equals("dept")) {
            assertError(r, 403);
            return;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("period").asText()).isEqualTo(PERIOD);
        Set<String> ids = new HashSet<>();
        body.get("rows").forEach(row -> ids.add(row.get("hospitalId").asText()));
        assertThat(ids).isEqualTo(allowedHospitals(role));
    }

    @ParameterizedTest(name = "{0}: briefing download")
    @MethodSource("roles")
    void briefOnlyForAdminsAndRegulators(String role) {
        HttpResponse<byte[]> r = getBytes(role, "/api/evaluation/brief?period=" + PERIOD + "&format=pdf");
        if (role.equals("hosp") || role.equals("dept")) {
            assertThat(r.statusCode()).isEqualTo(403);
            JsonNode error = readJson(new String(r.body(), StandardCharsets.UTF_8));
            assertThat(error.get("status").asInt()).isEqualTo(403);
            assertThat(error.get("error").asText()).isNotBlank();
            assertError(get(role, "/api/evaluation/brief?period=" + PERIOD + "&format=xlsx"), 403);
            return;
        }
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(r.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("attachment").contains(".pdf"));
    }

    @Test
    void cityRegulatorsBriefingCoversOnlyItsCity() throws IOException {
        assumeTrue(outsideCity != null, "every hospital is in H0001's city");
        Set<String> names = new HashSet<>();
        for (String id : allHospitals) {
            if (!cityHospitals.contains(id)) {
                names.add(TestServer.single(server.dir, "SELECT coalesce(name, hospital_id) FROM hospital_register "
                        + "WHERE hospital_id = '" + id + "'"));
                names.add(id);
            }
        }
        names.remove(null);
        assertThat(names).isNotEmpty();
        HttpResponse<byte[]> r = getBytes("cityreg", "/api/evaluation/brief?period=" + PERIOD + "&format=xlsx");
        assertThat(r.statusCode()).isEqualTo(200);
        String text = TestServer.cells(r.body());
        assertThat(text).contains(TestServer.single(server.dir, "SELECT coalesce(name, hospital_id) "
                + "FROM hospital_register WHERE hospital_id = '" + TestServer.OWN + "'"));
        for (String n : names) {
            assertThat(text).as("the city briefing mentions %s, a hospital outside the city", n).doesNotContain(n);
        }
    }

    @ParameterizedTest(name = "{0}: audit log")
    @MethodSource("roles")
    void auditLogIsAdminOnly(String role) {
        HttpResponse<String> r = get(role, "/api/audit");
        if (role.equals("admin")) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).isArray()).isTrue();
        } else {
            assertError(r, 403);
        }
    }

    @ParameterizedTest(name = "{0}: shared reference data")
    @MethodSource("roles")
    void everyRoleSeesInfoStandardsAndItself(String role) {
        HttpResponse<String> info = get(role, "/api/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(json(info).get("firstMonth").asText()).isEqualTo("2024-01");
        assertThat(json(info).get("lastMonth").asText()).isEqualTo("2024-03");
        // the test province is generated: every role's pages are told to show the 合成数据 label
        assertThat(json(info).get("synthetic").asBoolean()).isTrue();
        assertThat(json(info).get("dataLabel").asText()).startsWith("合成数据");
        assertThat(json(info).get("rankMinCases").asInt()).isEqualTo(30);
        HttpResponse<String> standards = get(role, "/api/standards");
        assertThat(standards.statusCode()).isEqualTo(200);
        assertThat(json(standards).size()).isPositive();
        HttpResponse<String> me = get(role, "/api/session");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("name").asText()).isEqualTo(role);
        assertThat(json(me).get("csrf").asText()).isEqualTo(session(role).csrf());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. CSRF

    static Stream<Arguments> changingRequests() {
        return Stream.of(
                Arguments.of("POST", "/api/group", GROUP_CASE, 200),
                Arguments.of("POST", "/api/monitor", MONITOR_CASE, 200),
                Arguments.of("POST", "/api/export", EXPORT, 200),
                Arguments.of("DELETE", "/api/session", null, 204));
    }

    @ParameterizedTest(name = "{0} {1} needs the CSRF token")
    @MethodSource("changingRequests")
    void stateChangingRequestsNeedTheCsrfToken(String method, String path, String body, int ok) {
        TestServer.Session s = server.login("hosp");
        TestServer.Session other = server.login("hosp");
        assertError(request(method, path, body, s.cookie(), null), 403);
        assertError(request(method, path, body, s.cookie(), ""), 403);
        assertError(request(method, path, body, s.cookie(), "wrong-token"), 403);
        assertError(request(method, path, body, s.cookie(), other.csrf()), 403);
        assertError(request(method, path, body, s.cookie(), s.csrf().toUpperCase()), 403);
        assertThat(server.get(s, "/api/session").statusCode()).as("a refused logout leaves the session").isEqualTo(200);
        HttpResponse<String> r = request(method, path, body, s.cookie(), s.csrf());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(ok);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. login, logout, audit

    @Test
    void wrongPasswordAndUnknownUserAre401() {
        assertError(login("hosp", "wrong-password-1"), 401);
        assertError(login("nobody", TestServer.PASSWORD), 401);
        assertError(login("admin' --", "x"), 401);
        assertThat(login("hosp", TestServer.PASSWORD).statusCode()).isEqualTo(200); // resets the failure count
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() {
        HttpResponse<String> r = login("hosp", TestServer.PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hqd_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .contains("Max-Age=" + Duration.ofHours(8).toSeconds());
        JsonNode me = json(r);
        assertThat(me.get("name").asText()).isEqualTo("hosp");
        assertThat(me.get("role").asText()).isEqualTo("HOSPITAL");
        assertThat(me.get("hospital").asText()).isEqualTo(TestServer.OWN);
        assertThat(me.get("csrf").asText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(r.body()).doesNotContain(cookie.split(";")[0].substring("hqd_session=".length()));
    }

    @Test
    void logoutEndsTheSession() {
        TestServer.Session s = server.login("cityreg");
        TestServer.Session other = server.login("cityreg");
        assertThat(server.get(s, "/api/hospitals").statusCode()).isEqualTo(200);
        HttpResponse<String> out = request("DELETE", "/api/session", null, s.cookie(), s.csrf());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("hqd_session=;").contains("Max-Age=0").contains("HttpOnly"));
        assertError(server.get(s, "/api/hospitals"), 401);
        assertError(server.get(s, "/api/session"), 401);
        assertError(server.post(s, "/api/group", GROUP_CASE, true), 401);
        assertError(request("DELETE", "/api/session", null, s.cookie(), s.csrf()), 401);
        // another session of the same user lives on
        assertThat(server.get(other, "/api/hospitals").statusCode()).isEqualTo(200);
    }

    @Test
    void loginsFailuresAndExportsAreAudited() {
        String marker = "审计标记-" + System.nanoTime();
        assertThat(login("hosp", "wrong-password-audit").statusCode()).isEqualTo(401);
        assertThat(login("nobody-audit", "wrong-password-audit").statusCode()).isEqualTo(401);
        TestServer.Session hosp = server.login("hosp");
        String export = "{\"title\":\"" + marker + "\",\"header\":[\"a\"],\"rows\":[[1],[2]]}";
        assertThat(server.post(hosp, "/api/export", export, true).statusCode()).isEqualTo(200);
        assertThat(getBytes("admin", "/api/evaluation/brief?period=" + PERIOD + "&format=xlsx").statusCode())
                .isEqualTo(200);
        TestServer.Session leaving = server.login("regulator");
        assertThat(request("DELETE", "/api/session", null, leaving.cookie(), leaving.csrf()).statusCode())
                .isEqualTo(204);

        HttpResponse<String> r = get("admin", "/api/audit?limit=5000");
        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        json(r).forEach(entries::add);
        assertThat(entries).anySatisfy(e -> assertEntry(e, "hosp", "登录失败", "用户名或密码错误"));
        assertThat(entries).anySatisfy(e -> assertEntry(e, "nobody-audit", "登录失败", "用户名或密码错误"));
        assertThat(entries).anySatisfy(e -> assertEntry(e, "hosp", "登录", "医院"));
        assertThat(entries).anySatisfy(e -> assertEntry(e, "hosp", "导出", marker + "（2 行，Excel）"));
        assertThat(entries).anySatisfy(e -> assertEntry(e, "admin", "导出", "评价通报 " + PERIOD + " .xlsx"));
        assertThat(entries).anySatisfy(e -> assertEntry(e, "regulator", "退出登录", ""));
        assertThat(entries).allSatisfy(e -> assertThat(e.get("client").asText()).isNotBlank());
        // newest first
        List<String> times = entries.stream().map(e -> e.get("at").asText()).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
        assertError(get("admin", "/api/audit?limit=abc"), 400);
        assertThat(json(get("admin", "/api/audit?limit=1"))).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. bad input

    @Test
    void malformedJsonIs400InChinese() {
        for (String path : List.of("/api/group", "/api/monitor", "/api/export")) {
            for (String body : List.of("{\"sex\":", "not json", "", "{\"sex\":\"1\",}", "[1,2", "{\"age\":\"forty\"}",
                    "{\"age\":99999999999999}")) {
                HttpResponse<String> r = post("admin", path, body);
                assertError(r, 400);
                assertThat(json(r).get("error").asText()).as(path + " " + body).containsPattern("\\p{IsHan}");
            }
        }
        for (String body : List.of("{\"name\":", "", "[]", "{\"name\":\"admin\",\"password\":\"x\",\"extra\":1}")) {
            HttpResponse<String> r = server.post(null, "/api/session", body, false);
            assertError(r, 400);
            assertThat(json(r).get("error").asText()).containsPattern("\\p{IsHan}");
        }
    }

    @ParameterizedTest(name = "a JSON null body to {0} → 400")
    @ValueSource(strings = {"/api/session", "/api/group", "/api/monitor", "/api/export"})
    void jsonNullBodyIs400(String path) {
        assertError(path.equals("/api/session") ? server.post(null, path, "null", false) : post("admin", path, "null"),
                400);
    }

    @Test
    void incompleteOrOverlongLoginIs400() {
        assertError(server.post(null, "/api/session", "{\"name\":\"admin\"}", false), 400);
        assertError(server.post(null, "/api/session", "{\"password\":\"x\"}", false), 400);
        assertError(server.post(null, "/api/session", "{\"name\":\"" + "a".repeat(65) + "\",\"password\":\"x\"}",
                false), 400);
    }

    static Stream<Arguments> nullsInsideTheBody() {
        return Stream.of(
                Arguments.of("/api/group", "{\"sex\":\"1\",\"age\":45,\"dx\":[null]}"),
                Arguments.of("/api/group", "{\"sex\":\"1\",\"age\":45,\"dx\":[\"K35.800x001\",null]}"),
                Arguments.of("/api/group", "{\"sex\":\"1\",\"age\":45,\"dx\":[\"K35.800x001\"],\"procs\":[null]}"),
                Arguments.of("/api/monitor", "{\"sex\":\"1\",\"age\":45,\"los\":3,\"cost\":100,\"dx\":[null]}"),
                Arguments.of("/api/export", "{\"header\":[\"a\"],\"rows\":[null]}"));
    }

    @ParameterizedTest(name = "{0} {1} → 400")
    @MethodSource("nullsInsideTheBody")
    void nullsInsideTheBodyAre400Not500(String path, String body) {
        assertError(post("admin", path, body), 400);
    }

    @Test
    void exportBeyondExcelsColumnLimitIsAClientErrorNot500() {
        StringBuilder wide = new StringBuilder("{\"header\":[\"a\"],\"rows\":[[1");
        wide.append(",1".repeat(16_400)).append("]]}");
        HttpResponse<String> r = post("admin", "/api/export", wide.toString());
        assertThat(r.statusCode()).as("16,401 columns: " + r.body()).isBetween(400, 499);
        assertError(r, r.statusCode());
    }

    @Test
    void exportBeyondExcelsCellLengthIsAClientErrorNot500() {
        HttpResponse<String> r = post("admin", "/api/export",
                "{\"header\":[\"a\"],\"rows\":[[\"" + "x".repeat(40_000) + "\"]]}");
        assertThat(r.statusCode()).as("a 40,000-character cell: " + r.body()).isBetween(400, 499);
        assertError(r, r.statusCode());
    }

    @Test
    void missingOrInvalidCaseFieldsAre400() {
        assertError(post("admin", "/api/group", "{\"sex\":\"1\",\"age\":45}"), 400);
        assertError(post("admin", "/api/group", "{\"sex\":\"1\",\"age\":45,\"dx\":[]}"), 400);
        assertError(post("admin", "/api/group", "{\"age\":45,\"dx\":[\"J18.900\"]}"), 400);
        assertError(post("admin", "/api/group", "{\"sex\":\"9\",\"age\":45,\"dx\":[\"J18.900\"]}"), 400);
        assertError(post("admin", "/api/monitor", GROUP_CASE), 400); // no cost
        String many = "[" + String.join(",", java.util.Collections.nCopies(51, "\"J18.900\"")) + "]";
        assertError(post("admin", "/api/group", "{\"sex\":\"1\",\"age\":45,\"dx\":" + many + "}"), 400);
        assertError(post("admin", "/api/export", "{\"title\":\"x\"}"), 400);
    }

    static Stream<String> pathsWithAnUnknownParameter() {
        return Stream.of("/api/info?bogus=1", "/api/hospitals?bogus=1", "/api/hospitals/H0001/metrics?bogus=1",
                "/api/metrics?by=hospital&bogus=1", "/api/standards?bogus=1",
                "/api/evaluation?period=" + PERIOD + "&bogus=1",
                "/api/evaluation/brief?period=" + PERIOD + "&bogus=1", "/api/audit?bogus=1");
    }

    @ParameterizedTest(name = "{0} → 400")
    @MethodSource("pathsWithAnUnknownParameter")
    void unknownQueryParameterIs400NamingIt(String path) {
        HttpResponse<String> r = get("admin", path);
        assertError(r, 400);
        assertThat(json(r).get("error").asText()).contains("'bogus'");
    }

    @ParameterizedTest(name = "{0} → 400")
    @ValueSource(strings = {"/api/metrics?from=2024-02-30", "/api/metrics?to=20240101", "/api/metrics?from=yesterday",
        "/api/hospitals/H0001/metrics?from=2024-13-01", "/api/metrics?by=ward", "/api/metrics?benchmark=city",
        "/api/evaluation?period=2024-13", "/api/evaluation?period=24", "/api/evaluation?period=2024-03..2024-01",
        "/api/evaluation", "/api/evaluation/brief?period=2024-13", "/api/evaluation/brief?period=2024&format=doc"})
    void badParameterValuesAre400(String path) {
        HttpResponse<String> r = get("admin", path);
        assertError(r, 400);
        assertThat(json(r).get("error").asText()).containsPattern("\\p{IsHan}");
    }

    @ParameterizedTest(name = "{0}: SQL-looking input")
    @MethodSource("roles")
    void sqlLookingInputIsNeverAnErrorOrALeak(String role) {
        String q = java.net.URLEncoder.encode(SQL_INJECTION, StandardCharsets.UTF_8);
        List<String> paths = List.of("/api/metrics?hospital=" + q, "/api/metrics?by=department&hospital=" + q,
                "/api/metrics?by=physician&hospital=" + q, "/api/hospitals/" + q.replace("+", "%20") + "/metrics",
                "/api/metrics?by=department&from=" + q, "/api/evaluation?period=" + q,
                "/api/evaluation?period=" + PERIOD + "&targets=" + q, "/api/metrics?by=" + q);
        for (String path : paths) {
            HttpResponse<String> r = get(role, path);
            assertThat(r.statusCode()).as(role + " " + path + ": " + r.body()).isIn(200, 400, 403, 404);
            if (r.statusCode() == 200) {
                JsonNode body = json(r);
                JsonNode rows = body.isArray() ? body : body.get("rows");
                assertThat(rows).as(role + " " + path).isEmpty();
            } else {
                assertError(r, r.statusCode());
            }
            assertThat(r.body()).doesNotContain(TestServer.OTHER);
        }
        HttpResponse<String> login = login(SQL_INJECTION, SQL_INJECTION);
        assertError(login, 401);
    }

    @Test
    void bodiesOverOneMegabyteAreRefusedAndTheServerGoesOn() {
        String big = "{\"header\":[\"" + "x".repeat(1_100_000) + "\"],\"rows\":[]}";
        HttpResponse<String> r = post("admin", "/api/export", big);
        assertError(r, 413);
        HttpResponse<String> login = server.post(null, "/api/session",
                "{\"name\":\"admin\",\"password\":\"" + "x".repeat(1_100_000) + "\"}", false);
        assertError(login, 413);
        TestServer.Session s = session("admin");
        HttpResponse<String> chunked = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/export"))
                .header("Content-Type", "application/json").header("Cookie", s.cookie())
                .header("X-CSRF-Token", s.csrf())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build());
        assertThat(chunked.statusCode()).as("a chunked body over 1 MB").isEqualTo(413);
        // still answering, for the same session and for new logins
        assertThat(get("admin", "/api/info").statusCode()).isEqualTo(200);
        assertThat(post("admin", "/api/group", GROUP_CASE).statusCode()).isEqualTo(200);
        assertThat(login("hosp", TestServer.PASSWORD).statusCode()).isEqualTo(200);
        // just under the limit is accepted
        String fits = "{\"header\":[\"a\"],\"rows\":[[\"" + "x".repeat(30_000) + "\"]" + ",[1]".repeat(90_000) + "]}";
        assertThat(fits.length()).isLessThan(1 << 20);
        assertThat(post("admin", "/api/export", fits).statusCode()).isEqualTo(200);
    }

    @Test
    void refusalOfALargeBodySaysSoInChinese() {
        HttpResponse<String> r = post("admin", "/api/export",
                "{\"header\":[\"" + "x".repeat(1_100_000) + "\"],\"rows\":[]}");
        assertError(r, 413);
        assertThat(json(r).get("error").asText()).as("docs/web.md: errors have a message in Chinese")
                .containsPattern("\\p{IsHan}");
    }

    @Test
    void unknownApiPathIsA404InChinese() {
        HttpResponse<String> r = get("admin", "/api/nothing-here");
        assertError(r, 404);
        assertThat(json(r).get("error").asText()).as("docs/web.md: errors have a message in Chinese")
                .containsPattern("\\p{IsHan}");
    }

    static Stream<Arguments> otherEntryPointsWithAnUnknownParameter() {
        return Stream.of(Arguments.of("GET", "/api/session?bogus=1", null),
                Arguments.of("POST", "/api/group?bogus=1", GROUP_CASE),
                Arguments.of("POST", "/api/export?bogus=1", EXPORT),
                Arguments.of("GET", "/api/ledger/plans?bogus=1", null),
                Arguments.of("GET", "/api/ledger/tasks?bogus=1", null),
                Arguments.of("POST", "/api/ledger/extract?bogus=1", "{\"text\":\"一、任务\"}"),
                Arguments.of("POST", "/api/ledger/tasks/P00000000-000000/notes?bogus=1", "{\"note\":\"x\"}"),
                Arguments.of("GET", "/api/budget/list?bogus=1", null),
                Arguments.of("GET", "/api/budget?hospital=H0001&bogus=1", null),
                Arguments.of("GET", "/api/budget/report?format=pdf&bogus=1", null),
                Arguments.of("POST", "/api/budget/import?bogus=1", BUDGET_IMPORT),
                Arguments.of("POST", "/api/budget/H0001/2026/submit?bogus=1", "{\"comment\":\"x\"}"),
                Arguments.of("POST", "/api/budget/H0001/2026/adjust?bogus=1", BUDGET_ADJUST),
                Arguments.of("GET", "/api/costing/runs?bogus=1", null),
                Arguments.of("GET", "/api/costing/departments?hospital=H0001&year=2024&bogus=1", null),
                Arguments.of("GET", "/api/costing/drgs?year=2024&bogus=1", null));
    }

    @ParameterizedTest(name = "{0} {1} → 400")
    @MethodSource("otherEntryPointsWithAnUnknownParameter")
    void unknownQueryParameterIs400OnEveryEntryPoint(String method, String path, String body) {
        TestServer.Session s = session("admin");
        HttpResponse<String> r = request(method, path, body, s.cookie(), s.csrf());
        assertError(r, 400);
        assertThat(json(r).get("error").asText()).contains("'bogus'");
    }

    @Test
    void openApiDescriptionIsServed() {
        HttpResponse<String> r = server.get(null, "/openapi.json");
        assertThat(r.statusCode()).as("README, docs/web.md and hqd serve name /openapi.json: " + clip(r.body()))
                .isEqualTo(200);
        JsonNode api = json(r);
        assertThat(api.path("openapi").asText()).startsWith("3.");
        assertThat(api.path("paths").has("/api/metrics")).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. grouping and in-stay monitoring

    @ParameterizedTest(name = "{0} groups a case")
    @MethodSource("roles")
    void groupsAKnownCaseWithItsTrace(String role) {
        HttpResponse<String> r = post(role, "/api/group", GROUP_CASE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode g = json(r);
        assertThat(g.get("status").asText()).isEqualTo("GROUPED");
        assertThat(g.get("drg").asText()).isEqualTo("GD23");
        assertThat(g.get("mdc").asText()).isEqualTo("MDCG");
        assertThat(g.get("cc").asBoolean()).isTrue();
        assertThat(g.get("trace").isArray()).isTrue();
        assertThat(g.get("trace")).isNotEmpty();
        assertThat(g.get("trace").get(0).asText()).contains("K35.800x001");
    }

    @Test
    void monitorsAStayAgainstItsExpectedGroup() {
        HttpResponse<String> r = post("hosp", "/api/monitor", MONITOR_CASE);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode m = json(r);
        assertThat(m.get("expectedGroup").get("drg").asText()).isEqualTo("GD23");
        assertThat(m.get("standard").get("drg").asText()).isEqualTo("GD23");
        assertThat(m.get("ratios").isArray()).isTrue();
        assertThat(m.get("ratios")).isNotEmpty();
        m.get("ratios").forEach(x -> {
            assertThat(x.get("measure").asText()).isNotBlank();
            assertThat(x.get("ratio").isNumber()).isTrue();
        });
        JsonNode cost = null;
        for (JsonNode x : m.get("ratios")) {
            if (x.get("actual").asDouble() == 12000.0) {
                cost = x;
            }
        }
        assertThat(cost).as("a ratio of the current cost 12000").isNotNull();
        assertThat(cost.get("ratio").asDouble()).isCloseTo(12000.0 / cost.get("standard").asDouble(), within(1e-9));
        assertThat(m.get("warnings").isArray()).isTrue();
        // a case that does not group still answers, without a standard
        HttpResponse<String> invalid = post("hosp", "/api/monitor",
                "{\"sex\":\"1\",\"age\":45,\"los\":3,\"cost\":100,\"dx\":[\"ZZZ.999\"]}");
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(json(invalid).get("expectedGroup").get("status").asText()).isNotEqualTo("GROUPED");
        assertThat(json(invalid).get("ratios")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 7. metrics against SQL

    @Test
    void cmiOfEveryHospitalIsItsMeanWeightOverGroupedCases() {
        Map<String, Double> expected = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        query("SELECT hospital_id, sum(rw) / count(*), count(*), (SELECT count(*) FROM cases x "
                + "WHERE x.hospital_id = c.hospital_id) FROM cases c WHERE status = 'GROUPED' "
                + "GROUP BY hospital_id", r -> {
                    expected.put(r.getString(1), r.getDouble(2));
                    counts.put(r.getString(1), new long[] {r.getLong(4), r.getLong(3)});
                });
        assertThat(expected).containsKey(TestServer.OWN);
        HttpResponse<String> r = get("admin", "/api/metrics?by=hospital");
        Map<String, JsonNode> byUnit = new HashMap<>();
        json(r).forEach(m -> byUnit.put(m.get("unit").asText(), m));
        assertThat(byUnit.keySet()).containsAll(expected.keySet());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            JsonNode m = byUnit.get(e.getKey());
            assertThat(m.get("cmi").asDouble()).as("CMI of " + e.getKey()).isCloseTo(e.getValue(), within(1e-9));
            assertThat(m.get("cases").asLong()).isEqualTo(counts.get(e.getKey())[0]);
            assertThat(m.get("grouped").asLong()).isEqualTo(counts.get(e.getKey())[1]);
        }
        JsonNode own = json(get("hosp", "/api/hospitals/" + TestServer.OWN + "/metrics")).get("hospital");
        assertThat(own.get("cmi").asDouble()).isCloseTo(expected.get(TestServer.OWN), within(1e-9));
        JsonNode ownList = json(get("hosp", "/api/metrics?by=hospital"));
        assertThat(ownList).hasSize(1);
        assertThat(ownList.get(0).get("cmi").asDouble()).isCloseTo(expected.get(TestServer.OWN), within(1e-9));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // sessions over time: on a server of its own, whose clock it moves; failed logins and accounts: AccountsTest

    @Test
    void sessionsExpireAfterEightHours(@TempDir Path dir) throws IOException {
        MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (TestServer own = new TestServer(dir, clock)) {
            TestServer.Session s = own.login("hosp");
            clock.advance(Duration.ofHours(8).minusMinutes(1));
            assertThat(own.get(s, "/api/session").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            assertError(own.get(s, "/api/session"), 401);
            assertError(own.post(s, "/api/group", GROUP_CASE, true), 401);
            assertThat(own.get(own.login("hosp"), "/api/session").statusCode()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    /** A clock the tests move forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private static synchronized TestServer.Session session(String user) {
        return SESSIONS.computeIfAbsent(user, server::login);
    }

    private static HttpResponse<String> get(String user, String path) {
        return server.get(session(user), path);
    }

    private static HttpResponse<String> post(String user, String path, String json) {
        return server.post(session(user), path, json, true);
    }

    private static HttpResponse<byte[]> getBytes(String user, String path) {
        try {
            return server.http.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                    .header("Cookie", session(user).cookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> login(String name, String password) {
        return login(server, name, password);
    }

    private static HttpResponse<String> login(TestServer on, String name, String password) {
        try {
            String body = JSON.writeValueAsString(Map.of("name", name, "password", password));
            return on.post(null, "/api/session", body, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> request(String method, String path, String body, String cookie, String csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null && !csrf.isEmpty()) {
            b.header("X-CSRF-Token", csrf);
        }
        return server.send(b.build());
    }

    private static void assertError(HttpResponse<String> r, int status) {
        String what = r.request().method() + " " + r.request().uri().getRawPath() + " → " + r.statusCode() + " "
                + clip(r.body());
        assertThat(r.statusCode()).as(what).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode n = readJson(r.body());
        assertThat(n.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(n.get("error").asText()).as(what).isNotBlank();
        assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void assertEntry(JsonNode e, String user, String action, String detail) {
        assertThat(e.get("user").asText()).isEqualTo(user);
        assertThat(e.get("action").asText()).isEqualTo(action);
        assertThat(e.get("detail").asText()).isEqualTo(detail);
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        return readJson(r.body());
    }

    private static JsonNode readJson(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + clip(s), e);
        }
    }

    private static Set<String> units(HttpResponse<String> r) {
        Set<String> out = new LinkedHashSet<>();
        json(r).forEach(m -> out.add(m.get("unit").asText()));
        return out;
    }

    /** The units of a level among the cases of these hospitals, as the API names them. */
    private static Set<String> unitsOf(String by, Set<String> hospitals) {
        String unit = switch (by) {
            case "hospital" -> "hospital_id";
            case "department" -> "hospital_id || '/' || coalesce(department, '')";
            default -> "hospital_id || '/' || coalesce(attending_physician, '')";
        };
        Set<String> out = new HashSet<>();
        query("SELECT DISTINCT hospital_id, " + unit + " FROM case_records", r -> {
            if (hospitals.contains(r.getString(1))) {
                out.add(r.getString(2));
            }
        });
        return out;
    }

    /** The physicians of a hospital whose main department (where most of their cases are) is this one. */
    private static Set<String> physiciansOfDepartment(String hospital, String department) {
        Set<String> out = new HashSet<>();
        try (PreparedStatement s = server.dir.connection().prepareStatement(
                "SELECT hospital_id || '/' || coalesce(attending_physician, '') FROM case_records "
                        + "WHERE hospital_id = ? GROUP BY hospital_id, attending_physician "
                        + "HAVING mode(department) = ?")) {
            s.setString(1, hospital);
            s.setString(2, department);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(String sql, RowReader reader) {
        try (var s = server.dir.connection().createStatement(); var r = s.executeQuery(sql)) {
            while (r.next()) {
                reader.read(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> strings(String sql) {
        Set<String> out = new HashSet<>();
        query(sql, r -> out.add(r.getString(1)));
        return out;
    }
}
