package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The analysis entry points (DRG cases, outliers, DIP, quality) are scoped like the others. */
@ExtendWith(ClassServer.class)
final class AnalysisApiScopeTest {
    private static TestServer server;
    private static String drg;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start(TestServer started) {
        server = started;
        drg = TestServer.single(server.dir, "SELECT drg FROM cases WHERE status = 'GROUPED' GROUP BY 1 "
                + "ORDER BY count(*) DESC, 1 LIMIT 1");
    }

    @Test
    void hospitalUser_getsItsOwnRowsOnly_and403ForAnotherHospital() throws Exception {
        TestServer.Session hosp = server.login("hosp");
        for (String path : new String[] {"/api/drgs/" + drg + "/cases", "/api/outliers", "/api/dip?by=department"}) {
            var own = server.get(hosp, path);
            assertThat(own.statusCode()).as(path).isEqualTo(200);
            JsonNode body = JSON.readTree(own.body());
            JsonNode rows = body.has("rows") ? body.get("rows") : body;
            for (JsonNode r : rows) {
                String h = r.has("hospitalId") ? r.get("hospitalId").asText() : r.get("metrics").get("unit").asText()
                        .split("/")[0];
                assertThat(h).as(path).isEqualTo(TestServer.OWN);
            }
            String other = path + (path.contains("?") ? "&" : "?") + "hospital=" + TestServer.OTHER;
            assertThat(server.get(hosp, other).statusCode()).as(other).isEqualTo(403);
        }
        JsonNode quality = JSON.readTree(server.get(hosp, "/api/quality").body());
        assertThat(quality.get("checked")).isNotEmpty();
        quality.get("checked").forEach(l -> assertThat(l.get("hospitalId").asText()).isEqualTo(TestServer.OWN));
    }

    @Test
    void departmentUser_seesOnlyItsDepartmentsCases_andNoQualityReport() throws Exception {
        TestServer.Session dept = server.login("dept");
        JsonNode cases = JSON.readTree(server.get(dept, "/api/drgs/" + drg + "/cases").body());
        cases.forEach(c -> assertThat(c.get("department").asText()).isEqualTo(server.department));
        JsonNode outliers = JSON.readTree(server.get(dept, "/api/outliers").body()).get("rows");
        outliers.forEach(o -> assertThat(o.get("department").asText()).isEqualTo(server.department));
        assertThat(server.get(dept, "/api/quality").statusCode()).isEqualTo(403);
        assertThat(server.get(dept, "/api/dip?by=hospital").statusCode()).isEqualTo(403);
    }

    @Test
    void admin_drgCases_areTheDrgsCasesMostExpensiveFirst() throws Exception {
        TestServer.Session admin = server.login("admin");
        JsonNode cases = JSON.readTree(server.get(admin, "/api/drgs/" + drg + "/cases").body());
        long expected = Long.parseLong(TestServer.single(server.dir, "SELECT least(500, count(*)) FROM cases "
                + "WHERE status = 'GROUPED' AND drg = '" + drg + "'"));
        assertThat(cases.size()).isEqualTo(expected);
        for (int i = 1; i < cases.size(); i++) {
            assertThat(cases.get(i).get("cost").asDouble()).isLessThanOrEqualTo(cases.get(i - 1).get("cost").asDouble());
        }
        assertThat(server.get(admin, "/api/drgs/x';--/cases").statusCode()).isEqualTo(400);
    }
}
