package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium: each page's filters change its rows (the server applies them), a wrong selection says what is wrong,
 * the tables sort, search and page, a click on a chart drills down (hospital → departments → a department's DRGs
 * → a DRG's cases), and at 390 px no page is wider than the window.
 */
@ExtendWith(BrowserSite.class)
final class BrowserFiltersTest {
    @BeforeEach
    void admin(Chromium chrome) {
        chrome.login("admin");
    }

    private static long sql(TestServer server, String query) {
        return Long.parseLong(TestServer.single(server.dir, query));
    }

    private static long sum(List<Long> rows) {
        return rows.stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void everyPage_appliesItsFilters(Chromium chrome, TestServer server) throws IOException {
        String other = TestServer.OTHER;
        // 医院对比: eight hospitals in their tiers; the filter form keeps one, and the URL says so
        chrome.open("/index.html?page=hospitals");
        assertThat(sum(chrome.tableRows())).isEqualTo(8);
        new Select(chrome.driver.findElement(By.id("f-hospital"))).selectByValue(other);
        chrome.driver.findElement(By.id("apply")).click();
        chrome.waitReady();
        assertThat(chrome.driver.getCurrentUrl()).contains("hospital=" + other);
        assertThat(sum(chrome.tableRows())).isEqualTo(1);

        // DRG 分析: the standards of the province, or one hospital's DRGs
        chrome.open("/index.html?page=drg");
        long standards = chrome.tableRows().get(0);
        chrome.open("/index.html?page=drg&hospital=" + other);
        assertThat(chrome.errors()).isEmpty();
        long drgs = sql(server, "SELECT count(DISTINCT drg) FROM cases WHERE hospital_id = '" + other + "' AND drg IS NOT NULL");
        assertThat(chrome.tableRows().get(0)).isEqualTo(drgs).isNotEqualTo(standards);

        // 评价与通报: one hospital's rows; its period is 评价期间, so no discharge-date filter is offered
        chrome.open("/index.html?page=evaluation");
        assertThat(chrome.driver.findElement(By.id("f-dates-box")).isDisplayed()).isFalse();
        assertThat(chrome.driver.findElement(By.id("f-period-box")).isDisplayed()).isTrue();
        long all = chrome.tableRows().get(0);
        chrome.open("/index.html?page=evaluation&hospital=" + other);
        long one = chrome.tableRows().get(0);
        assertThat(one).isPositive().isLessThan(all);
        assertThat(chrome.column(1)).allMatch(c -> c.startsWith(other + " "));

        // 数据质量: the dates keep one month of the three
        String first = TestServer.single(server.dir, "SELECT strftime(min(discharge_date), '%Y-%m') FROM cases");
        chrome.open("/index.html?page=quality");
        long months = chrome.tableRows().get(0);
        chrome.open("/index.html?page=quality&from=" + first + "-01&to=" + first + "-28");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.tableRows().get(0)).isPositive().isLessThan(months);
        assertThat(chrome.column(2)).isNotEmpty().allMatch(first::equals);

        // 科室与医生: the department filter keeps one department
        chrome.open("/index.html?page=units&hospital=" + TestServer.OWN);
        assertThat(chrome.tableRows().get(0)).isGreaterThan(1);
        chrome.open("/index.html?page=units&hospital=" + TestServer.OWN + "&department=" + server.department);
        assertThat(chrome.tableRows().get(0)).isEqualTo(1);
        assertThat(chrome.column(1)).containsExactly(TestServer.OWN + "/" + server.department);

        // 异常病例: one hospital's cases
        chrome.open("/index.html?page=outliers");
        long outliers = chrome.tableRows().get(0);
        chrome.open("/index.html?page=outliers&hospital=" + other);
        assertThat(chrome.tableRows().get(0)).isLessThan(outliers);
        assertThat(chrome.column(1)).allMatch(other::equals);

        // wrong selections say what is wrong
        chrome.open("/index.html?page=hospitals&from=2024-03-01&to=2024-01-31");
        assertThat(chrome.errors()).anyMatch(e -> e.contains("开始日期 2024-03-01 晚于结束日期 2024-01-31"));
        chrome.open("/index.html?page=evaluation&hospital=H9999");
        assertThat(chrome.errors()).anyMatch(e -> e.contains("没有医院 H9999"));
    }

    @Test
    void tables_sortSearchAndPage(Chromium chrome, TestServer server) throws IOException {
        chrome.open("/index.html?page=outliers");
        long rows = chrome.tableRows().get(0);
        assertThat(rows).isGreaterThan(100);
        assertThat(chrome.column(1)).hasSize(100);
        assertThat(chrome.driver.findElement(By.cssSelector(".pager")).getText()).contains("第 1 / " + ((rows + 99) / 100) + " 页");
        chrome.driver.findElement(By.cssSelector(".pager button.next")).click();
        assertThat(chrome.column(1)).hasSize((int) Math.min(100, rows - 100));
        // by hospital, descending: a second click on the header reverses the first
        List<org.openqa.selenium.WebElement> headers = chrome.driver.findElements(By.cssSelector("details.data-table th"));
        headers.get(0).click();
        headers.get(0).click();
        assertThat(chrome.column(1)).isSortedAccordingTo(java.util.Comparator.<String>naturalOrder().reversed());
        assertThat(chrome.column(1).get(0)).isEqualTo(TestServer.single(server.dir, "SELECT max(hospital_id) FROM cases"));
        chrome.driver.findElement(By.cssSelector(".table-search")).sendKeys(TestServer.OTHER);
        long found = Long.parseLong(chrome.driver.findElement(By.cssSelector("details.data-table > summary")).getText()
                .replaceAll("表格（(\\d+) / " + rows + " 行）", "$1"));
        assertThat(found).isPositive().isLessThan(rows);
        assertThat(chrome.column(1)).isNotEmpty().allMatch(TestServer.OTHER::equals);
        // a click on the pie of the evaluation keeps the rows of a status, and the URL keeps it
        chrome.open("/index.html?page=evaluation");
        chrome.clickChart(0, 0, 2);
        chrome.waitReady();
        assertThat(chrome.driver.getCurrentUrl()).contains("q=");
        // columns: 医院, 同类医院, 序号, 指标, 维度, 值, 比较, 目标, 差距, 状态 (the 10th), 同类排名 …
        assertThat(chrome.column(10)).isNotEmpty().allMatch("未达标"::equals);
        // 达标 is a part of 未达标: its slice keeps the whole cells 达标, not the rows that missed their targets
        chrome.open("/index.html?page=evaluation");
        chrome.clickChart(0, 0, 0);
        chrome.waitReady();
        assertThat(chrome.column(10)).isNotEmpty().allMatch("达标"::equals);
    }

    @Test
    void charts_drillDown_fromAHospitalToItsDepartmentsDrgsAndCases(Chromium chrome, TestServer server)
            throws IOException {
        chrome.open("/index.html?page=hospitals");
        String first = chrome.drillFirst(0, "page=units");
        String hospital = chrome.driver.getCurrentUrl().replaceAll(".*hospital=(H\\d+).*", "$1");
        assertThat(TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = '" + hospital + "'"))
                .isEqualTo(first);
        assertThat(chrome.column(1)).isNotEmpty().allMatch(u -> u.startsWith(hospital + "/"));
        chrome.screenshot("drill-1-units");

        // the department that loses most: its DRGs, with the categories over their standards
        String department = chrome.drillFirst(1, "page=drgcost");
        assertThat(chrome.errors()).isEmpty();
        assertThat(department).isEqualTo(hospital + "/" + java.net.URLDecoder.decode(chrome.driver.getCurrentUrl()
                .replaceAll(".*department=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(chrome.driver.findElement(By.id("drg-cost")).getText()).contains("病组盈亏", "超标类别", "药品费超标准（元）");
        assertThat(chrome.tableRows().get(0)).isPositive();
        chrome.screenshot("drill-2-drg-cost");

        String drg = chrome.drillFirst(0, "page=drg&");
        assertThat(chrome.driver.getCurrentUrl()).contains("drg=" + drg, "hospital=" + hospital);
        assertThat(chrome.driver.findElement(By.cssSelector("main .panel h2")).getText()).contains("病组 " + drg + " 的病例");
        assertThat(chrome.column(1)).isNotEmpty().allMatch(hospital::equals);
        chrome.screenshot("drill-3-cases");

    }

    @Test
    void backButton_showsThePageBefore_withoutTheFiltersItDidNotHave(Chromium chrome) {
        chrome.open("/index.html?page=drg");
        String standards = chrome.driver.findElement(By.cssSelector("main .panel h2")).getText();
        // a click on the chart changes the address in place (history.pushState), as every drill-down does
        chrome.clickChart(0, 0, 0);
        chrome.waitUpTo(java.time.Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("drg="));
        chrome.waitReady();
        assertThat(chrome.driver.findElement(By.cssSelector("main .panel h2")).getText()).startsWith("病组 ");
        chrome.driver.navigate().back();
        chrome.waitUpTo(java.time.Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("drg="));
        chrome.waitReady();
        // the standards again, not the cases of the DRG left behind
        assertThat(chrome.driver.findElement(By.cssSelector("main .panel h2")).getText()).isEqualTo(standards);
    }

    @Test
    void drgCost_ofADepartmentUser_isItsOwnDepartmentsWithoutChoosingAHospital(Chromium chrome, TestServer server) {
        chrome.login("dept");
        chrome.open("/index.html?page=drgcost");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.driver.findElement(By.id("drg-cost")).getText()).contains(server.department, "病组盈亏");
        assertThat(chrome.tableRows().get(0)).isPositive();
    }

    @Test
    void drgCost_ofTheAdministratorWithoutAHospital_isTheProvincesDrgs(Chromium chrome, TestServer server)
            throws Exception {
        chrome.open("/index.html?page=drgcost");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.driver.findElement(By.id("drg-cost")).getText()).contains("全地区 病组盈亏",
                "在上方选择医院可查看一家医院的病组盈亏");
        // every line of the province's answer (one per DRG; DrgCostApiTest checks they add up)
        var answer = server.get(server.login("admin"), "/api/costs?by=drg");
        assertThat(answer.statusCode()).isEqualTo(200);
        long lines = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).size();
        assertThat(chrome.tableRows().get(0)).isPositive().isEqualTo(lines);
    }

    @Test
    void evaluation_aLevelReadsAsAWholeNumber(Chromium chrome) {
        chrome.open("/index.html?page=evaluation&q=" + java.net.URLEncoder.encode("\"电子病历系统应用水平\"",
                java.nio.charset.StandardCharsets.UTF_8));
        // columns: 医院, 同类医院, 序号, 指标, 维度, 值 (the 6th), 比较, 目标 (the 8th)
        assertThat(chrome.column(4)).isNotEmpty().allMatch("电子病历系统应用水平"::equals);
        assertThat(chrome.column(6)).allMatch(v -> v.matches("\\d+|—"));
        assertThat(chrome.column(8)).allMatch(v -> v.matches("\\d+|—"));
    }

    @Test
    void evaluation_gapOfARate_inPercentagePoints(Chromium chrome) {
        chrome.open("/index.html?page=evaluation");
        // columns: … 值 (the 6th), 比较, 目标, 差距 (the 9th): a rate's gap to its target is a difference of two rates
        List<String> values = chrome.column(6);
        List<String> gaps = chrome.column(9);
        assertThat(values).isNotEmpty().anyMatch(v -> v.endsWith("%"));
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).endsWith("%")) {
                assertThat(gaps.get(i)).as(values.get(i)).matches("[+-]\\d+\\.\\d 个百分点|0\\.0 个百分点|—");
            } else {
                assertThat(gaps.get(i)).as(values.get(i)).doesNotContain("百分点");
            }
        }
        assertThat(gaps).anyMatch(g -> g.endsWith(" 个百分点"));
    }

    @Test
    void costing_yearSelector_showsTheYearChosen(Chromium chrome) {
        // BrowserUnitsTest.prepare costed this hospital's 2024 (its discharges) and 2023 (the same amounts, no
        // discharges)
        String hospital = BrowserUnitsTest.HOSPITAL;
        chrome.open("/index.html?page=costing&hospital=" + hospital);
        assertThat(chrome.errors()).isEmpty();
        // a year is the costing's period: no discharge dates to choose
        assertThat(chrome.driver.findElement(By.id("f-dates-box")).isDisplayed()).isFalse();
        Select year = new Select(chrome.driver.findElement(By.id("c-year")));
        assertThat(year.getOptions()).extracting(o -> o.getText()).containsExactly("2024 年", "2023 年");
        assertThat(year.getFirstSelectedOption().getText()).isEqualTo("2024 年");
        String latest = chrome.driver.findElement(By.id("costing-departments")).getText();
        assertThat(latest).contains(" 2024 年科室成本").doesNotContain("出院 0 人次");

        year.selectByValue("2023");
        chrome.waitReady();
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.driver.getCurrentUrl()).contains("year=2023", "hospital=" + hospital);
        assertThat(new Select(chrome.driver.findElement(By.id("c-year"))).getFirstSelectedOption().getText())
                .isEqualTo("2023 年");
        assertThat(chrome.driver.findElement(By.id("costing-departments")).getText()).contains(" 2023 年科室成本",
                "出院 0 人次中 0 人次有病例成本");
        // no discharges in 2023: the DRG panel says there is nothing to show, the departments stand
        assertThat(chrome.driver.findElement(By.id("costing-drgs")).getText()).contains(hospital + " 2023 年",
                "没有已核算成本的入组病例");
    }

    @Test
    void everyChartWithARightAxis_leavesRoomForItsLabels(Chromium chrome) {
        for (String page : List.of("overview", "drg&hospital=" + TestServer.OWN, "dip", "quality")) {
            chrome.open("/index.html?page=" + page);
            Object tight = chrome.script("return [...document.querySelectorAll('.chart')].map(e => echarts.getInstanceByDom(e).getOption())"
                    + ".filter(o => [].concat(o.yAxis || []).length > 1 && o.grid[0].right < 50).length;");
            assertThat(((Number) tight).longValue()).as(page).isZero();
        }
    }

    @Test
    void printed_aClosedTableIsShown_andTheToolsAreNot(Chromium chrome) {
        chrome.open("/index.html?page=overview");
        String visible = "return document.querySelector('details.data-table:not([open]) table').checkVisibility();";
        assertThat(chrome.script(visible)).isEqualTo(false);
        chrome.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(chrome.script(visible)).isEqualTo(true);
            assertThat(chrome.driver.findElement(By.id("filters")).isDisplayed()).isFalse();
        } finally {
            chrome.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    @Test
    void dipChart_drillsDown_fromAHospitalByNameToItsDepartments(Chromium chrome, TestServer server) throws IOException {
        chrome.open("/index.html?page=dip");
        String first = chrome.drillFirst(0, "hospital=");
        String hospital = chrome.driver.getCurrentUrl().replaceAll(".*hospital=(H\\d+).*", "$1");
        String name = TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = '"
                + hospital + "'");
        // the province's chart names hospitals, not their codes; the hospital's page names its departments
        assertThat(first).isEqualTo(name);
        assertThat(chrome.driver.findElement(By.cssSelector("main .panel h2")).getText()).contains(name + " 各科室");
        assertThat(chrome.column(1)).isNotEmpty().noneMatch(u -> u.contains("/") || u.startsWith(hospital));
        assertThat(chrome.errors()).isEmpty();
        // at 1440 px the administrator's menu (every page, the audit log too) stands on one line
        assertThat(chrome.script("return new Set([...document.querySelectorAll('header nav a')]"
                + ".map(a => Math.round(a.getBoundingClientRect().top))).size;")).isEqualTo(1L);
        chrome.screenshot("drill-dip-departments");
    }

    @Test
    void physicians_noneWithEnoughCasesToRank_isSaid(Chromium chrome, TestServer server) {
        String first = TestServer.single(server.dir, "SELECT strftime(min(discharge_date), '%Y-%m') FROM cases");
        // one week of one hospital: no physician has the cases a rank needs, and the page says so
        chrome.open("/index.html?page=units&by=physician&hospital=" + TestServer.OWN + "&from=" + first + "-01&to="
                + first + "-07");
        assertThat(chrome.errors()).isEmpty();
        assertThat(chrome.tableRows().get(0)).isPositive();
        assertThat(chrome.driver.findElement(By.id("units-none-ranked")).getText()).contains("不参与 CMI 排名");
    }

    @Test
    void at390px_noPageIsWiderThanTheWindow(Chromium chrome) throws IOException {
        org.openqa.selenium.Dimension wide = chrome.driver.manage().window().getSize();
        try {
            for (String page : List.of("overview", "hospitals", "drg", "units&hospital=" + TestServer.OWN, "outliers",
                    "dip", "payment", "quality", "evaluation", "ranking", "ledger", "budget", "costing", "audit")) {
                chrome.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
                chrome.open("/index.html?page=" + page);
                chrome.screenshot("w1440-" + page.replaceAll("&.*", ""));
                chrome.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                chrome.open("/index.html?page=" + page);
                assertThat(chrome.errors()).as(page).isEmpty();
                assertThat(chrome.overflowsSideways()).as(page).isFalse();
                chrome.screenshot("w390-" + page.replaceAll("&.*", ""));
            }
        } finally {
            chrome.driver.manage().window().setSize(wide);
        }
    }
}
