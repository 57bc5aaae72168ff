package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.app.budget.BudgetFile;
import org.hqd.app.budget.BudgetService;
import org.hqd.app.costing.CostingService;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.store.DataDirectory;
import org.hqd.synth.SyntheticBudget;
import org.hqd.synth.SyntheticCosting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In Chromium at 1440 px, every page with data (the test province with one hospital's 2024 budget, actuals and cost
 * accounting): money is labelled with its unit in every table header, chart axis and key figure, one unit per page
 * (元 or 万元; amounts per case — 例均, 次均, standards, rates per case — are always 元); rates are shown as %; levels
 * (风险等级) as integers. Screenshots of every page in target/screenshots/units-*.png.
 */
@ExtendWith(BrowserSite.class)
final class BrowserUnitsTest {
    /** Words that make a label an amount of money. */
    private static final Pattern MONEY = Pattern.compile("费用|成本|支付|结余|金额|预算|实际|收入|支出|药品费|耗材费|化验费|"
            + "分摊|门诊|住院");
    /** … unless it is a ratio, a count, a name or a category. */
    private static final Pattern NOT_AMOUNT = Pattern.compile("指数|率|占比|比例|比重|倍率|/|病例|人次|类别|编码|名称|依据|原因|"
            + "版本|状态|^项目$|^科室$|单元|指标数|分值|得分|住院日|^收支$|成本病例|合计|时间|月份|^预算$");
    /** Amounts per case (or per unit of something), always in 元. */
    private static final Pattern PER_CASE = Pattern.compile("例均|次均|标准|费率|万元收入|元/例");
    /** 元 as a unit of money (not the 元 of 单元). */
    private static final Pattern YUAN = Pattern.compile("(?<!单)元");
    private static final Pattern RATE = Pattern.compile("率|占比|比例|比重");

    /** The hospital with a 2024 budget, actuals and cost accounting: one no other browser test singles out. */
    static final String HOSPITAL = "H0004";

    /**
     * What the site holds for this test and for {@link BrowserTest}'s page of cost accounting, before its server
     * starts ({@link BrowserSite}): the generator's 2024 actual amounts of every hospital (written into
     * {@code folder}), the 2024 budget of {@link #HOSPITAL}, and the cost drivers and cost accounting of 2024 of
     * {@link #HOSPITAL} and of the hospital user's own hospital; and a cost accounting of 2023 of {@link #HOSPITAL}
     * (its 2024 actual amounts and drivers taken as 2023's).
     */
    static void prepare(DataDirectory d, Path folder) {
        Clock clock = Clock.systemUTC();
        SyntheticBudget.writeTo(TestProvince.source(), 2024, 3, folder);
        Path drivers = SyntheticCosting.writeTo(TestProvince.source(), 2024, folder).file();
        List<String> costed = List.of(HOSPITAL, TestServer.OWN);
        BudgetService budgets = new BudgetService(DataAccess.of(d), clock);
        budgets.importBudget(Actor.commandLine(), BudgetFile.of("budget.csv", rows(folder.resolve(
                SyntheticBudget.budgetFile(2024)), List.of(HOSPITAL)), StandardCharsets.UTF_8, BudgetRowCheck.COLUMNS));
        budgets.importActuals(Actor.commandLine(), BudgetFile.of("actuals.csv", rows(folder.resolve(
                SyntheticBudget.actualsFile(2024)), List.of("")), StandardCharsets.UTF_8, BudgetRowCheck.COLUMNS));
        CostingService costing = new CostingService(DataAccess.of(d), clock);
        costing.loadDrivers(Actor.commandLine(), "drivers.csv", rows(drivers, costed), StandardCharsets.UTF_8);
        for (String hospital : costed) {
            costing.run(Actor.commandLine(), Optional.of(hospital), 2024);
        }
        // a second costed year of HOSPITAL, for the costing page's year selector: its 2024 amounts and drivers as
        // 2023's (the province has no discharges in 2023)
        budgets.importActuals(Actor.commandLine(), BudgetFile.of("actuals-2023.csv", as2023(rows(folder.resolve(
                SyntheticBudget.actualsFile(2024)), List.of(HOSPITAL))), StandardCharsets.UTF_8, BudgetRowCheck.COLUMNS));
        costing.loadDrivers(Actor.commandLine(), "drivers-2023.csv", as2023(rows(drivers, List.of(HOSPITAL))),
                StandardCharsets.UTF_8);
        costing.run(Actor.commandLine(), Optional.of(HOSPITAL), 2023);
    }

