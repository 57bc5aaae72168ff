package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real headless Chromium ({@link Chromium}): log in through the form, open every page as an admin and
 * as a hospital user, check that each chart drew data, no page shows an error or meets a refusal of the
 * Content-Security-Policy, and keep a screenshot of each page in {@code target/screenshots}.
 */
@ExtendWith(BrowserSite.class)
final class BrowserTest {
    /** The files a test uploads. */
    @TempDir
    static Path tmp;

    /** What the first panel of each page is about. */
    private static final java.util.Map<String, String> TITLES = java.util.Map.of("overview", "关键指标",
            "hospitals", "CMI", "drg", "病", "units", "科室 CMI 排名", "outliers", "高倍率", "dip", "DIP",
            "quality", "数据质量", "evaluation", "高质量发展评价", "audit", "审计日志", "payment", "医保结算");

    @Test
    void admin_logsInAndEveryPageDrawsItsCharts(Chromium chrome, TestServer server) throws IOException {
        WebDriver browser = chrome.driver;
        chrome.login("admin");
        String drg = TestServer.single(server.dir, "SELECT drg FROM cases WHERE status = 'GROUPED' GROUP BY 1 "
                + "ORDER BY count(*) DESC, 1 LIMIT 1");
        for (String page : List.of("overview", "hospitals", "drg", "drg&drg=" + drg, "units", "outliers", "dip",
                "quality", "evaluation", "audit", "payment")) {
            chrome.open("/index.html?page=" + page + (page.equals("units") ? "&hospital=" + TestServer.OWN : ""));
            assertThat(chrome.errors()).as(page).isEmpty();
            // the pages live with the Content-Security-Policy: no script, style or image of theirs is refused
            assertThat(chrome.cspViolations()).as(page).isEmpty();
            assertThat(browser.findElement(By.cssSelector("main .panel h2")).getText()).as(page)
                    .contains(TITLES.get(page.replaceAll("&.*", "")));
            List<Long> points = chrome.chartPoints();
            if (!page.equals("audit")) {
                assertThat(points).as(page + " charts").isNotEmpty().allMatch(n -> n > 0);
            }
            assertThat(browser.findElements(By.cssSelector("table tbody tr"))).as(page + " table rows").isNotEmpty();
            chrome.screenshot("admin-" + page.replace("&drg=", "-"));
        }
        // the filters are in the URL: reloading keeps the hospital
        chrome.open("/index.html?page=units&hospital=" + TestServer.OWN + "&by=physician");
        assertThat(browser.findElement(By.id("f-hospital")).getAttribute("value")).isEqualTo(TestServer.OWN);
        assertThat(browser.findElement(By.id("f-by")).getAttribute("value")).isEqualTo("physician");
        chrome.logout();
    }

