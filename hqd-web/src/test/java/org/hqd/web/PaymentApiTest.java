package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The payment and compliance API: what each role sees, and the explanation of one case. */
@ExtendWith(ClassServer.class)
final class PaymentApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;

    @BeforeAll
    static void start(TestServer started) {
        server = started;
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static List<String> hospitals(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(n -> out.add(n.path("hospitalId").asText()));
        return out;
    }

    @Test
    void summary_adminSeesEveryHospital_hospitalUserItsOwn() throws Exception {
        JsonNode all = json(server.get(server.login("admin"), "/api/payment"));
        JsonNode own = json(server.get(server.login("hosp"), "/api/payment"));

        assertThat(all.path("basis").asText()).contains("HQD 权重版本", "点值");
        assertThat(hospitals(all.path("months"))).contains(TestServer.OWN, TestServer.OTHER);
        assertThat(hospitals(own.path("months"))).isNotEmpty().allMatch(TestServer.OWN::equals);
        long insured = 0;
        for (JsonNode m : all.path("months")) {
            insured += m.path("cases").asLong();
        }
        long expected = Long.parseLong(TestServer.single(server.dir, "SELECT count(*) FROM cases WHERE payer IN "
                + "('1', '2', '3', '城镇职工基本医疗保险', '城乡居民基本医疗保险')"));
        assertThat(insured).isEqualTo(expected);
    }

    @Test
    void summary_otherHospitalOrDepartmentUser_forbidden() {
        assertThat(server.get(server.login("hosp"), "/api/payment?hospital=" + TestServer.OTHER).statusCode())
                .isEqualTo(403);
        assertThat(server.get(server.login("dept"), "/api/payment").statusCode()).isEqualTo(403);
        assertThat(server.get(server.login("dept"), "/api/compliance").statusCode()).isEqualTo(403);
        assertThat(server.get(server.login("admin"), "/api/payment?method=xyz").statusCode()).isEqualTo(400);
        assertThat(server.get(null, "/api/payment").statusCode()).isEqualTo(401);
    }

    @Test
    void explain_ownCaseStepByStep_otherHospitalForbidden_unknownNotFound() throws Exception {
        TestServer.Session hosp = server.login("hosp");
        JsonNode worst = json(server.get(hosp, "/api/payment/cases"));
        String record = worst.get(0).path("recordId").asText();

        JsonNode x = json(server.get(hosp, "/api/payment/cases/" + TestServer.OWN + "/" + record));

        assertThat(hospitals(worst)).allMatch(TestServer.OWN::equals);
        assertThat(x.path("settlement").path("recordId").asText()).isEqualTo(record);
        assertThat(x.path("trace").get(0).asText()).startsWith("医疗付款方式");
        // the payer by the name of its 医疗付款方式 (the bundled rules' codes 1 and 2), not by its code
        for (JsonNode c : worst) {
            String name = switch (c.path("payer").asText()) {
                case "1" -> "城镇职工基本医疗保险";
                case "2" -> "城镇居民基本医疗保险";
                default -> c.path("payerName").asText();
            };
            assertThat(c.path("payerName").asText()).as(c.path("payer").asText()).isEqualTo(name).isNotBlank();
        }
        assertThat(worst).anyMatch(c -> c.path("payer").asText().matches("[12]"));
        assertThat(server.get(hosp, "/api/payment/cases/" + TestServer.OTHER + "/" + record).statusCode()).isEqualTo(403);
        assertThat(server.get(hosp, "/api/payment/cases/" + TestServer.OWN + "/NO-SUCH").statusCode()).isEqualTo(404);
    }

    @Test
    void compliance_rulesWithSources_flagsScoped() throws Exception {
        JsonNode all = json(server.get(server.login("admin"), "/api/compliance"));
        JsonNode own = json(server.get(server.login("hosp"), "/api/compliance"));

        assertThat(all.path("rules")).hasSize(5);
        all.path("rules").forEach(r -> assertThat(r.path("source").asText()).isNotBlank());
        assertThat(hospitals(own.path("flags"))).allMatch(TestServer.OWN::equals);
        assertThat(own.path("total").asInt()).isLessThanOrEqualTo(all.path("total").asInt());
    }
}
