package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hqd.store.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The pages in a real Chromium against hostile data and hostile links: a case whose record id, department and
 * physician are markup with script in it shows as text in tables and chart tooltips and runs nothing; the
 * Content-Security-Policy stops inline script even where markup got into the page; the browser's CSV export keeps
 * formulas from running in a spreadsheet; the login page sends nobody to another site.
 */
@ExtendWith(BrowserSite.class)
final class BrowserSecurityTest {
    /** What an import of a hostile file stores (the importer keeps text as it is written). */
    static final String RECORD = "<img src=x onerror=window.__hqdXss=1>";
    static final String DEPARTMENT = "=1+2<img src=x onerror=window.__hqdXss=2>";
    static final String PHYSICIAN = "@SUM(1+1)<svg onload=window.__hqdXss=3>";
    /**
     * The hospital with the hostile values (its largest department is ranked and charted on the page of departments;
     * the other browser tests, which share the site, read this hospital's rows through their own counts).
     */
    private static final String HOSPITAL = TestServer.OTHER;

    /** The hospital's most frequent DRG: the one of the hostile case. */
    private static String drg(DataDirectory dir) {
        return TestServer.single(dir, "SELECT drg FROM cases WHERE hospital_id = '" + HOSPITAL
                + "' AND status = 'GROUPED' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
    }

    /**
     * What the site holds for this test, before its server starts ({@link BrowserSite}): the hospital's largest
     * department gets the hostile name (so that it is ranked and charted on the page of departments), and the most
     * expensive case of the hospital's most frequent DRG all three hostile values.
     */
    static void plant(DataDirectory dir) {
        dir.execute("UPDATE case_records SET department = '" + DEPARTMENT + "' WHERE hospital_id = '" + HOSPITAL
                + "' AND department = (SELECT department FROM case_records WHERE hospital_id = '" + HOSPITAL
                + "' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)");
        String d = drg(dir);
        dir.execute("UPDATE case_records SET record_id = '" + RECORD + "', department = '" + DEPARTMENT
                + "', attending_physician = '" + PHYSICIAN + "' WHERE hospital_id = '" + HOSPITAL + "' AND record_id = ("
                + "SELECT record_id FROM case_records WHERE hospital_id = '" + HOSPITAL + "' AND status = 'GROUPED' "
                + "AND drg = '" + d + "' ORDER BY total_cost DESC LIMIT 1)");
    }

    /** The text of the chart's tooltip after pointing at a data item, and how many elements the tooltip holds. */
    private static List<?> tooltip(Chromium chrome, int chart, int series, int dataIndex) {
        return (List<?>) chrome.script("const el = document.querySelectorAll('.chart')[arguments[0]];"
                + "const c = echarts.getInstanceByDom(el);"
                + "c.dispatchAction({type: 'showTip', seriesIndex: arguments[1], dataIndex: arguments[2]});"
                + "const tips = [...el.querySelectorAll('div')].filter(d => d.style.zIndex === '9999999');"
                + "return [tips.map(t => t.innerText).join(''), tips.map(t => t.querySelectorAll('img, svg, script').length)"
                + ".reduce((a, b) => a + b, 0)];", chart, series, dataIndex);
    }

    @Test
    void hostileValues_showAsText_inTablesAndTooltips_andRunNothing(Chromium chrome, TestServer server)
            throws IOException {
        String drg = drg(server.dir);
        chrome.login("admin");
        chrome.open("/index.html?page=drg&drg=" + drg + "&hospital=" + HOSPITAL);
        assertThat(chrome.errors()).isEmpty();
        List<String> first = chrome.driver.findElements(By.cssSelector("main table tbody tr:first-child td")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
        assertThat(first).contains(HOSPITAL, RECORD, DEPARTMENT, PHYSICIAN);
        // the scatter's first point is that case: its tooltip shows the id as text, with no element made from it
        List<?> tip = tooltip(chrome, 0, 0, 0);
        assertThat((String) tip.get(0)).contains(HOSPITAL + " " + RECORD);
        assertThat(((Number) tip.get(1)).intValue()).isZero();
        chrome.screenshot("security-hostile-drg-cases");

        chrome.open("/index.html?page=units&by=department&hospital=" + HOSPITAL);
        int unit = ((Number) chrome.script("return echarts.getInstanceByDom(document.querySelector('.chart'))"
                + ".getOption().xAxis[0].data.findIndex(u => u.includes(arguments[0]));", DEPARTMENT)).intValue();
        assertThat(unit).isNotNegative();
        List<?> axisTip = tooltip(chrome, 0, 0, unit);
        assertThat((String) axisTip.get(0)).contains(DEPARTMENT);
        assertThat(((Number) axisTip.get(1)).intValue()).isZero();
        assertThat(chrome.driver.findElement(By.cssSelector("main table")).getAttribute("textContent")).contains(DEPARTMENT);

        chrome.open("/index.html?page=outliers&hospital=" + HOSPITAL);
        assertThat(chrome.errors()).isEmpty();
        // nothing ran and no element came from the data anywhere on the pages
        assertThat(chrome.script("return window.__hqdXss === undefined "
                + "&& document.querySelectorAll('img[src=x], svg[onload]').length === 0;")).isEqualTo(true);
        assertThat(chrome.cspViolations()).isEmpty();
        chrome.logout();
    }

    @Test
    void thePolicy_refusesInlineScript_evenWhereMarkupGotIntoThePage(Chromium chrome) {
        chrome.login("hosp");
        chrome.open("/index.html?page=overview");
        assertThat(chrome.cspViolations()).isEmpty();
        // markup put into the page by other means than the pages' own code: its handler is refused
        chrome.script("document.body.insertAdjacentHTML('beforeend', '<img id=probe src=x onerror=\"window.__probe=1\">');"
                + "const s = document.createElement('script'); s.textContent = 'window.__probe = 2'; document.body.appendChild(s);");
        chrome.waitUpTo(Duration.ofSeconds(10)).until(d -> chrome.cspViolations().size() >= 2);
        assertThat(chrome.script("return window.__probe === undefined;")).isEqualTo(true);
        assertThat(chrome.cspViolations()).allMatch(v -> v.startsWith("script-src"));
        chrome.logout();
    }

    @Test
    void theCsvExport_keepsFormulasAsText_andNumbersAsNumbers(Chromium chrome, TestServer server) {
        String drg = drg(server.dir);
        chrome.login("admin");
        chrome.open("/index.html?page=drg&drg=" + drg + "&hospital=" + HOSPITAL);
        chrome.script("window.__blobs = []; const make = URL.createObjectURL;"
                + "URL.createObjectURL = (b) => { window.__blobs.push(b); return make(b); };");
        chrome.driver.findElements(By.xpath("//button[text()='导出 CSV']")).get(0).click();
        String csv = (String) chrome.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.__blobs[0].text().then(done);");
        List<String> lines = csv.replace("\ufeff", "").lines().toList();
        assertThat(lines.get(0)).startsWith("\"医院\",\"病案号\",\"科室\",\"主治医师\",");
        String hostile = lines.get(1);
        assertThat(hostile).startsWith("\"" + HOSPITAL + "\",\"" + RECORD + "\",\"'" + DEPARTMENT + "\",\"'" + PHYSICIAN + "\",");
        // the cost (seventh column) is written as a number, not as quoted text
        String cost = hostile.split(",")[6];
        assertThat(cost).doesNotStartWith("\"").doesNotStartWith("'");
        assertThat(Double.parseDouble(cost)).isEqualTo(Double.parseDouble(TestServer.single(server.dir,
                "SELECT total_cost FROM cases WHERE record_id = '" + RECORD + "'")));
        chrome.logout();
    }

    @Test
    void afterLogin_nextLeadsOnlyToAPageOfThisSite(Chromium chrome, TestServer server) {
        URI site = URI.create(server.base());
        for (String next : List.of("/%5Cevil.example", "/%09/evil.example", "//evil.example", "/%2F/evil.example",
                "https://evil.example/", "javascript:alert(1)", "/%0D%0A/evil.example", "%2F%5Cevil.example",
                "/.//evil.example", "/./%5Cevil.example")) {
            chrome.loginAt("/login.html?next=" + next, "hosp");
            chrome.waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/index.html")
                    || !d.getCurrentUrl().startsWith(server.base()));
            URI landed = URI.create(chrome.driver.getCurrentUrl());
            assertThat(landed.getHost() + ":" + landed.getPort()).as(next).isEqualTo(site.getHost() + ":" + site.getPort());
            assertThat(landed.getPath()).as(next).isEqualTo("/index.html");
        }
        // a page of the site is where the user goes back to
        chrome.loginAt("/login.html?next=" + "%2Findex.html%3Fpage%3Dhospitals", "hosp");
        chrome.waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("page=hospitals"));
        chrome.waitReady();
        chrome.logout();
    }
}