    @Test
    void hospitalUser_seesOnlyItsHospital_andNoAuditPage(Chromium chrome, TestServer server) throws IOException {
        WebDriver browser = chrome.driver;
        chrome.login("hosp");
        chrome.open("/index.html?page=hospitals");
        List<String> firstColumn = browser.findElements(By.cssSelector("table tbody tr td:first-child")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
        String ownName = TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = '"
                + TestServer.OWN + "'");
        assertThat(firstColumn).containsExactly(ownName);
        assertThat(browser.findElements(By.cssSelector("#nav a[data-page=audit]"))).isEmpty();
        chrome.screenshot("hospital-user-hospitals");
        chrome.open("/index.html?page=overview");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.chartPoints()).isNotEmpty().allMatch(n -> n > 0);
        chrome.screenshot("hospital-user-overview");
        // the insurer's settlement and compliance page: only its own hospital's rows, and a case explained
        chrome.open("/index.html?page=payment");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.driver.findElements(By.cssSelector("table tbody tr td:nth-child(2)"))).isNotEmpty();
        List<org.openqa.selenium.WebElement> drills = chrome.driver.findElements(By.cssSelector("a.drill"));
        assertThat(drills).isNotEmpty();
        chrome.screenshot("hospital-user-payment");
        String href = drills.get(0).getAttribute("href");
        chrome.open(href.substring(href.indexOf("/index.html")));
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.driver.findElements(By.cssSelector("main ol li"))).isNotEmpty();
        assertThat(chrome.driver.findElement(By.cssSelector("main ol li")).getText()).startsWith("医疗付款方式");
        chrome.logout();
    }

    @Test
    void ledger_importReviewCommitAndUpdateAsAPersonWould(Chromium chrome, TestServer server) throws IOException {
        WebDriver browser = chrome.driver;
        chrome.login("hosp");
        chrome.open("/index.html?page=ledger");
        assertThat(chrome.errors()).isEmpty();
        assertThat(browser.findElement(By.cssSelector("main .panel h2")).getText()).contains("任务推进台账");
        Path plan = tmp.resolve("第一医院方案.txt");
        Files.writeString(plan, """
                第一医院高质量发展实施方案

                一、重点任务

                (一)缩短平均住院日。到2027年，平均住院日控制在8天以内。(医务部负责)

                (二)加强医院文化建设。到2027年12月底前完成。(党办负责)

                (三)完善内部控制制度。(财务部负责)
                """);
        browser.findElement(By.id("li-file")).sendKeys(plan.toAbsolutePath().toString());
        browser.findElement(By.id("li-extract")).click();
        WebDriverWait wait = chrome.waitUpTo(Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("table.ledger-review tbody tr")).size() == 3);
        // the reviewer drops the third task and renames a unit before committing
        browser.findElements(By.cssSelector("table.ledger-review tbody tr")).get(2).findElement(By.cssSelector("input")).click();
        org.openqa.selenium.WebElement unit = browser.findElements(By.cssSelector("table.ledger-review td[data-col=lead_units]")).get(1);
        ((JavascriptExecutor) browser).executeScript("arguments[0].textContent = '党委办公室'", unit);
        chrome.screenshot("ledger-hospital-review");
        browser.findElement(By.id("li-commit")).click();
        wait.until(d -> d.findElements(By.cssSelector("table.ledger-tasks tbody tr")).size() == 2);
        chrome.waitReady();
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.chartPoints()).isNotEmpty().allMatch(n -> n > 0);
        assertThat(browser.findElements(By.cssSelector("table.ledger-tasks tbody tr")).get(1).getText()).contains("党委办公室");

        browser.findElements(By.cssSelector("table.ledger-tasks tbody tr")).get(0).click();
        wait.until(d -> !d.findElements(By.cssSelector("#ledger-task form.ledger-update")).isEmpty());
        chrome.waitReady();
        // the target's indicator by its name, not its code
        assertThat(browser.findElement(By.id("ledger-task")).getText()).contains("控制在8天以内").doesNotContain("alos");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("form.ledger-update select[name=status]")))
                .selectByVisibleText("推进中");
        browser.findElement(By.cssSelector("form.ledger-update input[name=note]")).sendKeys("已制定缩短住院日方案");
        browser.findElement(By.cssSelector("form.ledger-update button")).click();
        wait.until(d -> d.findElement(By.id("ledger-task")).getText().contains("已制定缩短住院日方案"));
        chrome.waitReady();
        assertThat(browser.findElements(By.cssSelector("table.ledger-tasks tbody tr")).get(0).getText()).contains("推进中");
        chrome.screenshot("ledger-hospital-task");
        chrome.logout();

        chrome.login("admin");
        var gazette = new String(BrowserTest.class.getResourceAsStream("/org/hqd/ledger/samples/tianjin-gazette-2022-19-20.txt")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        var s = server.login("admin");
        assertThat(server.post(s, "/api/ledger/plans", LedgerApiTest.doc("g.txt", gazette, null, null), true).statusCode())
                .isEqualTo(200);
        chrome.open("/index.html?page=ledger");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.chartPoints()).isNotEmpty().allMatch(n -> n > 0);
        // the gazette's 意见 (24 measures) and two plans (60 tasks), and the hospital's 2 tasks
        assertThat(browser.findElements(By.cssSelector("table.ledger-tasks tbody tr"))).hasSize(86);
        // the plans' table names the hospital of a hospital's plan, not its code
        String hospitalName = TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = '"
                + TestServer.OWN + "'");
        org.openqa.selenium.WebElement plans = browser.findElements(By.cssSelector("main table")).stream()
                .filter(t -> t.getText().contains("方案编号")).findFirst().orElseThrow();
        assertThat(plans.findElements(By.cssSelector("tbody td")).stream().map(org.openqa.selenium.WebElement::getText))
                .contains(hospitalName, "区域").doesNotContain(TestServer.OWN);
        chrome.screenshot("admin-ledger");
        chrome.open("/index.html?page=ledger&followup=1");
        assertThat(chrome.errors()).isEmpty();
        chrome.logout();
    }

    @Test
    void costing_hospitalUserSeesItsDepartmentsAndDrgMarginsOnCost(Chromium chrome, TestServer server)
            throws IOException {
        // the site holds the own hospital's 2024 actuals and drivers, costed (BrowserUnitsTest.prepare; CostingApiTest
        // does the same over HTTP)
        chrome.login("hosp");
        chrome.open("/index.html?page=costing");
        assertThat(chrome.errors()).isEmpty();
        // the hospital by its name, the rules by theirs
        String name = TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = '"
                + TestServer.OWN + "'");
        assertThat(chrome.driver.findElement(By.id("costing-departments")).getText()).contains(name + " 2024 年科室成本",
                "分摊规则：科室成本三级分摊默认规则", "临床服务类", "医疗技术类");
        assertThat(chrome.driver.findElement(By.id("costing-drgs")).getText()).contains("DRG 成本与盈亏（" + name + " 2024 年")
                .doesNotContain(TestServer.OWN);
        assertThat(chrome.chartPoints()).hasSize(2).allMatch(n -> n > 0);
        chrome.screenshot("hospital-user-costing");
        chrome.open("/index.html?page=units");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.driver.findElement(By.cssSelector("main")).getText()).contains("DRG 结余（按成本，元）");
        chrome.screenshot("hospital-user-units-margin-on-cost");
        chrome.logout();
    }

    @Test
    void budget_importSubmitAndApproveAsPeopleWould(Chromium chrome, TestServer server) throws IOException {
        WebDriver browser = chrome.driver;
        String dept = server.department;
        chrome.login("hosp");
        chrome.open("/index.html?page=budget");
        assertThat(chrome.errors()).isEmpty();
        assertThat(browser.findElement(By.id("budget-empty")).getText()).contains("本院还没有预算");
        StringBuilder budget = new StringBuilder("hospital_id,year,department,item,month,amount\n");
        String[][] lines = {{dept, "R0112", "100000"}, {dept, "R0114", "40000"}, {dept, "E0201", "30000"},
            {"全院", "R0201", "50000"}, {"全院", "E0101", "60000"}, {"全院", "E0401", "5000"}, {"财务科", "E0404", "2000"}};
        for (String[] l : lines) {
            for (int m = 1; m <= 12; m++) {
                budget.append("H0001,2026,").append(l[0]).append(',').append(l[1]).append(',').append(m).append(',')
                        .append(l[2]).append('\n');
            }
        }
        Path file = tmp.resolve("第一医院2026年预算.csv");
        Files.writeString(file, budget);
        browser.findElement(By.id("bi-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("bi-import")).click();
        // the page draws itself again after each step: an element found may be replaced before it is read
        WebDriverWait wait = chrome.waitUpTo(Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.id("b-submit")).isEmpty());
        chrome.waitReady();
        assertThat(chrome.errors()).isEmpty();
        assertThat(browser.findElement(By.id("budget-import-result")).getText()).contains("读取 84 行，接收 84 行，拒收 0 行");
        assertThat(chrome.chartPoints()).isNotEmpty().allMatch(n -> n > 0);
        chrome.fullScreenshot("budget-hospital-imported");

        StringBuilder actuals = new StringBuilder("hospital_id,year,department,item,month,amount\n");
        String[][] monthly = {{dept, "R0112", "90000", "95000", "110000"}, {dept, "R0114", "30000", "31000", "29000"},
            {dept, "E0201", "50000", "50000", "50000"}, {"全院", "R0201", "50000", "50000", "50000"},
            {"全院", "E0101", "60000", "61000", "62000.50"}, {"全院", "E0401", "5000", "5000", "5000"},
            {"财务科", "E0404", "2000", "2500", "9000"}};
        for (String[] l : monthly) {
            for (int m = 1; m <= 3; m++) {
                actuals.append("H0001,2026,").append(l[0]).append(',').append(l[1]).append(',').append(m).append(',')
                        .append(l[1 + m]).append('\n');
            }
        }
        // the refused row is of a month of its own: a month with a refused row is not replaced at all
        actuals.append("H0001,2026,财务科,X999,4,100\n");
        Path actualsFile = tmp.resolve("实际数2026-03.csv");
        Files.writeString(actualsFile, actuals);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("bi-kind"))).selectByValue("actuals");
        browser.findElement(By.id("bi-file")).sendKeys(actualsFile.toAbsolutePath().toString());
        browser.findElement(By.id("bi-import")).click();
        wait.until(d -> !d.findElements(By.cssSelector("table.budget-rejects tbody tr")).isEmpty());
        chrome.waitReady();
        assertThat(browser.findElement(By.id("budget-import-result")).getText()).contains("接收 21 行，拒收 1 行");
        assertThat(browser.findElement(By.cssSelector("table.budget-rejects tbody tr")).getText()).contains("X999");
        assertThat(browser.findElements(By.cssSelector("#budget-execution td[class^=alert-]"))).isNotEmpty();
        chrome.fullScreenshot("budget-hospital-actuals");

        browser.findElement(By.id("b-comment")).sendKeys("2026 年预算，请审批");
        browser.findElement(By.id("b-submit")).click();
        wait.until(d -> d.findElement(By.id("budget-workflow")).getText().contains("已提交"));
        chrome.waitReady();
        assertThat(chrome.errors()).isEmpty();
        assertThat(browser.findElements(By.id("b-submit"))).isEmpty();
        chrome.logout();

        new org.hqd.store.budget.BudgetStore(server.dir, org.hqd.budget.BudgetCatalog.standard()).saveTargets(List.of(
                new org.hqd.budget.PerformanceTarget(TestServer.OWN, 2026, dept, "R0112",
                        org.hqd.budget.PerformanceDimension.QUANTITY, "住院收入执行率", org.hqd.evaluation.Comparison.GE, 0.25,
                        "", 60, org.hqd.budget.PerformanceTarget.EXECUTION_RATE),
                new org.hqd.budget.PerformanceTarget(TestServer.OWN, 2026, "全院", "", org.hqd.budget.PerformanceDimension.BENEFIT,
                        "患者满意度", org.hqd.evaluation.Comparison.GE, 90, "分", 40, org.hqd.budget.PerformanceTarget.MANUAL)));
        chrome.login("regulator");
        chrome.open("/index.html?page=budget&hospital=" + TestServer.OWN);
        assertThat(chrome.errors()).isEmpty();
        // returning needs an opinion: the page asks for it before anything is sent
        browser.findElement(By.id("b-return")).click();
        assertThat(browser.findElement(By.cssSelector("#budget-workflow .msg")).getText()).contains("退回须填写意见");
        browser.findElement(By.id("b-comment")).sendKeys("同意");
        browser.findElement(By.id("b-approve")).click();
        wait.until(d -> d.findElements(By.id("b-approve")).isEmpty());
        chrome.waitReady();
        assertThat(chrome.errors()).isEmpty();
        assertThat(browser.findElement(By.id("budget-workflow")).getText()).contains("已批准").contains("✓ 执行中");
        assertThat(browser.findElement(By.id("budget-message")).getText()).contains("已批准");
        assertThat(chrome.chartPoints()).isNotEmpty().allMatch(n -> n > 0);
        chrome.fullScreenshot("budget-regulator-approved");
        browser.findElement(By.id("b-alerts")).click();
        chrome.waitReady();
        List<org.openqa.selenium.WebElement> rows = browser.findElements(By.cssSelector("#budget-execution table tbody tr"));
        assertThat(rows).isNotEmpty().allMatch(r -> !r.findElements(By.cssSelector("td[class^=alert-]")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("alerts=1");
        chrome.fullScreenshot("budget-regulator-alerts-only");
        chrome.logout();

        // the hospital adjusts the approved budget with the form: version 2, version 1 in force until approved
        chrome.login("hosp");
        chrome.open("/index.html?page=budget");
        assertThat(browser.findElement(By.id("budget-performance")).getText()).contains("住院收入执行率").contains("未达标");
        browser.findElement(By.cssSelector("form.budget-adjust input[name=department]")).sendKeys(dept);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("form.budget-adjust select[name=item]")))
                .selectByValue("R0112");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("form.budget-adjust select[name=month]")))
                .selectByValue("6");
        browser.findElement(By.cssSelector("form.budget-adjust input[name=amount]")).sendKeys("150000");
        browser.findElement(By.cssSelector("form.budget-adjust input[name=reason]")).sendKeys("新增床位，住院收入上调");
        browser.findElement(By.cssSelector("form.budget-adjust button")).click();
        wait.until(d -> d.findElement(By.id("budget-workflow")).getText().contains("第 1 次调整"));
        chrome.waitReady();
        assertThat(chrome.errors()).isEmpty();
        assertThat(browser.findElement(By.id("budget-workflow")).getText()).contains("编制中").contains("新增床位，住院收入上调");
        assertThat(browser.findElements(By.id("b-submit"))).hasSize(1);
        chrome.fullScreenshot("budget-hospital-adjusting");
        chrome.logout();

        chrome.login("dept");
        chrome.open("/index.html?page=budget");
        assertThat(chrome.errors()).isEmpty();
        assertThat(browser.findElements(By.id("budget-import"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#budget-workflow .budget-actions, form.budget-adjust"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#budget-execution table tbody tr td:first-child")).stream()
                .map(e -> e.getAttribute("textContent")).distinct().toList()).containsExactly(dept);
        chrome.fullScreenshot("budget-department");
        chrome.logout();
    }

    @Test
    void wrongPassword_showsTheMessageOnTheLoginPage(Chromium chrome, TestServer server) {
        WebDriver browser = chrome.driver;
        browser.get(server.base() + "/login.html");
        browser.findElement(By.id("name")).sendKeys("hosp");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("submit")).click();
        chrome.waitUpTo(Duration.ofSeconds(10)).until(d ->
                !d.findElement(By.id("message")).getText().isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("用户名或密码错误");
    }
}
