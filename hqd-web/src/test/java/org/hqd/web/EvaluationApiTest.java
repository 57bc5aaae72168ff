package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /api/evaluation}, {@code /api/evaluation/tiers} and {@code /api/ranking}: the set's scope, the tier figures,
 * and the hospitals ranked by composite score among the peers the user's scope ranks them in (rank and percentile
 * consistent with the scores; a hospital user gets its own line only). The test
 * province's register (8 hospitals, HospitalRegister.tierCounts(8)) is H0001 NATIONAL_CENTER, H0002
 * NATIONAL_REGIONAL, H0003 PROVINCIAL_REGIONAL, H0004–H0005 CITY_TERTIARY, H0006–H0008 COUNTY; the hospital user's
 * own hospital is H0001, a tertiary one.
 */
@ExtendWith(ClassServer.class)
final class EvaluationApiTest {
    private static final String PERIOD = "2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;

    @BeforeAll
    static void start(TestServer started) {
        server = started;
    }

    private static JsonNode get(String user, String path) throws Exception {
        var r = server.get(server.login(user), path + (path.contains("?") ? "&" : "?") + "period=" + PERIOD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static Set<String> hospitals(JsonNode rows) {
        Set<String> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r.get("hospitalId").asText()));
        return out;
    }

    @Test
    void evaluation_tertiarySet_ratesTheFiveTertiaryHospitalsOnly_andSaysSo() throws Exception {
        JsonNode e = get("admin", "/api/evaluation?set=national-tertiary");

        assertThat(hospitals(e.get("rows"))).containsExactly("H0001", "H0002", "H0003", "H0004", "H0005");
        assertThat(e.get("scopeNote").asText()).isEqualTo("本指标体系适用于三级医院；不适用的 3 家医院未参评");
        assertThat(e.get("notice").isNull()).isTrue();
        JsonNode own = get("admin", "/api/evaluation");
        assertThat(hospitals(own.get("rows"))).hasSize(8);
        assertThat(own.get("scopeNote").isNull()).isTrue();
    }

    @Test
    void ranking_secondarySet_ranksTheThreeCountyHospitalsOnly() throws Exception {
        JsonNode r = get("admin", "/api/ranking?set=national-secondary");

        assertThat(hospitals(r.get("rows"))).containsExactlyInAnyOrder("H0006", "H0007", "H0008");
        assertThat(r.get("scopeNote").asText()).isEqualTo("本指标体系适用于二级医院（县级医院）；不适用的 5 家医院未参评");
    }

    @Test
    void hospitalUserOutsideTheScope_isToldWhyAndWhichSetsApply_notShownAnEmptyPage() throws Exception {
        String name = TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = 'H0001'");
        String sets = "的指标集：HQD 高质量发展监测指标、三级公立医院绩效考核指标（国考）、公立医院高质量发展评价指标（试行，2022）";
        String expected = name + "（国家医学中心）不在「二级公立医院绩效考核指标」的适用范围（二级医院（县级医院））内，未参评；"
                + "适用于本院" + sets;
        for (String path : List.of("/api/evaluation", "/api/ranking", "/api/evaluation/tiers")) {
            JsonNode a = get("hosp", path + "?set=national-secondary");
            assertThat(a.get("notice").asText()).as(path).isEqualTo(expected);
        }
        assertThat(get("hosp", "/api/evaluation?set=national-secondary").get("rows").size()).isZero();
        // within the scope: no notice, its own rows
        JsonNode tertiary = get("hosp", "/api/evaluation?set=national-tertiary");
        assertThat(tertiary.get("notice").isNull()).isTrue();
        assertThat(hospitals(tertiary.get("rows"))).containsExactly("H0001");
        // an admin asking for that hospital on the secondary set is told the same of 该院 (it is not the admin's own)
        assertThat(get("admin", "/api/evaluation?set=national-secondary&hospital=H0001").get("notice").asText())
                .isEqualTo(expected.replace("适用于本院", "适用于该院"));
    }

