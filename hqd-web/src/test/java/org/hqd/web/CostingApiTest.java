package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hqd.app.Actor;
import org.hqd.app.costing.CostingService;
import org.hqd.budget.BudgetCatalog;
import org.hqd.io.table.TableFile;
import org.hqd.store.budget.BudgetStore;
import org.hqd.synth.SyntheticBudget;
import org.hqd.synth.SyntheticCosting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost accounting's API by role, on the test province costed for 2024 (its synthetic actuals and drivers): each
 * role sees the runs and departments of its hospitals only, department users none; the department lines add up.
 */
final class CostingApiTest {
    static final int YEAR = 2024;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-04-10T08:00:00Z"), ZoneOffset.UTC);
        server = new TestServer(tmp, clock);
        Path budget = tmp.resolve("budget");
        SyntheticBudget.writeTo(TestProvince.source(), YEAR, 3, budget);
        Path drivers = SyntheticCosting.writeTo(TestProvince.source(), YEAR, budget).file();
        byte[] actuals = Files.readAllBytes(budget.resolve(SyntheticBudget.actualsFile(YEAR)));
        new BudgetStore(server.dir, BudgetCatalog.standard()).importActuals("actuals.csv", "t", BudgetStore.rows(
                TableFile.read("actuals.csv", actuals, StandardCharsets.UTF_8, List.of())), "test", clock.instant());
        CostingService s = new CostingService(org.hqd.app.DataAccess.of(server.dir), clock);
        s.loadDrivers(Actor.commandLine(), "drivers.csv", Files.readAllBytes(drivers), StandardCharsets.UTF_8);
        s.run(Actor.commandLine(), Optional.empty(), YEAR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String user, String path) {
        return server.get(server.login(user), path);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    static Set<String> runHospitals(String user) {
        HttpResponse<String> r = get(user, "/api/costing/runs");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Set<String> out = new HashSet<>();
        json(r).forEach(x -> out.add(x.get("hospitalId").asText()));
        return out;
    }

    @Test
    void runs_scopedByRole() {
        assertThat(runHospitals("admin")).hasSize(8).contains(TestServer.OWN, TestServer.OTHER);
        assertThat(runHospitals("hosp")).containsExactly(TestServer.OWN);
        assertThat(get("dept", "/api/costing/runs").statusCode()).isEqualTo(403);
    }

    @Test
    void departments_ownHospital_linesAddUpToTheDirectCost() {
        HttpResponse<String> r = get("hosp", "/api/costing/departments?year=" + YEAR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = json(r);
        long full = 0;
        long clinical = 0;
        for (JsonNode x : d.get("departments")) {
            full += Math.round(x.get("full").asDouble() * 100);
            if (x.get("costClass").asText().equals("CLINICAL")) {
                clinical += Math.round(x.get("full").asDouble() * 100);
                assertThat(Math.round((x.get("outpatient").asDouble() + x.get("inpatient").asDouble()) * 100))
                        .isEqualTo(Math.round(x.get("full").asDouble() * 100));
            }
        }
        assertThat(full).isEqualTo(clinical).isEqualTo(Math.round(d.get("totalDirect").asDouble() * 100));
        assertThat(d.get("departments").findValuesAsText("classLabel")).contains("行政后勤类", "医疗辅助类", "医疗技术类", "临床服务类");
        // the rules by their name (the page shows it), not their id
        assertThat(d.get("run").get("rulesId").asText()).isEqualTo("cost-accounting-2021");
        assertThat(d.get("rulesName").asText()).isEqualTo("科室成本三级分摊默认规则（依据《公立医院成本核算规范》，国卫财务发〔2021〕4 号）");
    }

    @Test
    void departments_otherHospitalForbidden_notCostedYearNotFound() {
        assertThat(get("hosp", "/api/costing/departments?hospital=" + TestServer.OTHER + "&year=" + YEAR).statusCode())
                .isEqualTo(403);
        assertThat(get("admin", "/api/costing/departments?hospital=" + TestServer.OTHER + "&year=" + YEAR).statusCode())
                .isEqualTo(200);
        HttpResponse<String> none = get("admin", "/api/costing/departments?hospital=" + TestServer.OTHER + "&year=2023");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(json(none).get("error").asText()).contains("尚未核算成本");
    }

    @Test
    void drgs_marginIsMeanPaymentLessMeanCostTimesCases() {
        HttpResponse<String> r = get("hosp", "/api/costing/drgs?year=" + YEAR);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode lines = json(r).get("lines");
        assertThat(lines).isNotEmpty();
        lines.forEach(l -> assertThat(l.get("margin").asDouble()).isCloseTo(l.get("cases").asLong()
                * (l.get("meanPayment").asDouble() - l.get("meanCost").asDouble()), org.assertj.core.api.Assertions.within(0.01)));
        assertThat(get("cityreg", "/api/costing/drgs?year=" + YEAR).statusCode()).isEqualTo(400);
    }
}
