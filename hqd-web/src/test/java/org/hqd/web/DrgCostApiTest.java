package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The per-DRG 盈亏 view ({@code /api/costs?by=drg&hospital=H[&department=D]}): its DRGs add up to the hospital's
 * (or the department's) own line of the same settlement, it is scoped by role, and the filters' errors say what is
 * wrong (unknown hospital 404, reversed range 400).
 */
@ExtendWith(ClassServer.class)
final class DrgCostApiTest {
    private static TestServer server;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start(TestServer started) {
        server = started;
    }

    private static JsonNode get(TestServer.Session s, String path) throws Exception {
        var r = server.get(s, path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode line(JsonNode lines, String unit) {
        for (JsonNode l : lines) {
            if (l.get("unit").asText().equals(unit)) {
                return l;
            }
        }
        throw new AssertionError("no line " + unit + " in " + lines);
    }

    /** The DRG lines summed field by field equal the unit's own line (another grouping of the same cases). */
    private static void assertAddsUpTo(JsonNode drgs, JsonNode whole) {
        for (String field : new String[] {"cases", "payment", "cost", "balance", "excessDrug", "excessMaterial",
            "excessExam"}) {
            double sum = 0;
            for (JsonNode l : drgs) {
                sum += l.get(field).asDouble();
            }
            assertThat(sum).as(field).isCloseTo(whole.get(field).asDouble(), within(0.02));
        }
    }

    @Test
    void admin_aHospitalsDrgs_addUpToItsLine_andTheWorstCategoryIsTheLargestExcess() throws Exception {
        TestServer.Session admin = server.login("admin");
        JsonNode drgs = get(admin, "/api/costs?by=drg&hospital=" + TestServer.OTHER);
        assertThat(drgs.size()).isGreaterThan(5);
        assertAddsUpTo(drgs, line(get(admin, "/api/costs?by=hospital"), TestServer.OTHER));
        for (JsonNode l : drgs) {
            assertThat(l.get("unit").asText()).matches("[A-Z0-9]{2,8}");
            double[] e = {l.get("excessDrug").asDouble(), l.get("excessMaterial").asDouble(), l.get("excessExam").asDouble()};
            double max = Math.max(e[0], Math.max(e[1], e[2]));
            String expected = max <= 0 ? "" : max == e[0] ? "药品费" : max == e[1] ? "耗材费" : "检查化验费";
            assertThat(l.get("excessCategory").asText()).as(l.toString()).isEqualTo(expected);
        }
        // biggest loss first
        for (int i = 1; i < drgs.size(); i++) {
            assertThat(drgs.get(i).get("balance").asDouble()).isGreaterThanOrEqualTo(drgs.get(i - 1).get("balance").asDouble());
        }
    }

    @Test
    void admin_theProvincesDrgs_withoutAHospital_addUpToEveryHospitalsLines() throws Exception {
        TestServer.Session admin = server.login("admin");
        JsonNode drgs = get(admin, "/api/costs?by=drg");
        JsonNode hospitals = get(admin, "/api/costs?by=hospital");
        assertThat(drgs.size()).isGreaterThan(5);
        assertThat(hospitals.size()).isGreaterThan(1);
        // the province's line: every hospital's line summed
        com.fasterxml.jackson.databind.node.ObjectNode province = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        for (String field : new String[] {"cases", "payment", "cost", "balance", "excessDrug", "excessMaterial",
            "excessExam"}) {
            double sum = 0;
            for (JsonNode h : hospitals) {
                sum += h.get(field).asDouble();
            }
            province.put(field, sum);
        }
        assertAddsUpTo(drgs, province);
        java.util.Set<String> units = new java.util.HashSet<>();
        for (JsonNode l : drgs) {
            assertThat(units.add(l.get("unit").asText())).as("one line per DRG").isTrue();
        }
    }

    @Test
    void aDepartmentsDrgs_addUpToTheDepartmentsLine() throws Exception {
        TestServer.Session admin = server.login("admin");
        String dept = server.department;
        JsonNode drgs = get(admin, "/api/costs?by=drg&hospital=" + TestServer.OWN + "&department="
                + java.net.URLEncoder.encode(dept, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(drgs).isNotEmpty();
        assertAddsUpTo(drgs, line(get(admin, "/api/costs?by=department&hospital=" + TestServer.OWN),
                TestServer.OWN + "/" + dept));
        // the department user gets the same without asking, and nothing of another department
        TestServer.Session du = server.login("dept");
        assertThat(get(du, "/api/costs?by=drg")).isEqualTo(drgs);
        assertThat(server.get(du, "/api/costs?by=drg&department=" + java.net.URLEncoder.encode("不存在的科室",
                java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        assertThat(server.get(du, "/api/costs?by=drg&hospital=" + TestServer.OTHER).statusCode()).isEqualTo(403);
    }

    @Test
    void roles_scopeTheView_andFiltersSayWhatIsWrong() throws Exception {
        TestServer.Session hosp = server.login("hosp");
        assertThat(get(hosp, "/api/costs?by=drg")).isEqualTo(get(server.login("admin"), "/api/costs?by=drg&hospital="
                + TestServer.OWN));
        assertThat(server.get(hosp, "/api/costs?by=drg&hospital=" + TestServer.OTHER).statusCode()).isEqualTo(403);
        TestServer.Session admin = server.login("admin");
        var unknown = server.get(admin, "/api/costs?by=drg&hospital=H9999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("没有医院 H9999");
        assertThat(server.get(hosp, "/api/metrics?by=hospital&hospital=H9999").statusCode()).isEqualTo(404);
        var noHospital = server.get(admin, "/api/costs?by=drg&department=x");
        assertThat(noHospital.statusCode()).isEqualTo(400);
        assertThat(noHospital.body()).contains("按病组（by=drg）查看科室的盈亏须选择医院");
        var reversed = server.get(admin, "/api/metrics?by=hospital&from=2024-03-01&to=2024-01-31");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("开始日期 2024-03-01 晚于结束日期 2024-01-31");
        assertThat(server.get(admin, "/api/costs?by=hospital&department=x").statusCode()).isEqualTo(400);
    }

    @Test
    void evaluationQualityAndMetrics_honourTheirFilters() throws Exception {
        TestServer.Session admin = server.login("admin");
        JsonNode info = get(admin, "/api/info");
        String period = info.get("lastMonth").asText().substring(0, 4);
        JsonNode all = get(admin, "/api/evaluation?period=" + period).get("rows");
        JsonNode one = get(admin, "/api/evaluation?period=" + period + "&hospital=" + TestServer.OTHER).get("rows");
        long expected = 0;
        for (JsonNode r : all) {
            expected += r.get("hospitalId").asText().equals(TestServer.OTHER) ? 1 : 0;
        }
        assertThat(one.size()).isEqualTo(expected).isPositive().isLessThan(all.size());
        one.forEach(r -> assertThat(r.get("hospitalId").asText()).isEqualTo(TestServer.OTHER));

        String first = info.get("firstMonth").asText();
        JsonNode quality = get(admin, "/api/quality?from=" + first + "-01&to=" + first + "-28&hospital=" + TestServer.OWN);
        assertThat(quality.get("checked")).hasSize(1);
        assertThat(quality.get("checked").get(0).get("period").asText()).isEqualTo(first);
        assertThat(quality.get("checked").get(0).get("hospitalId").asText()).isEqualTo(TestServer.OWN);
        // a finding's rule is shown by its name: every rule of the catalogue is named
        assertThat(quality.get("rules").get("REQUIRED_MISSING").asText()).isEqualTo("必填项缺失");
        assertThat(quality.get("rules").get("COST_SUM").asText()).startsWith("各项费用之和与总费用不符");
        assertThat(quality.get("rules").size()).isEqualTo(org.hqd.quality.QualityRuleCatalog.standard().rules().size());

        String dept = java.net.URLEncoder.encode(server.department, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode department = get(admin, "/api/metrics?by=department&hospital=" + TestServer.OWN + "&department=" + dept);
        assertThat(department).hasSize(1);
        assertThat(department.get(0).get("unit").asText()).isEqualTo(TestServer.OWN + "/" + server.department);
        JsonNode drgs = get(admin, "/api/metrics?by=drg&hospital=" + TestServer.OWN);
        long cases = 0;
        for (JsonNode r : drgs) {
            cases += r.get("cases").asLong();
        }
        assertThat(cases).isEqualTo(Long.parseLong(TestServer.single(server.dir,
                "SELECT count(*) FROM cases WHERE hospital_id = '" + TestServer.OWN + "'")));
    }
}