    @Test
    void tiers_everyIndicatorOfTheSet_meanAndMedianOfTheHospitalsValues_perTierAndOverall() throws Exception {
        JsonNode t = get("admin", "/api/evaluation/tiers?set=national-tertiary");
        JsonNode figures = t.get("figures");
        JsonNode values = t.get("hospitals");

        assertThat(figures.size()).isEqualTo(56);
        assertThat(figures.get(0).get("name").asText()).isEqualTo("门诊人次数与出院人次数比");
        assertThat(hospitals(values)).containsExactly("H0001", "H0002", "H0003", "H0004", "H0005");
        for (int i = 0; i < figures.size(); i++) {
            JsonNode cells = figures.get(i).get("cells");
            // 4 tertiary tiers, then all
            assertThat(cells.size()).isEqualTo(5);
            for (JsonNode c : cells) {
                List<Double> of = new ArrayList<>();
                for (JsonNode h : values) {
                    boolean in = c.get("overall").asBoolean() || c.get("tier").asText().equals(h.get("tier").asText());
                    if (in && !h.get("values").get(i).isNull()) {
                        of.add(h.get("values").get(i).asDouble());
                    }
                }
                assertFigures(c, of);
            }
            assertThat(cells.get(4).get("label").asText()).isEqualTo("全部");
            assertThat(cells.get(4).get("hospitals").asInt()).isEqualTo(5);
        }
    }

    @Test
    void tiers_hospitalUser_seesEveryTiersFigures_butOnlyItsOwnValues() throws Exception {
        JsonNode admin = get("admin", "/api/evaluation/tiers");
        JsonNode own = get("hosp", "/api/evaluation/tiers");

        assertThat(own.get("figures")).isEqualTo(admin.get("figures"));
        assertThat(hospitals(own.get("hospitals"))).containsExactly("H0001");
        assertThat(own.get("hospitals").get(0)).isEqualTo(admin.get("hospitals").get(0));
        assertThat(server.get(server.login("dept"), "/api/evaluation/tiers?period=" + PERIOD).statusCode())
                .isEqualTo(403);
        assertThat(server.get(server.login("hosp"), "/api/evaluation/tiers?period=" + PERIOD + "&hospital=H0002")
                .statusCode()).isEqualTo(403);
    }

    /** The count, mean and median of a group, worked out again from the hospitals' values. */
    private static void assertFigures(JsonNode cell, List<Double> values) {
        assertThat(cell.get("withValue").asInt()).as(cell.toString()).isEqualTo(values.size());
        if (values.isEmpty()) {
            assertThat(cell.get("mean").isNull()).isTrue();
            assertThat(cell.get("median").isNull()).isTrue();
            return;
        }
        Collections.sort(values);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        assertThat(cell.get("mean").asDouble()).as(cell.toString()).isCloseTo(mean, within(1e-9 * Math.max(1, Math.abs(mean))));
        assertThat(cell.get("median").asDouble()).as(cell.toString()).isCloseTo(median, within(1e-12));
    }

    // ---- /api/ranking: every hospital the user may see, ranked among the peers its scope ranks it in

    private static JsonNode ranking(String user, String query) throws Exception {
        return get(user, "/api/ranking" + query.replaceFirst("^&", "?"));
    }

