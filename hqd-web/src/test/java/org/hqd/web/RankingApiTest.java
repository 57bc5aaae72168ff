package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/ranking}: every hospital the user may see with its composite score ranked among the peers the user's
 * scope ranks it in, rank and percentile consistent with the scores; a hospital user gets its own line only.
 */
final class RankingApiTest {
    private static final String PERIOD = "2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(tmp, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ranking(String user, String query) throws Exception {
        var r = server.get(server.login(user), "/api/ranking?period=" + PERIOD + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
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