    /** The rows of a generated file (hospital, year, …) with the year 2024 written as 2023. */
    private static byte[] as2023(byte[] rows) {
        return new String(rows, StandardCharsets.UTF_8).replaceAll("(?m)^([^,\\n]+),2024,", "$1,2023,")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The header and the rows of a generated file (its first column the hospital) of the hospitals named. */
    private static byte[] rows(Path file, List<String> hospitals) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("hospital_id,")
                            || hospitals.stream().anyMatch(l::startsWith)).collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPage_labelsMoneyWithOneUnit_ratesAsPercent_levelsAsIntegers(Chromium chrome, TestServer server)
            throws IOException {
        String own = HOSPITAL;
        String department = TestServer.firstDepartment(server.dir, own);
        chrome.login("admin");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("overview", "overview&period=2024");
        pages.put("hospitals", "hospitals");
        pages.put("drg", "drg");
        pages.put("drg-hospital", "drg&hospital=" + own);
        pages.put("units", "units&hospital=" + own);
        pages.put("drgcost", "drgcost&hospital=" + own + "&department=" + java.net.URLEncoder.encode(department,
                StandardCharsets.UTF_8));
        pages.put("outliers", "outliers");
        pages.put("dip", "dip");
        pages.put("payment", "payment&hospital=" + own);
        pages.put("quality", "quality");
        pages.put("evaluation", "evaluation&period=2024&hospital=" + own);
        pages.put("ranking", "ranking&period=2024");
        pages.put("budget", "budget&hospital=" + own + "&year=2024");
        pages.put("costing", "costing&hospital=" + own + "&year=2024");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            chrome.open("/index.html?page=" + page.getValue());
            String name = page.getKey();
            assertThat(chrome.errors()).as(name).isEmpty();
            chrome.fullScreenshot("units-" + name);
            List<String> labels = labels(chrome);
            assertThat(labels).as(name).isNotEmpty();
            Set<String> units = new TreeSet<>();
            for (String l : labels) {
                String label = l.replaceAll("^[hka]:", "");
                boolean heading = l.startsWith("h:");
                if (!heading && MONEY.matcher(label).find() && !NOT_AMOUNT.matcher(label).find()) {
                    assertThat(label).as(name + ": an amount says its unit").contains("元");
                }
                if (!PER_CASE.matcher(label).find() && YUAN.matcher(label).find()) {
                    units.add(label.contains("万元") ? "万元" : "元");
                }
            }
            assertThat(units).as(name + ": one unit of money on the page, in " + labels).hasSizeLessThanOrEqualTo(1);
            for (Map.Entry<String, List<String>> column : columns(chrome).entrySet()) {
                String header = column.getKey();
                if (RATE.matcher(header).find() && !header.contains("（%）") && !header.contains("指数")
                        && !header.contains("倍率") && !header.contains("效率")) {
                    assertThat(column.getValue()).as(name + ": rate " + header).allMatch(v -> v.equals("—") || v.isEmpty()
                            || v.matches("-?[\\d,]+(\\.\\d+)?%"));
                }
                if (header.contains("等级")) {
                    assertThat(column.getValue()).as(name + ": level " + header).allMatch(v -> v.matches("\\d+|—"));
                }
            }
        }
    }

    @Test
    void budgetReportButtons_sayTheyAreBusyUntilTheFileArrives(Chromium chrome) {
        chrome.login("admin");
        chrome.open("/index.html?page=budget&hospital=" + HOSPITAL + "&year=2024");
        List<org.openqa.selenium.WebElement> buttons = chrome.driver.findElements(
                org.openqa.selenium.By.cssSelector("#budget-summary button.download"));
        assertThat(buttons).hasSize(4);
        // the report never arrives: the button stays busy (no timing: the answer is held, not slow)
        chrome.script("window.fetch = () => new Promise(() => {});");
        buttons.get(0).click();
        assertThat(buttons.get(0).getText()).isEqualTo("正在生成…");
        assertThat(buttons.get(0).isEnabled()).isFalse();
        assertThat(buttons.get(1).getText()).isEqualTo("预算报告 Excel");
    }

    /** Panel titles (h:), table headers and key figures' labels (k:), chart axis names (a:). */
    @SuppressWarnings("unchecked")
    private static List<String> labels(Chromium chrome) {
        return (List<String>) chrome.script("const out = [];"
                + "document.querySelectorAll('main h2').forEach(e => out.push('h:' + e.textContent));"
                + "document.querySelectorAll('main th').forEach(e => out.push(e.textContent));"
                + "document.querySelectorAll('main .kpi .l').forEach(e => out.push('k:' + e.textContent));"
                + "document.querySelectorAll('.chart').forEach(e => { const c = echarts.getInstanceByDom(e); if (!c) return;"
                + " const o = c.getOption(); [].concat(o.xAxis || [], o.yAxis || []).forEach(a => { if (a.name) out.push('a:' + a.name); }); });"
                + "return out;");
    }

    /** Every table's columns on the page shown: header → the cells' texts. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> columns(Chromium chrome) {
        return (Map<String, List<String>>) chrome.script("const out = {};"
                + "document.querySelectorAll('main table').forEach(t => { const hs = [...t.querySelectorAll('th')].map(h => h.textContent);"
                + " t.querySelectorAll('tbody tr').forEach(r => [...r.cells].forEach((c, i) => {"
                + "  const h = hs[i]; if (h === undefined) return; (out[h] = out[h] || []).push(c.textContent); })); });"
                + "return out;");
    }
}
