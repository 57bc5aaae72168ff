package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In Chromium, page 医保结算与审核 as the insurer asks it: which hospitals lose most over a quarter (here two months).
 * The panel 各医院预结算合计 sums each hospital's months of the period chosen (the months the API answers; the test
 * province has three, two are asked), largest loss first; every table of the page names its hospitals beside their
 * codes; a hospital user (one hospital) has no such panel.
 */
@ExtendWith(BrowserSite.class)
final class BrowserPaymentTest {
    private static final String PERIOD = "from=2024-02-01&to=2024-03-31";

    @Test
    void regulatorSeesEachHospitalsPeriod_summedFromTheMonths_largestLossFirst(Chromium chrome) {
        chrome.login("regulator");
        try {
            chrome.open("/index.html?page=payment&" + PERIOD);
            assertThat(chrome.errors()).isEmpty();
            // the expected sums, from the months the API answers for the same period (each hospital's two months)
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> months = (List<Map<String, Object>>) chrome.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch('/api/payment?" + PERIOD + "')"
                            + ".then(r => r.json()).then(j => done(j.months));");
            Map<String, double[]> expected = new LinkedHashMap<>();
            for (Map<String, Object> m : months) {
                double[] s = expected.computeIfAbsent((String) m.get("hospitalId"), k -> new double[2]);
                s[0] += ((Number) m.get("cases")).doubleValue();
                s[1] += ((Number) m.get("balance")).doubleValue();
            }
            assertThat(months).extracting(m -> m.get("month")).containsOnly("2024-02", "2024-03");
            List<String> worstFirst = expected.entrySet().stream()
                    .sorted(Comparator.comparingDouble(e -> e.getValue()[1])).map(Map.Entry::getKey).toList();

            WebElement panel = chrome.driver.findElement(By.id("payment-hospitals"));
            assertThat(panel.findElement(By.tagName("h2")).getText())
                    .isEqualTo("各医院预结算合计（2024-02 至 2024-03 各月之和；亏损最多在前）");
            List<List<String>> rows = panel.findElements(By.cssSelector("tbody tr")).stream()
                    .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
            assertThat(rows).hasSize(Math.min(100, expected.size()));
            assertThat(rows).extracting(r -> r.get(0).split(" ")[0]).containsExactlyElementsOf(
                    worstFirst.subList(0, rows.size()));
            for (List<String> r : rows) {
                String id = r.get(0).split(" ")[0];
                // the hospital named beside its code, not the code alone
                assertThat(r.get(0)).startsWith(id + " ").hasSizeGreaterThan(id.length() + 1);
                assertThat(r.get(1)).isEqualTo(String.format("%,d", Math.round(expected.get(id)[0])));
                assertThat(r.get(4)).isEqualTo(String.format("%,.2f", expected.get(id)[1] / 1e4));
            }
            // every table of the page names its hospitals beside their codes (months, totals, losing cases, flags)
            List<WebElement> tables = chrome.driver.findElements(By.cssSelector("main details.data-table table"));
            assertThat(tables).hasSize(5);
            int[] hospitalColumn = {2, 1, 1, 1};
            for (int i = 0; i < hospitalColumn.length; i++) {
                assertThat(tables.get(i).findElements(By.cssSelector("tbody tr td:nth-child(" + hospitalColumn[i] + ")")))
                        .as("table %d", i).isNotEmpty()
                        .extracting(c -> c.getAttribute("textContent")).allMatch(c -> c.matches("H\\d{4} \\S.*"));
            }
            // a losing case's link still leads to its settlement, explained
            String href = chrome.driver.findElement(By.cssSelector("main a.drill")).getAttribute("href");
            String drgs = chrome.driver.findElement(By.id("payment-drgs")).getAttribute("href");
            chrome.open(href.substring(href.indexOf("/index.html")));
            assertThat(chrome.errors()).isEmpty();
            assertThat(chrome.driver.findElements(By.cssSelector("main ol li"))).isNotEmpty();
            // and which DRGs the losses come from, across the region, over the same months
            assertThat(drgs).contains("page=drgcost", "from=2024-02-01", "to=2024-03-31").doesNotContain("hospital=");
            chrome.open(drgs.substring(drgs.indexOf("?")).replaceFirst("^", "/index.html"));
            assertThat(chrome.errors()).isEmpty();
            assertThat(chrome.driver.findElement(By.id("drg-cost")).getText()).contains("全地区 病组盈亏");
        } finally {
            chrome.logout();
        }
    }

    @Test
    void hospitalUser_hasNoTableOfHospitals(Chromium chrome) {
        chrome.login("hosp");
        try {
            chrome.open("/index.html?page=payment&" + PERIOD);
            assertThat(chrome.errors()).isEmpty();
            assertThat(chrome.driver.findElements(By.id("payment-hospitals"))).isEmpty();
        } finally {
            chrome.logout();
        }
    }
}
