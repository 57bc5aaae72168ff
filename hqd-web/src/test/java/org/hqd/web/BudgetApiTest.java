package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.HqdException;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.hqd.budget.PerformanceDimension;
import org.hqd.budget.PerformanceTarget;
import org.hqd.evaluation.Comparison;
import org.hqd.store.budget.BudgetStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget API by role, on a copy of the test province per test with the clock at 2026-04-10: H0001's 2026 budget
 * imported by its hospital user (lines of the department user's department, 全院 and 财务科), H0002's by the admin;
 * the workflow through the API (submit, approve, return, adjust), actuals with bad rows, execution as of a month,
 * what a department user sees, the reports and the audit log. Each test brings the budgets to the state it needs
 * through the API ({@link #ownBudgetSubmitted()}, {@link #ownBudgetApproved()}, {@link #firstQuarterActuals()}).
 */
final class BudgetApiTest {
    @TempDir
    Path tmp;

    TestServer server;
    static final ObjectMapper JSON = new ObjectMapper();
    static final int YEAR = 2026;
    /** The department user's department (a clinical department of H0001). */
    String dept;

    /** H0001's budget: department, item, monthly amount in yuan. */
    String[][] ownBudget() {
        return new String[][] {
            {dept, "R0112", "100000"}, {dept, "药品费", "30000"}, {"全院", "R0201", "50000"},
            {"全院", "E0101", "60000"}, {"全院", "E0401", "5000"}, {"财务科", "E0404", "2000"}};
    }

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp, Clock.fixed(Instant.parse("2026-04-10T08:00:00Z"), ZoneOffset.UTC));
        dept = server.department;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** H0001's budget imported by its hospital user and submitted with the comment 请审批. */
    void ownBudgetSubmitted() {
        HttpResponse<String> r = server.post(server.login("hosp"), "/api/budget/import",
                importBody("预算2026.csv", budgetCsv(TestServer.OWN, ownBudget()), "budget"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(act("hosp", TestServer.OWN, "submit", "{\"comment\":\"请审批\"}").statusCode()).isEqualTo(200);
    }

    /** H0001's budget submitted and approved by the regulator (同意): version 1 in force. */
    void ownBudgetApproved() {
        ownBudgetSubmitted();
        assertThat(act("regulator", TestServer.OWN, "approve", "{\"comment\":\"同意\"}").statusCode()).isEqualTo(200);
    }

    /** H0002's budget imported and submitted by the admin. */
    void otherBudgetSubmitted() {
        HttpResponse<String> other = server.post(server.login("admin"), "/api/budget/import",
                importBody("h2.csv", budgetCsv(TestServer.OTHER, new String[][] {{"全院", "R0201", "80000"},
                    {"财务科", "E0101", "70000"}}), "budget"), true);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(act("admin", TestServer.OTHER, "submit", "{}").statusCode()).isEqualTo(200);
    }

    /** H0001's actual amounts of January–March ({@link #actualsCsv()}) imported by its hospital user. */
    void firstQuarterActuals() {
        HttpResponse<String> r = server.post(server.login("hosp"), "/api/budget/import",
                importBody("实际数.csv", actualsCsv(), "actuals"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Two performance targets of H0001: 住院收入执行率 ≥ 0.25 (weight 60) and 财务科支出执行率 ≤ 0.30 (weight 40). */
    void performanceTargets() {
        new BudgetStore(server.dir, BudgetCatalog.standard()).saveTargets(List.of(
                new PerformanceTarget(TestServer.OWN, YEAR, dept, "R0112", PerformanceDimension.QUANTITY, "住院收入执行率",
                        Comparison.GE, 0.25, "", 60, PerformanceTarget.EXECUTION_RATE),
                new PerformanceTarget(TestServer.OWN, YEAR, "财务科", "E0404", PerformanceDimension.COST, "财务科支出执行率",
                        Comparison.LE, 0.30, "", 40, PerformanceTarget.EXECUTION_RATE)));
    }

    /** A budget file: every line for months 1–12. */
    String budgetCsv(String hospital, String[][] lines) {
        StringBuilder b = new StringBuilder("hospital_id,year,department,item,month,amount\n");
        for (String[] l : lines) {
            for (int m = 1; m <= 12; m++) {
                b.append(hospital).append(',').append(YEAR).append(',').append(l[0]).append(',').append(l[1]).append(',')
                        .append(m).append(',').append(l[2]).append('\n');
            }
        }
        return b.toString();
    }

    static String importBody(String name, String text, String kind) {
        return JSON.createObjectNode().put("name", name).put("text", text).put("kind", kind).toString();
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    HttpResponse<String> act(String user, String hospital, String action, String body) {
        return server.post(server.login(user), "/api/budget/" + hospital + "/" + YEAR + "/" + action, body, true);
    }

    JsonNode budget(String user, String query) {
        HttpResponse<String> r = server.get(server.login(user), "/api/budget" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    static JsonNode line(JsonNode view, String department, String item) {
        for (JsonNode l : view.get("lines")) {
            if (l.get("department").asText().equals(department) && l.get("itemCode").asText().equals(item)) {
                return l;
            }
        }
        throw new AssertionError("no line " + department + " " + item + " in " + view.get("lines"));
    }

    @Test
    void hospitalUserImportsItsOwnBudgetAndSubmitsIt() {
        String own = budgetCsv(TestServer.OWN, ownBudget());
        assertThat(server.post(server.login("dept"), "/api/budget/import", importBody("b.csv", own, "budget"), true)
                .statusCode()).as("a department user imports nothing").isEqualTo(403);
        assertThat(server.post(server.login("regulator"), "/api/budget/import", importBody("b.csv", own, "budget"), true)
                .statusCode()).as("a regulator approves, it does not compile").isEqualTo(403);
        TestServer.Session hosp = server.login("hosp");
        HttpResponse<String> mixed = server.post(hosp, "/api/budget/import", importBody("b.csv",
                own + budgetCsv(TestServer.OTHER, new String[][] {{"全院", "R0201", "1"}}).replaceFirst("^[^\n]*\n", ""),
                "budget"), true);
        assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(403);
        assertThat(json(mixed).get("error").asText()).contains(TestServer.OTHER).contains("整个文件未导入");
        assertThat(json(server.get(server.login("admin"), "/api/budget/list"))).as("nothing written").isEmpty();
        assertThat(server.get(hosp, "/api/budget").statusCode()).as("no budget yet").isEqualTo(404);
        assertThat(server.post(hosp, "/api/budget/import", importBody("b.csv", own, "budget"), false).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(server.post(hosp, "/api/budget/import", importBody("b.csv", "a,b\n1,2\n", "budget"), true).statusCode())
                .as("columns missing").isEqualTo(400);
        assertThat(server.post(hosp, "/api/budget/import", importBody("b.csv", own, "plan"), true).statusCode())
                .isEqualTo(400);

        HttpResponse<String> r = server.post(hosp, "/api/budget/import", importBody("预算2026.csv", own, "budget"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = json(r);
        assertThat(result.get("read").asInt()).isEqualTo(72);
        assertThat(result.get("accepted").asInt()).isEqualTo(72);
        assertThat(result.get("rejected").asInt()).isZero();
        assertThat(texts(result.get("changes"))).anyMatch(c -> c.startsWith("H0001 2026 年年初预算：新建草稿 72 行"));

        JsonNode view = budget("hosp", "");
        assertThat(view.get("hospitalId").asText()).isEqualTo(TestServer.OWN);
        assertThat(view.get("year").asInt()).isEqualTo(YEAR);
        assertThat(view.get("month").asInt()).as("no actuals yet: the whole year").isEqualTo(12);
        assertThat(view.get("basis").get("state").asText()).isEqualTo("DRAFT");
        assertThat(view.get("inForce").isNull()).isTrue();
        assertThat(texts(view.get("can"))).containsExactlyInAnyOrder("import", "submit", "actuals");
        assertThat(view.get("totals").get("REVENUE").get("annualBudget").asDouble()).isEqualTo(12 * 150_000.0);
        assertThat(view.get("totals").get("EXPENDITURE").get("annualBudget").asDouble()).isEqualTo(12 * 97_000.0);

        HttpResponse<String> submitted = act("hosp", TestServer.OWN, "submit", "{\"comment\":\"请审批\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(json(submitted).get("version").get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(texts(budget("hosp", "").get("can"))).as("nothing for the hospital while it waits")
                .containsExactly("actuals");

        // the admin compiles and submits H0002's budget
        HttpResponse<String> other = server.post(server.login("admin"), "/api/budget/import",
                importBody("h2.csv", budgetCsv(TestServer.OTHER, new String[][] {{"全院", "R0201", "80000"},
                    {"财务科", "E0101", "70000"}}), "budget"), true);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(act("admin", TestServer.OTHER, "submit", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void regulatorsApproveAndReturn_hospitalsAndDepartmentsDoNot() {
        ownBudgetSubmitted();
        otherBudgetSubmitted();
        HttpResponse<String> self = act("hosp", TestServer.OWN, "approve", "{\"comment\":\"\"}");
        assertThat(self.statusCode()).as("a hospital does not approve its own budget").isEqualTo(403);
        assertThat(json(self).get("error").asText()).contains("批准");
        assertThat(server.get(server.login("hosp"), "/api/budget?hospital=" + TestServer.OTHER).statusCode()).isEqualTo(403);
        assertThat(act("hosp", TestServer.OTHER, "approve", "{}").statusCode()).isEqualTo(403);
        assertThat(act("hosp", TestServer.OTHER, "submit", "{}").statusCode()).isEqualTo(403);
        assertThat(act("dept", TestServer.OWN, "submit", "{}").statusCode()).isEqualTo(403);
        assertThat(act("dept", TestServer.OWN, "approve", "{}").statusCode()).isEqualTo(403);
        assertThat(act("regulator", TestServer.OWN, "submit", "{}").statusCode()).as("regulators approve or return")
                .isEqualTo(403);
        assertThat(act("regulator", TestServer.OWN, "publish", "{}").statusCode()).isEqualTo(400);
        assertThat(server.post(server.login("regulator"), "/api/budget/" + TestServer.OWN + "/20x6/approve", "{}", true)
                .statusCode()).isEqualTo(400);

        assertThat(texts(budget("regulator", "?hospital=" + TestServer.OWN).get("can")))
                .containsExactlyInAnyOrder("approve", "return");
        HttpResponse<String> noComment = act("regulator", TestServer.OWN, "return", "{\"comment\":\"  \"}");
        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(json(noComment).get("error").asText()).contains("退回预算必须写明意见").doesNotContain("--");

        HttpResponse<String> ok = act("regulator", TestServer.OWN, "approve", "{\"comment\":\"同意\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("version").get("state").asText()).isEqualTo("APPROVED");
        HttpResponse<String> again = act("regulator", TestServer.OWN, "approve", "{}");
        assertThat(again.statusCode()).isEqualTo(400);
        String expected;
        try {
            BudgetWorkflow.apply(TestServer.OWN, YEAR, Optional.of(new BudgetVersion(TestServer.OWN, YEAR, 1, false,
                    BudgetState.APPROVED, "")), BudgetAction.APPROVE, "");
            throw new AssertionError("the workflow approves twice");
        } catch (HqdException e) {
            expected = e.getMessage();
        }
        assertThat(json(again).get("error").asText()).isEqualTo(expected);

        HttpResponse<String> returned = act("regulator", TestServer.OTHER, "return", "{\"comment\":\"人员经费偏高，请说明\"}");
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        assertThat(json(returned).get("version").get("state").asText()).isEqualTo("RETURNED");
        JsonNode h2 = budget("admin", "?hospital=" + TestServer.OTHER);
        assertThat(texts(h2.get("can"))).containsExactlyInAnyOrder("import", "submit", "actuals");
        assertThat(h2.get("history").get(2).get("comment").asText()).isEqualTo("人员经费偏高，请说明");

        JsonNode list = json(server.get(server.login("hosp"), "/api/budget/list"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("hospitalId").asText()).isEqualTo(TestServer.OWN);
        assertThat(list.get(0).get("latest").get("stateLabel").asText()).isEqualTo("已批准");
        assertThat(list.get(0).get("inForce").get("version").asInt()).isEqualTo(1);
        assertThat(json(server.get(server.login("admin"), "/api/budget/list"))).hasSize(2);
    }

    String actualsCsv() {
        StringBuilder b = new StringBuilder("hospital_id,year,department,item,month,amount\n");
        String[][] monthly = {{dept, "R0112", "90000", "95000", "110000"}, {dept, "E0201", "50000", "50000", "50000"},
            {"全院", "R0201", "50000", "50000", "50000"}, {"全院", "E0101", "60000", "61000", "62000.50"},
            {"全院", "E0401", "5000", "5000", "5000"}, {"财务科", "E0404", "2000", "2000", "2000"}};
        for (String[] l : monthly) {
            for (int m = 1; m <= 3; m++) {
                b.append("H0001,2026,").append(l[0]).append(',').append(l[1]).append(',').append(m).append(',')
                        .append(l[1 + m]).append('\n');
            }
        }
        // the bad rows are of April, which has no good row (a month with a refused row is not replaced at all)
        b.append("H0001,2026,财务科,X999,4,100\n");
        b.append("H0001,2026,全院,E0402,4,一百元\n");
        return b.toString();
    }

    @Test
    void actualsWithBadRowsReportThemAndAcceptTheRest() {
        ownBudgetApproved();
        // the evaluation is computed (and cached by the server) before the actuals arrive
        OptionalDouble before = personnelShare();
        HttpResponse<String> r = server.post(server.login("hosp"), "/api/budget/import",
                importBody("实际数.csv", actualsCsv(), "actuals"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = json(r);
        assertThat(result.get("read").asInt()).isEqualTo(20);
        assertThat(result.get("accepted").asInt()).isEqualTo(18);
        assertThat(result.get("rejected").asInt()).isEqualTo(2);
        assertThat(result.get("rejectedByRule").get("UNKNOWN_ITEM").asInt()).isEqualTo(1);
        assertThat(result.get("rejectedByRule").get("BAD_AMOUNT").asInt()).isEqualTo(1);
        // what the page shows for a refusal: its name, not its id
        assertThat(result.get("ruleNames").get("UNKNOWN_ITEM").asText()).isEqualTo("项目不在预算项目目录中");
        assertThat(result.get("ruleNames").get("BAD_AMOUNT").asText()).isEqualTo("金额无效");
        JsonNode rows = result.get("rejectedRows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("line").asInt()).isEqualTo(20);
        assertThat(rows.get(0).get("item").asText()).isEqualTo("X999");
        assertThat(texts(rows.get(0).get("reasons"))).anyMatch(m -> m.contains("X999"));
        assertThat(rows.get(1).get("amount").asText()).isEqualTo("一百元");
        assertThat(texts(rows.get(1).get("ruleIds"))).containsExactly("BAD_AMOUNT");
        assertThat(texts(result.get("changes"))).hasSize(3);
        // the actuals are the finance system's: they replace the facility report's spending in the evaluation
        double expected = 183_000.50 / (150_000.0 + 183_000.50 + 15_000.0 + 6_000.0);
        assertThat(before.isPresent() && Math.abs(before.getAsDouble() - expected) < 1e-9).isFalse();
        assertThat(personnelShare()).hasValueCloseTo(expected, within(1e-9));
    }

    /** H0001's 人员支出占业务支出比重 in the evaluation of the first quarter of 2026. */
    OptionalDouble personnelShare() {
        HttpResponse<String> r = server.get(server.login("admin"), "/api/evaluation?period=2026-01..2026-03");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode row : json(r).get("rows")) {
            if (row.get("hospitalId").asText().equals(TestServer.OWN) && row.get("indicator").asText().equals("personnel_cost_share")) {
                return row.get("value").isNull() ? OptionalDouble.empty() : OptionalDouble.of(row.get("value").asDouble());
            }
        }
        throw new AssertionError("no personnel_cost_share of H0001 in " + r.body());
    }

    @Test
    void executionAsOfAMonthIsActualToDateOverTheAnnualBudget() {
        ownBudgetApproved();
        firstQuarterActuals();
        JsonNode latest = budget("hosp", "");
        assertThat(latest.get("month").asInt()).as("the last month with actuals").isEqualTo(3);
        assertThat(texts(latest.get("monthsWithActuals"))).containsExactly("1", "2", "3");

        JsonNode feb = budget("hosp", "?year=2026&month=2");
        JsonNode l = line(feb, dept, "R0112");
        assertThat(l.get("itemName").asText()).isEqualTo("住院诊察治疗手术收入");
        assertThat(l.get("annualBudget").asDouble()).isEqualTo(1_200_000.0);
        assertThat(l.get("budgetToDate").asDouble()).isEqualTo(200_000.0);
        // months 1 and 2 only: March's 110,000 is after the boundary
        assertThat(l.get("actualToDate").asDouble()).isEqualTo(185_000.0);
        assertThat(l.get("executionRate").asDouble()).isCloseTo(185_000.0 / 1_200_000.0, within(1e-12));
        assertThat(l.get("timeProgress").asDouble()).isCloseTo(2 / 12.0, within(1e-12));
        JsonNode staff = line(feb, "全院", "E0101");
        assertThat(staff.get("actualToDate").asDouble()).isEqualTo(121_000.0);

        JsonNode mar = budget("hosp", "?month=3");
        JsonNode staffMar = line(mar, "全院", "E0101");
        assertThat(staffMar.get("actualToDate").asDouble()).isEqualTo(183_000.50);
        assertThat(staffMar.get("executionRate").asDouble()).isCloseTo(183_000.50 / 720_000.0, within(1e-12));
        // March alone (本月): the actual of March is what the year to date added since February
        assertThat(staffMar.get("actualOfMonth").asDouble()).isEqualTo(183_000.50 - 121_000.0);
        assertThat(staffMar.get("budgetOfMonth").asDouble()).isPositive().isEqualTo(
                staffMar.get("budgetToDate").asDouble() - staff.get("budgetToDate").asDouble());
        // 150,000 of 360,000 by March: ahead of a time progress of 25 % by more than 10 points
        JsonNode drugs = line(mar, dept, "E0201");
        assertThat(texts(drugs.get("alerts"))).containsExactly("spending_ahead");
        assertThat(texts(drugs.get("alertLabels"))).containsExactly("支出进度快于时间进度");
        assertThat(mar.get("alertCount").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode revenue = mar.get("totals").get("REVENUE");
        assertThat(revenue.get("actualToDate").asDouble()).isEqualTo(295_000.0 + 150_000.0);
        assertThat(revenue.get("executionRate").asDouble()).isCloseTo(445_000.0 / 1_800_000.0, within(1e-12));
        assertThat(mar.get("structure").get("staffSpendingShare").asDouble())
                .isCloseTo(183_000.50 / (150_000.0 + 183_000.50 + 15_000.0 + 6_000.0), within(1e-9));
        assertThat(mar.get("varianceByDepartment")).isNotEmpty();
        assertThat(mar.get("varianceByItem")).isNotEmpty();
        assertThat(server.get(server.login("hosp"), "/api/budget?month=13").statusCode()).isEqualTo(400);
        assertThat(server.get(server.login("hosp"), "/api/budget?year=abc").statusCode()).isEqualTo(400);
        assertThat(server.get(server.login("hosp"), "/api/budget?year=2025").statusCode()).isEqualTo(404);
        assertThat(server.get(server.login("hosp"), "/api/budget?bogus=1").statusCode()).isEqualTo(400);
    }

    @Test
    void performanceTargetsAreScored() {
        ownBudgetApproved();
        firstQuarterActuals();
        performanceTargets();
        JsonNode p = budget("hosp", "?month=3").get("performance");
        assertThat(p.get("targets")).hasSize(2);
        // 295,000 / 1,200,000 = 0.2458 < 0.25 earns 60 × 0.2458 / 0.25 = 59; 6,000 / 24,000 = 0.25 ≤ 0.30 earns 40
        assertThat(p.get("score").asDouble()).isCloseTo(99.0, within(1e-9));
        assertThat(p.get("grade").asText()).isEqualTo("优");
        JsonNode first = p.get("targets").get(0).get("name").asText().equals("住院收入执行率") ? p.get("targets").get(0)
                : p.get("targets").get(1);
        assertThat(first.get("met").asBoolean()).isFalse();
        assertThat(first.get("actual").asDouble()).isCloseTo(295_000.0 / 1_200_000.0, within(1e-12));
        assertThat(first.get("earned").asDouble()).isCloseTo(59.0, within(1e-9));
    }

    @Test
    void departmentUserReadsOnlyItsDepartmentsLines() {
        ownBudgetApproved();
        firstQuarterActuals();
        performanceTargets();
        JsonNode view = budget("dept", "?month=3");
        assertThat(view.get("department").asText()).isEqualTo(dept);
        assertThat(view.get("lines")).hasSize(2);
        view.get("lines").forEach(l -> assertThat(l.get("department").asText()).isEqualTo(dept));
        assertThat(view.get("totals").get("REVENUE").get("annualBudget").asDouble()).isEqualTo(1_200_000.0);
        assertThat(view.get("totals").get("REVENUE").get("actualToDate").asDouble()).isEqualTo(295_000.0);
        assertThat(view.get("totals").get("EXPENDITURE").get("annualBudget").asDouble()).isEqualTo(360_000.0);
        assertThat(view.get("versions").get(0).get("revenue").asDouble()).isEqualTo(1_200_000.0);
        view.get("varianceByDepartment").forEach(v -> assertThat(v.get("key").asText()).isEqualTo(dept));
        assertThat(view.get("history")).isNotEmpty();
        view.get("history").forEach(e -> assertThat(e.get("comment").asText()).isEmpty());
        assertThat(view.get("performance").get("targets")).hasSize(1);
        assertThat(texts(view.get("can"))).isEmpty();
        assertThat(view.toString()).doesNotContain("财务科").doesNotContain("请审批");
        assertThat(server.get(server.login("dept"), "/api/budget?hospital=" + TestServer.OTHER).statusCode()).isEqualTo(403);
        assertThat(server.get(server.login("dept"), "/api/budget/report?format=pdf").statusCode()).isEqualTo(403);
        assertThat(server.get(server.login("dept"), "/api/budget/report?format=pdf&public=true").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdjustmentIsVersionTwo_versionOneStaysInForceUntilItIsApproved() {
        ownBudgetApproved();
        firstQuarterActuals();
        String change = "{\"reason\":\"新增床位，住院收入上调\",\"lines\":[{\"department\":\"" + dept
                + "\",\"item\":\"R0112\",\"month\":6,\"amount\":150000}]}";
        assertThat(act("regulator", TestServer.OWN, "adjust", change).statusCode()).isEqualTo(403);
        assertThat(act("hosp", TestServer.OWN, "adjust", change.replace("新增床位，住院收入上调", "")).statusCode())
                .as("an adjustment needs its reason").isEqualTo(400);
        HttpResponse<String> bad = act("hosp", TestServer.OWN, "adjust", change.replace("R0112", "X999"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).contains("X999");
        assertThat(act("hosp", TestServer.OWN, "adjust", "{\"reason\":\"x\",\"lines\":[]}").statusCode()).isEqualTo(400);
        assertThat(act("hosp", TestServer.OWN, "adjust", "{\"reason\":\"x\",\"bogus\":1}").statusCode()).isEqualTo(400);

        HttpResponse<String> r = act("hosp", TestServer.OWN, "adjust", change);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("version").get("version").asInt()).isEqualTo(2);
        assertThat(json(r).get("version").get("label").asText()).isEqualTo("第 1 次调整");
        assertThat(json(r).get("version").get("state").asText()).isEqualTo("DRAFT");

        JsonNode view = budget("hosp", "?month=3");
        assertThat(view.get("basis").get("version").asInt()).as("version 1 stays in force").isEqualTo(1);
        assertThat(view.get("inForce").get("version").asInt()).isEqualTo(1);
        assertThat(view.get("pending").get("version").asInt()).isEqualTo(2);
        assertThat(view.get("versions")).hasSize(2);
        assertThat(view.get("versions").get(1).get("revenue").asDouble()).isEqualTo(12 * 150_000.0 + 50_000.0);
        assertThat(line(view, dept, "R0112").get("annualBudget").asDouble()).isEqualTo(1_200_000.0);
        assertThat(texts(view.get("can"))).containsExactlyInAnyOrder("import", "submit", "adjust", "actuals");

        assertThat(act("hosp", TestServer.OWN, "submit", "{}").statusCode()).isEqualTo(200);
        assertThat(budget("hosp", "?month=3").get("basis").get("version").asInt()).as("submitted, not yet approved")
                .isEqualTo(1);
        assertThat(act("regulator", TestServer.OWN, "approve", "{\"comment\":\"同意调整\"}").statusCode()).isEqualTo(200);
        JsonNode after = budget("hosp", "?month=3");
        assertThat(after.get("basis").get("version").asInt()).isEqualTo(2);
        assertThat(after.get("pending").isNull()).isTrue();
        assertThat(line(after, dept, "R0112").get("annualBudget").asDouble()).isEqualTo(1_250_000.0);
        assertThat(texts(after.get("can"))).as("决算 needs the 12 months").containsExactlyInAnyOrder("adjust", "actuals");
        HttpResponse<String> close = act("hosp", TestServer.OWN, "close", "{}");
        assertThat(close.statusCode()).isEqualTo(400);
        assertThat(json(close).get("error").asText()).contains("12 个月");
    }

    HttpResponse<byte[]> bytes(String user, String path) {
        try {
            return server.http.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                    .header("Cookie", server.login(user).cookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reportsAsPdfAndExcel_thePublicSummaryNamesNoDepartment() throws IOException {
        ownBudgetApproved();
        firstQuarterActuals();
        HttpResponse<byte[]> pdf = bytes("hosp", "/api/budget/report?format=pdf&month=3");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("budget-H0001-2026-03.pdf");
        HttpResponse<byte[]> full = bytes("regulator", "/api/budget/report?hospital=H0001&year=2026&month=3&format=xlsx");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(TestServer.cells(full.body())).contains(dept).contains("财务科");
        HttpResponse<byte[]> disclosed = bytes("hosp", "/api/budget/report?format=xlsx&public=true&month=3");
        assertThat(disclosed.statusCode()).isEqualTo(200);
        assertThat(disclosed.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        String text = TestServer.cells(disclosed.body());
        assertThat(text).contains("医疗收入");
        for (String department : List.of(dept, "财务科", "全院")) {
            assertThat(text).as("the public summary names no department").doesNotContain(department);
        }
        assertThat(bytes("hosp", "/api/budget/report?format=doc").statusCode()).isEqualTo(400);
        assertThat(bytes("hosp", "/api/budget/report?format=pdf&public=maybe").statusCode()).isEqualTo(400);
        assertThat(bytes("hosp", "/api/budget/report?hospital=H0002&format=pdf").statusCode()).isEqualTo(403);
    }

    @Test
    void theAuditLogHasEveryStep() {
        ownBudgetApproved();
        otherBudgetSubmitted();
        assertThat(act("regulator", TestServer.OTHER, "return", "{\"comment\":\"人员经费偏高，请说明\"}").statusCode())
                .isEqualTo(200);
        firstQuarterActuals();
        assertThat(act("hosp", TestServer.OWN, "adjust", "{\"reason\":\"新增床位，住院收入上调\",\"lines\":[{\"department\":\""
                + dept + "\",\"item\":\"R0112\",\"month\":6,\"amount\":150000}]}").statusCode()).isEqualTo(200);
        assertThat(act("hosp", TestServer.OWN, "submit", "{}").statusCode()).isEqualTo(200);
        assertThat(act("regulator", TestServer.OWN, "approve", "{\"comment\":\"同意调整\"}").statusCode()).isEqualTo(200);
        assertThat(bytes("hosp", "/api/budget/report?format=pdf&month=3").statusCode()).isEqualTo(200);
        assertThat(bytes("hosp", "/api/budget/report?format=xlsx&public=true&month=3").statusCode()).isEqualTo(200);
        JsonNode audit = json(server.get(server.login("admin"), "/api/audit?limit=2000"));
        List<String> entries = new ArrayList<>();
        audit.forEach(a -> entries.add(a.get("user").asText() + " " + a.get("action").asText() + " " + a.get("detail").asText()));
        assertThat(entries).anyMatch(a -> a.startsWith("hosp 预算编制 预算2026.csv：读取 72 行，接收 72 行，拒收 0 行"));
        assertThat(entries).anyMatch(a -> a.startsWith("hosp 预算提交 H0001 2026 年年初预算 → 已提交：请审批"));
        assertThat(entries).anyMatch(a -> a.startsWith("regulator 预算批准 H0001 2026 年年初预算 → 已批准：同意"));
        assertThat(entries).anyMatch(a -> a.startsWith("regulator 预算退回 H0002 2026 年年初预算 → 已退回：人员经费偏高"));
        assertThat(entries).anyMatch(a -> a.startsWith("hosp 导入实际数 实际数.csv：读取 20 行，接收 18 行，拒收 2 行"));
        assertThat(entries).anyMatch(a -> a.startsWith("hosp 预算调整 H0001 2026 年第 1 次调整（1 行）：新增床位"));
        assertThat(entries).anyMatch(a -> a.startsWith("regulator 预算批准 H0001 2026 年第 1 次调整 → 已批准"));
        assertThat(entries).anyMatch(a -> a.startsWith("hosp 导出 预算报告 H0001 2026 年（截至 3 月）→ budget-H0001-2026-03.pdf"));
        assertThat(entries).anyMatch(a -> a.startsWith("hosp 导出 财务信息公开 H0001 2026 年（截至 3 月）→ budget-H0001-2026-03-public.xlsx"));
        assertThat(entries).noneMatch(a -> a.contains("预算批准") && a.startsWith("hosp "));
    }
    @Test
    void cachedListAndSelection_followImportsAndSteps() {
        TestServer.Session admin = server.login("admin");
        TestServer.Session hosp = server.login("hosp");
        // read (and cached) before any budget exists
        assertThat(json(server.get(admin, "/api/budget/list"))).isEmpty();
        assertThat(server.get(hosp, "/api/budget").statusCode()).isEqualTo(404);
        HttpResponse<String> imported = server.post(hosp, "/api/budget/import",
                importBody("预算2026.csv", budgetCsv(TestServer.OWN, ownBudget()), "budget"), true);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode list = json(server.get(admin, "/api/budget/list"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("latest").get("state").asText()).isEqualTo("DRAFT");
        assertThat(budget("hosp", "").get("month").asInt()).as("no actuals yet: December").isEqualTo(12);
        assertThat(act("hosp", TestServer.OWN, "submit", "{}").statusCode()).isEqualTo(200);
        assertThat(json(server.get(admin, "/api/budget/list")).get(0).get("latest").get("state").asText())
                .isEqualTo("SUBMITTED");
        // actuals of January–March: the default month of the same request becomes March
        firstQuarterActuals();
        JsonNode latest = budget("hosp", "");
        assertThat(latest.get("month").asInt()).isEqualTo(3);
        assertThat(texts(latest.get("monthsWithActuals"))).containsExactly("1", "2", "3");
        assertThat(json(server.get(admin, "/api/budget/list")).get(0).get("monthsWithActuals")).hasSize(3);
    }
}
