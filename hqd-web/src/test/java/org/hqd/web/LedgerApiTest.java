package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger API by role, on a copy of the test province per test with the clock at 2026-11-23: a region plan (the
 * Tianjin gazette, 60 tasks) imported by the admin, H0001's own plan by its hospital user, H0002's plan by the admin
 * ({@link #plansImported()}). Who sees and who changes what follows {@link LedgerApi}; the review step, the
 * measured-not-declared rule and the briefing too.
 */
final class LedgerApiTest {
    @TempDir
    Path tmp;

    TestServer server;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GAZETTE = gazette();

    static final String OWN_PLAN = """
            第一医院高质量发展实施方案

            一、重点任务

            (一)缩短平均住院日。到2027年，平均住院日控制在1天以内。(医务部负责)

            (二)加强医院文化建设。到2026年12月底前完成。(党办负责)

            (三)完善内部控制制度。(财务部负责)
            """;

    static final String OTHER_PLAN = """
            第二医院高质量发展实施方案

            一、重点任务

            (一)加强专科建设。(医务部负责)
            """;

    static String gazette() {
        try (InputStream in = LedgerApiTest.class.getResourceAsStream("/org/hqd/ledger/samples/tianjin-gazette-2022-19-20.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp, Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** H0001's own plan imported by its hospital user, the Tianjin gazette and H0002's plan by the admin. */
    void plansImported() {
        assertThat(server.post(server.login("hosp"), "/api/ledger/plans", doc("p.txt", OWN_PLAN, TestServer.OWN, null), true)
                .statusCode()).isEqualTo(200);
        TestServer.Session admin = server.login("admin");
        assertThat(server.post(admin, "/api/ledger/plans", doc("g.txt", GAZETTE, null, null), true).statusCode())
                .isEqualTo(200);
        assertThat(server.post(admin, "/api/ledger/plans", doc("o.txt", OTHER_PLAN, TestServer.OTHER, null), true)
                .statusCode()).isEqualTo(200);
    }

    static String doc(String name, String text, String hospital, String review) {
        ObjectNode n = JSON.createObjectNode().put("name", name).put("text", text);
        if (hospital != null) {
            n.put("hospital", hospital);
        }
        if (review != null) {
            n.put("review", review);
        }
        return n.toString();
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    Set<String> planIds(String user) {
        HttpResponse<String> r = server.get(server.login(user), "/api/ledger/plans");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Set<String> out = new HashSet<>();
        json(r).get("plans").forEach(p -> out.add(p.get("title").asText()));
        return out;
    }

    /** The task as the list of tasks shows it. */
    private JsonNode listed(TestServer.Session user, String taskId) {
        for (JsonNode x : json(server.get(user, "/api/ledger/tasks")).get("tasks")) {
            if (x.get("taskId").asText().equals(taskId)) {
                return x;
            }
        }
        throw new AssertionError("no task " + taskId + " in the list");
    }

    @Test
    void importsAreScopedByRole() {
        TestServer.Session hosp = server.login("hosp");
        assertThat(server.post(hosp, "/api/ledger/plans", doc("g.txt", GAZETTE, null, null), true).statusCode())
                .as("a hospital user cannot import a region's plan").isEqualTo(403);
        assertThat(server.post(hosp, "/api/ledger/plans", doc("o.txt", OTHER_PLAN, TestServer.OTHER, null), true)
                .statusCode()).as("nor another hospital's").isEqualTo(403);
        assertThat(server.post(server.login("dept"), "/api/ledger/extract", doc("p.txt", OWN_PLAN, TestServer.OWN, null), true)
                .statusCode()).as("a department user imports nothing").isEqualTo(403);
        assertThat(server.post(hosp, "/api/ledger/plans", doc("p.txt", OWN_PLAN, TestServer.OWN, null), false)
                .statusCode()).as("without the CSRF token").isEqualTo(403);

        HttpResponse<String> own = server.post(hosp, "/api/ledger/plans", doc("p.txt", OWN_PLAN, TestServer.OWN, null), true);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json(own).get("added").asInt()).isEqualTo(3);
        TestServer.Session admin = server.login("admin");
        HttpResponse<String> region = server.post(admin, "/api/ledger/plans", doc("g.txt", GAZETTE, null, null), true);
        // the 意见 on standardization (24 measures) and two plans (34 + 26 tasks)
        assertThat(json(region).get("plans").asInt()).isEqualTo(3);
        assertThat(json(region).get("added").asInt()).isEqualTo(84);
        assertThat(json(server.post(admin, "/api/ledger/plans", doc("o.txt", OTHER_PLAN, TestServer.OTHER, null), true))
                .get("added").asInt()).isEqualTo(1);
        // the same document again adds nothing
        assertThat(json(server.post(admin, "/api/ledger/plans", doc("g.txt", GAZETTE, null, null), true))
                .get("unchanged").asInt()).isEqualTo(84);
    }

    @Test
    void eachRoleSeesTheRegionsPlansAndItsHospitalsOwn() {
        plansImported();
        Set<String> region = Set.of("天津市人民政府关于贯彻落实《国家标准化发展纲要》的意见", "天津市与庆阳市对口合作实施方案",
                "天津市推动公立医院高质量发展实施方案");
        Set<String> all = new HashSet<>(region);
        all.addAll(Set.of("第一医院高质量发展实施方案", "第二医院高质量发展实施方案"));
        assertThat(planIds("admin")).isEqualTo(all);
        assertThat(planIds("regulator")).isEqualTo(all);
        Set<String> mine = new HashSet<>(region);
        mine.add("第一医院高质量发展实施方案");
        assertThat(planIds("hosp")).isEqualTo(mine);
        assertThat(planIds("dept")).isEqualTo(mine);
        boolean otherInCity = TestServer.single(server.dir, "SELECT count(*) FROM hospital_register a, hospital_register b "
                + "WHERE a.hospital_id = 'H0001' AND b.hospital_id = 'H0002' AND a.city_code = b.city_code").equals("1");
        Set<String> city = new HashSet<>(mine);
        if (otherInCity) {
            city.add("第二医院高质量发展实施方案");
        }
        assertThat(planIds("cityreg")).isEqualTo(city);
        JsonNode tasks = json(server.get(server.login("hosp"), "/api/ledger/tasks"));
        assertThat(tasks.get("asOf").asText()).isEqualTo("2026-11-23");
        assertThat(tasks.get("tasks")).hasSize(87);
        tasks.get("tasks").forEach(t -> assertThat(t.get("canUpdate").asBoolean())
                .as(t.get("taskId").asText()).isEqualTo(t.get("hospitalId").asText().equals("H0001")));
        // which Tianjin tasks are overdue on 2026-11-23: the 意见's 24 measures and the hospital plan's 26 tasks take
        // 2025-12-31 from their plans' "到2025年" (derived); the Qingyang plan's 34 take 2027-12-31 and are not
        int overdue = 0;
        int derived = 0;
        for (JsonNode t : tasks.get("tasks")) {
            if (t.get("hospitalId").isNull()) {
                derived += t.get("dueDerived").asBoolean() ? 1 : 0;
                overdue += t.get("status").asText().equals("OVERDUE") ? 1 : 0;
                assertThat(t.get("due").asText()).isIn("2025-12-31", "2027-12-31");
            }
        }
        assertThat(derived).isEqualTo(84);
        assertThat(overdue).isEqualTo(50);
    }

    String ownTask(int index) {
        JsonNode tasks = json(server.get(server.login("hosp"), "/api/ledger/tasks?plan=" + ownPlan()));
        return tasks.get("tasks").get(index).get("taskId").asText();
    }

    String ownPlan() {
        for (JsonNode p : json(server.get(server.login("hosp"), "/api/ledger/plans")).get("plans")) {
            if (p.get("hospitalId").asText().equals(TestServer.OWN)) {
                return p.get("planId").asText();
            }
        }
        throw new AssertionError("no plan of H0001");
    }

    @Test
    void progressIsRecordedWhereAllowedAndMeasuredNotDeclared() {
        plansImported();
        TestServer.Session hosp = server.login("hosp");
        String alos = ownTask(0);
        JsonNode t = json(server.get(hosp, "/api/ledger/tasks/" + alos));
        JsonNode target = t.get("targets").get(0);
        assertThat(target.get("indicator").asText()).isEqualTo("alos");
        assertThat(target.get("target").asDouble()).isEqualTo(1.0);
        assertThat(target.get("actual").asDouble()).isGreaterThan(1.0);
        assertThat(target.get("met").asBoolean()).isFalse();
        assertThat(target.get("basis").asText()).isEqualTo("H0001");

        // the list is read (and kept) before the note, so that the note must replace the kept answer
        assertThat(listed(hosp, alos).get("status").asText()).isNotEqualTo("IN_PROGRESS");
        int inProgress = json(server.get(hosp, "/api/ledger/plans")).get("plans").findValues("IN_PROGRESS").stream()
                .mapToInt(JsonNode::asInt).sum();
        HttpResponse<String> done = server.post(hosp, "/api/ledger/tasks/" + alos + "/notes", "{\"status\":\"已完成\"}", true);
        assertThat(done.statusCode()).isEqualTo(400);
        assertThat(json(done).get("error").asText()).contains("平均住院日").contains("不能标记为“已完成”");
        HttpResponse<String> overdue = server.post(hosp, "/api/ledger/tasks/" + alos + "/notes", "{\"status\":\"OVERDUE\"}", true);
        assertThat(overdue.statusCode()).isEqualTo(400);

        HttpResponse<String> ok = server.post(hosp, "/api/ledger/tasks/" + alos + "/notes",
                "{\"status\":\"推进中\",\"note\":\"已制定方案\",\"evidence\":\"http://oa/1\",\"date\":\"2026-11-20\"}", true);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode after = json(server.get(hosp, "/api/ledger/tasks/" + alos));
        assertThat(after.get("history")).hasSize(1);
        assertThat(after.get("history").get(0).get("author").asText()).isEqualTo("hosp");
        assertThat(after.get("history").get(0).get("note").asText()).isEqualTo("已制定方案");
        assertThat(after.get("lastNoteDate").asText()).isEqualTo("2026-11-20");
        assertThat(listed(hosp, alos).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(listed(hosp, alos).get("lastNote").asText()).isEqualTo("已制定方案");
        assertThat(json(server.get(hosp, "/api/ledger/plans")).get("plans").findValues("IN_PROGRESS").stream()
                .mapToInt(JsonNode::asInt).sum()).isEqualTo(inProgress + 1);

        // due 2026-12-31, 38 days away, not started: at risk without anyone saying so
        JsonNode culture = json(server.get(hosp, "/api/ledger/tasks/" + ownTask(1)));
        assertThat(culture.get("status").asText()).isEqualTo("AT_RISK");
        assertThat(culture.get("reason").asText()).isEqualTo("距完成期限 38 天仍未启动");
        assertThat(server.post(hosp, "/api/ledger/tasks/" + ownTask(1) + "/notes", "{\"status\":\"已完成\"}", true)
                .statusCode()).isEqualTo(200);

        String regionTask = null;
        for (JsonNode x : json(server.get(hosp, "/api/ledger/tasks")).get("tasks")) {
            if (x.get("hospitalId").isNull() && regionTask == null) {
                regionTask = x.get("taskId").asText();
            }
        }
        assertThat(server.post(hosp, "/api/ledger/tasks/" + regionTask + "/notes", "{\"note\":\"x\"}", true).statusCode())
                .as("a hospital user reads the region's plan but does not change it").isEqualTo(403);
        assertThat(server.post(server.login("dept"), "/api/ledger/tasks/" + alos + "/notes", "{\"note\":\"x\"}", true)
                .statusCode()).isEqualTo(403);
        assertThat(server.post(server.login("regulator"), "/api/ledger/tasks/" + regionTask + "/notes",
                "{\"status\":\"IN_PROGRESS\",\"note\":\"已部署\"}", true).statusCode()).isEqualTo(200);
        assertThat(server.post(hosp, "/api/ledger/tasks/" + alos + "/notes", "{}", true).statusCode()).isEqualTo(400);
        assertThat(server.post(hosp, "/api/ledger/tasks/" + alos + "/notes", "{\"due\":\"2026-13-01\"}", true).statusCode())
                .isEqualTo(400);
        String otherTask = json(server.get(server.login("admin"), "/api/ledger/tasks")).get("tasks").findValues("taskId")
                .stream().map(JsonNode::asText).filter(id -> !id.startsWith(ownPlan()))
                .filter(id -> json(server.get(server.login("admin"), "/api/ledger/tasks/" + id)).get("hospitalId").asText()
                        .equals(TestServer.OTHER)).findFirst().orElseThrow();
        assertThat(server.get(hosp, "/api/ledger/tasks/" + otherTask).statusCode()).isEqualTo(404);
        assertThat(server.post(hosp, "/api/ledger/tasks/" + otherTask + "/notes", "{\"note\":\"x\"}", true).statusCode())
                .isEqualTo(404);
    }

    @Test
    void followUpAndUnitViews() {
        plansImported();
        TestServer.Session admin = server.login("admin");
        TestServer.Session hosp = server.login("hosp");
        // 完善内部控制制度 has no deadline; moving its due date into the past makes it overdue
        String control = ownTask(2);
        assertThat(server.post(hosp, "/api/ledger/tasks/" + control + "/notes", "{\"due\":\"2026-10-31\",\"note\":\"期限调整\"}", true)
                .statusCode()).isEqualTo(200);
        JsonNode overdue = json(server.get(hosp, "/api/ledger/tasks/" + control));
        assertThat(overdue.get("due").asText()).isEqualTo("2026-10-31");
        assertThat(overdue.get("status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("reason").asText()).isEqualTo("已过完成期限 2026-10-31");
        String risky = null;
        for (JsonNode x : json(server.get(admin, "/api/ledger/tasks?status=NOT_STARTED")).get("tasks")) {
            if (x.get("hospitalId").isNull() && risky == null) {
                risky = x.get("taskId").asText();
            }
        }
        assertThat(server.post(admin, "/api/ledger/tasks/" + risky + "/notes", "{\"status\":\"有风险\",\"note\":\"资金未落实\"}", true)
                .statusCode()).isEqualTo(200);
        JsonNode follow = json(server.get(admin, "/api/ledger/tasks?followup=true")).get("tasks");
        List<String> statuses = new ArrayList<>();
        follow.forEach(t -> statuses.add(t.get("status").asText()));
        assertThat(statuses).isNotEmpty().allMatch(s -> s.equals("OVERDUE") || s.equals("AT_RISK"));
        assertThat(follow.findValues("taskId")).extracting(JsonNode::asText).contains(control, risky);
        assertThat(statuses.indexOf("AT_RISK") == -1 || statuses.lastIndexOf("OVERDUE") < statuses.indexOf("AT_RISK")).isTrue();
        JsonNode units = json(server.get(admin, "/api/ledger/units"));
        JsonNode health = null;
        for (JsonNode u : units) {
            if (u.get("unit").asText().equals("市卫生健康委")) {
                health = u;
            }
        }
        assertThat(health).isNotNull();
        // 市卫生健康委 leads 22 of the 26 tasks of the Tianjin hospital plan and shares tasks of the Qingyang plan
        JsonNode byUnit = json(server.get(admin, "/api/ledger/tasks?unit=" + java.net.URLEncoder.encode("市卫生健康委",
                StandardCharsets.UTF_8))).get("tasks");
        assertThat(byUnit.size()).isEqualTo(health.get("lead").asInt() + health.get("co").asInt());
        assertThat(server.get(admin, "/api/ledger/tasks?status=bogus").statusCode()).isEqualTo(400);
        assertThat(server.get(admin, "/api/ledger/tasks?bogus=1").statusCode()).isEqualTo(400);
    }

    @Test
    void theReviewStepCorrectsBeforeCommitting() {
        plansImported();
        TestServer.Session hosp = server.login("hosp");
        String text = OWN_PLAN.replace("第一医院", "第一医院二期");
        HttpResponse<String> x = server.post(hosp, "/api/ledger/extract", doc("p2.txt", text, TestServer.OWN, null), true);
        assertThat(x.statusCode()).as(x.body()).isEqualTo(200);
        JsonNode extracted = json(x);
        assertThat(extracted.get("plans").get(0).get("tasks")).hasSize(3);
        int before = json(server.get(hosp, "/api/ledger/tasks")).get("tasks").size();
        // nothing written by the extraction
        assertThat(json(server.get(hosp, "/api/ledger/tasks")).get("tasks")).hasSize(before);
        String[] lines = extracted.get("review").asText().split("\n");
        List<String> edited = new ArrayList<>();
        for (String l : lines) {
            if (l.contains("完善内部控制制度")) {
                edited.add(l.replaceAll("\t是\t([^\t]*)$", "\t否\t$1"));
            } else {
                edited.add(l.replace("\t党办\t", "\t党委办公室\t"));
            }
        }
        HttpResponse<String> c = server.post(hosp, "/api/ledger/plans",
                doc("p2.txt", text, TestServer.OWN, String.join("\n", edited)), true);
        assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
        assertThat(json(c).get("added").asInt()).isEqualTo(2);
        JsonNode tasks = json(server.get(hosp, "/api/ledger/tasks?unit=" + java.net.URLEncoder.encode("党委办公室",
                StandardCharsets.UTF_8))).get("tasks");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("title").asText()).isEqualTo("加强医院文化建设");
        HttpResponse<String> bad = server.post(hosp, "/api/ledger/extract", doc("x.txt", "这是一段没有任何编号任务的文字。", TestServer.OWN, null), true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).contains("没有可识别的任务");
    }

    @Test
    void briefingsOfWhatTheUserSees() {
        plansImported();
        assertThat(server.post(server.login("hosp"), "/api/ledger/tasks/" + ownTask(0) + "/notes",
                "{\"status\":\"推进中\",\"note\":\"已制定方案\"}", true).statusCode()).isEqualTo(200);
        HttpResponse<String> pdf = server.get(server.login("admin"), "/api/ledger/brief?period=2026&format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        HttpResponse<String> xlsx = server.get(server.login("hosp"), "/api/ledger/brief?period=2026&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(server.get(server.login("admin"), "/api/ledger/brief?period=2026&format=doc").statusCode()).isEqualTo(400);
        JsonNode audit = json(server.get(server.login("admin"), "/api/audit?limit=50"));
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> actions.add(a.get("action").asText() + " " + a.get("detail").asText()));
        assertThat(actions).anyMatch(a -> a.startsWith("导入方案 g.txt"));
        assertThat(actions).anyMatch(a -> a.startsWith("更新任务 ") && a.contains("推进中"));
        assertThat(actions).anyMatch(a -> a.startsWith("导出 台账通报 2026"));
    }
}