    @Test
    void admin_seesEveryHospital_rankedByScoreWithinItsPeers() throws Exception {
        JsonNode body = ranking("admin", "");
        long hospitals = Long.parseLong(TestServer.single(server.dir, "SELECT count(*) FROM hospital_register"));
        assertThat(body.get("rows").size()).isEqualTo(hospitals);
        assertThat(body.get("dimensions")).extracting(JsonNode::asText)
                .containsExactly("医疗质量", "运营效率", "持续发展", "满意度评价");
        assertConsistent(body.get("rows"));
        // at least one peer group with two scored hospitals, so ranks and percentiles are exercised
        assertThat(body.get("rows")).anySatisfy(r -> assertThat(r.get("peers").asInt()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void cityRegulator_ranksItsCitysHospitalsAmongThemselves() throws Exception {
        JsonNode rows = ranking("cityreg", "").get("rows");
        String city = TestServer.single(server.dir, "SELECT city_code FROM hospital_register WHERE hospital_id = '"
                + TestServer.OWN + "'");
        long inCity = Long.parseLong(TestServer.single(server.dir, "SELECT count(*) FROM hospital_register WHERE city_code = '"
                + city + "'"));
        assertThat(rows.size()).isEqualTo(inCity);
        assertConsistent(rows);
    }

    @Test
    void hospitalUser_getsItsOwnLine_withItsRankAmongAllPeers_andNoOtherHospital() throws Exception {
        JsonNode own = ranking("hosp", "").get("rows");
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).get("hospitalId").asText()).isEqualTo(TestServer.OWN);
        JsonNode adminsLine = null;
        for (JsonNode r : ranking("admin", "").get("rows")) {
            if (r.get("hospitalId").asText().equals(TestServer.OWN)) {
                adminsLine = r;
            }
        }
        assertThat(own.get(0)).isEqualTo(adminsLine);
        TestServer.Session hosp = server.login("hosp");
        assertThat(server.get(hosp, "/api/ranking?period=" + PERIOD + "&hospital=" + TestServer.OTHER).statusCode())
                .isEqualTo(403);
        assertThat(server.get(server.login("dept"), "/api/ranking?period=" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(server.get(hosp, "/api/ranking").statusCode()).isEqualTo(400);
        assertThat(server.get(hosp, "/api/ranking?period=" + PERIOD + "&set=nope").statusCode()).isEqualTo(400);
    }

    @Test
    void anotherIndicatorSet_andOneHospital() throws Exception {
        JsonNode national = ranking("admin", "&set=national-tertiary");
        assertThat(national.get("set").asText()).isEqualTo("national-tertiary");
        // the five tertiary hospitals only (was all eight before the set declared its scope)
        assertThat(national.get("rows").size()).isEqualTo(5);
        assertConsistent(national.get("rows"));
        JsonNode one = ranking("admin", "&hospital=" + TestServer.OTHER).get("rows");
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.get(0).get("hospitalId").asText()).isEqualTo(TestServer.OTHER);
    }

    /**
     * Within each peer group: the scored hospitals ranked 1…n by score, highest first; {@code peers} = n; percentile
     * 100 · (n − rank) / (n − 1); unscored hospitals without rank; scores within 0–100.
     */
    private static void assertConsistent(JsonNode rows) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.get("peerGroup").asText(), k -> new ArrayList<>()).add(r));
        for (List<JsonNode> group : groups.values()) {
            List<JsonNode> scored = new ArrayList<>(group.stream().filter(r -> !r.get("score").isNull()).toList());
            scored.sort((a, b) -> Double.compare(b.get("score").asDouble(), a.get("score").asDouble()));
            int n = scored.size();
            for (int k = 0; k < n; k++) {
                JsonNode r = scored.get(k);
                assertThat(r.get("score").asDouble()).isBetween(0.0, 100.0);
                assertThat(r.get("rank").asInt()).as(r.toString()).isEqualTo(k + 1);
                assertThat(r.get("peers").asInt()).isEqualTo(n);
                if (n >= 2) {
                    assertThat(r.get("percentile").asDouble()).isCloseTo(100.0 * (n - 1 - k) / (n - 1), within(1e-9));
                } else {
                    assertThat(r.get("percentile").isNull()).isTrue();
                }
                assertThat(r.get("dimensions").size()).isEqualTo(4);
            }
            group.stream().filter(r -> r.get("score").isNull()).forEach(r -> assertThat(r.get("rank").isNull()).isTrue());
        }
    }
}
