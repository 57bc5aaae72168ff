package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.app.budget.BudgetFile;
import org.hqd.app.budget.BudgetService;
import org.hqd.app.costing.CostingService;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.synth.SyntheticBudget;
import org.hqd.synth.SyntheticCosting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Chromium at 1440 px, every page with data (the test province with H0001's 2024 budget, actuals and cost
 * accounting): money is labelled with its unit in every table header, chart axis and key figure, one unit per page
 * (元 or 万元; amounts per case — 例均, 次均, standards, rates per case — are always 元); rates are shown as %; levels
 * (风险等级) as integers. Screenshots of every page in target/screenshots/units-*.png.
 */
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

    @TempDir
    static Path tmp;

    private static TestServer server;
    private static Chromium chrome;
    private static String department;

    @BeforeAll
    static void start() throws IOException {
        Path budget = tmp.resolve("budget");
        SyntheticBudget.writeTo(TestProvince.source(), 2024, 3, budget);
        Path drivers = SyntheticCosting.writeTo(TestProvince.source(), 2024, budget).file();
        server = new TestServer(tmp, Clock.systemUTC(), d -> {
            Clock clock = Clock.systemUTC();
            BudgetService budgets = new BudgetService(DataAccess.of(d), clock);
            budgets.importBudget(Actor.commandLine(), file(budget.resolve(SyntheticBudget.budgetFile(2024))));
            budgets.importActuals(Actor.commandLine(), file(budget.resolve(SyntheticBudget.actualsFile(2024))));
            CostingService costing = new CostingService(DataAccess.of(d), clock);
            try {
                costing.loadDrivers(Actor.commandLine(), "drivers.csv", Files.readAllBytes(drivers), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            costing.run(Actor.commandLine(), Optional.of(TestServer.OWN), 2024);
        });
        department = server.department;
        chrome = new Chromium(server.base());
        chrome.login("admin");
    }

    private static BudgetFile file(Path p) {
        try {
            return BudgetFile.of(p.getFileName().toString(), Files.readAllBytes(p), StandardCharsets.UTF_8,
                    BudgetRowCheck.COLUMNS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyPage_labelsMoneyWithOneUnit_ratesAsPercent_levelsAsIntegers() throws IOException {
        String own = TestServer.OWN;
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
            List<String> labels = labels();
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
            for (Map.Entry<String, List<String>> column : columns().entrySet()) {
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

    /** Panel titles (h:), table headers and key figures' labels (k:), chart axis names (a:). */
    @SuppressWarnings("unchecked")
    private static List<String> labels() {
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
    private static Map<String, List<String>> columns() {
        return (Map<String, List<String>>) chrome.script("const out = {};"
                + "document.querySelectorAll('main table').forEach(t => { const hs = [...t.querySelectorAll('th')].map(h => h.textContent);"
                + " t.querySelectorAll('tbody tr').forEach(r => [...r.cells].forEach((c, i) => {"
                + "  const h = hs[i]; if (h === undefined) return; (out[h] = out[h] || []).push(c.textContent); })); });"
                + "return out;");
    }
}
