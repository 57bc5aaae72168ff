package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In Chromium, page 综合排名: the hospitals ranked by composite score within their peers, the table sorts by score,
 * a hospital (in the table or the chart) drills down to its evaluation; a hospital user sees its own line only, and
 * is told why when its hospital is outside the indicator set's scope (its hospital H0001 is a tertiary one). Page
 * 评价与通报 keeps the tier figures below its rows.
 */
@ExtendWith(BrowserSite.class)
final class BrowserRankingTest {
    @Test
    void regulatorRanksHospitals_sortsByScore_andDrillsDownToAnEvaluation(Chromium chrome, TestServer server)
            throws IOException {
        chrome.login("admin");
        try {
            chrome.open("/index.html?page=ranking&period=2024");
            assertThat(chrome.errors()).isEmpty();
            long hospitals = Long.parseLong(TestServer.single(server.dir, "SELECT count(*) FROM hospital_register"));
            assertThat(chrome.tableRows()).containsExactly(hospitals);
            assertThat(chrome.driver.findElement(By.cssSelector("main .panel h2")).getText()).contains("综合得分排名", "2024");
            List<WebElement> headers = chrome.driver.findElements(By.cssSelector("details.data-table th"));
            assertThat(headers).extracting(WebElement::getText).containsExactly("同类医院", "同类排名", "医院", "同类医院数",
                    "综合得分（分）", "医疗质量（分）", "运营效率（分）", "持续发展（分）", "满意度评价（分）", "百分位（%）", "计分指标数");
            chrome.screenshot("w1440-ranking");
            // the chart's bars are named by the hospitals' names, not their codes
            @SuppressWarnings("unchecked")
            List<String> bars = (List<String>) chrome.script("return echarts.getInstanceByDom("
                    + "document.querySelector('.chart')).getOption().xAxis[0].data;");
            List<String> names = List.of(TestServer.single(server.dir,
                    "SELECT string_agg(name, '|') FROM hospital_register").split("\\|"));
            assertThat(bars).isNotEmpty().noneMatch(b -> b.matches("H\\d+"));
            assertThat(names).containsAll(bars);
            // by score, highest first (the second click on the header)
            headers.get(4).click();
            headers.get(4).click();
            List<Double> scores = chrome.column(5).stream().filter(s -> !s.equals("—")).map(Double::parseDouble).toList();
            assertThat(scores).isNotEmpty().isSortedAccordingTo(java.util.Comparator.<Double>naturalOrder().reversed());
            // the first hospital of the table → its evaluation
            String hospital = chrome.column(3).get(0).split(" ")[0];
            chrome.driver.findElement(By.cssSelector("details.data-table tbody tr td:nth-child(3) a")).click();
            chrome.waitReady();
            assertThat(chrome.driver.getCurrentUrl()).contains("page=evaluation", "hospital=" + hospital, "period=2024");
            assertThat(chrome.column(1)).isNotEmpty().allMatch(c -> c.startsWith(hospital + " "));
            // a bar of the chart → that hospital's evaluation
            chrome.open("/index.html?page=ranking&period=2024");
            String best = chrome.drillFirst(0, "page=evaluation");
            // the bar is named by the hospital's name; the evaluation opens on its code
            assertThat(chrome.driver.getCurrentUrl()).contains("hospital=" + TestServer.single(server.dir,
                    "SELECT hospital_id FROM hospital_register WHERE name = '" + best.replace("'", "''") + "'"));
        } finally {
            chrome.logout();
        }
    }

    @Test
    void hospitalUser_seesItsOwnRankOnly(Chromium chrome) {
        chrome.login("hosp");
        try {
            chrome.open("/index.html?page=ranking&period=2024");
            assertThat(chrome.errors()).isEmpty();
            assertThat(chrome.tableRows()).containsExactly(1L);
            assertThat(chrome.column(3)).singleElement().satisfies(c -> assertThat(c).startsWith(TestServer.OWN + " "));
            assertThat(chrome.column(2).get(0)).matches("\\d+ / \\d+|—");
        } finally {
            chrome.logout();
        }
    }

    @Test
    void hospitalUserOutsideTheSetsScope_isToldWhy_onRankingAndEvaluation(Chromium chrome, TestServer server) {
        String own = TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = '"
                + TestServer.OWN + "'");
        chrome.login("hosp");
        try {
            for (String page : List.of("ranking", "evaluation")) {
                chrome.open("/index.html?page=" + page + "&period=2024&set=national-secondary");
                assertThat(chrome.errors()).as(page).isEmpty();
                assertThat(chrome.driver.findElement(By.cssSelector("main p.warn.scope-note")).getText()).as(page)
                        .startsWith(own + "（")
                        .contains("不在「二级公立医院绩效考核指标」的适用范围（二级医院（县级医院））内，未参评")
                        .contains("适用于本院的指标集：HQD 高质量发展监测指标、三级公立医院绩效考核指标（国考）");
                assertThat(chrome.tableRows()).as(page).isEmpty();
            }
        } finally {
            chrome.logout();
        }
    }

    @Test
    void evaluation_tertiarySet_saysWhoIsNotRated_andShowsTheTierFiguresCollapsed(Chromium chrome)
            throws IOException {
        chrome.login("admin");
        try {
            chrome.open("/index.html?page=evaluation&period=2024&set=national-tertiary");
            assertThat(chrome.errors()).isEmpty();
            assertThat(chrome.driver.findElement(By.cssSelector("main p.muted.scope-note")).getText())
                    .isEqualTo("本指标体系适用于三级医院；不适用的 3 家医院未参评");
            // the tiers of the figures (those of the rated hospitals, then 全部), as the API answers them
            @SuppressWarnings("unchecked")
            List<String> tiers = (List<String>) chrome.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch('/api/evaluation/tiers?period=2024"
                            + "&set=national-tertiary').then(r => r.json()).then(j => done(j.figures[0].cells"
                            + ".map(c => c.label)));");
            assertThat(tiers).hasSizeGreaterThan(1).endsWith("全部");
            // the rows; the 56 indicators' tier figures, one line per indicator and tier; the 5 rated hospitals' values
            List<Long> rows = chrome.tableRows();
            assertThat(rows).hasSize(3);
            assertThat(rows.subList(1, 3)).containsExactly(56L * tiers.size(), 5L);
            List<WebElement> tables = chrome.driver.findElements(By.cssSelector("details.data-table"));
            assertThat(tables.get(1).getAttribute("open")).isNull();
            assertThat(tables.get(1).findElements(By.cssSelector("th"))).extracting(e -> e.getAttribute("textContent"))
                    .containsExactly("序号", "指标", "单位", "维度", "层级", "有值 / 医院数", "均值", "中位数");
            // an indicator's tiers one under another, each indicator with the unit its figures read in: a rate in %,
            // a count in its own unit
            List<List<String>> lines = tables.get(1).findElements(By.cssSelector("tbody tr")).stream()
                    .map(r -> r.findElements(By.tagName("td")).stream().map(c -> c.getAttribute("textContent"))
                            .toList()).toList();
            assertThat(lines.subList(0, tiers.size())).extracting(l -> l.get(4)).containsExactlyElementsOf(tiers);
            assertThat(lines.subList(0, tiers.size())).extracting(l -> l.get(1) + "|" + l.get(2))
                    .containsOnly("门诊人次数与出院人次数比|");
            assertThat(lines.get(tiers.size())).element(1).isEqualTo("下转患者人次数（门急诊、住院）");
            assertThat(lines.get(tiers.size())).element(2).isEqualTo("人次");
            assertThat(lines.get(2 * tiers.size())).element(2).isEqualTo("%");
            tables.get(1).findElement(By.tagName("summary")).click();
            chrome.script("arguments[0].closest('.panel').scrollIntoView();", tables.get(1));
            chrome.screenshot("w1440-evaluation-tiers");
        } finally {
            chrome.logout();
        }
    }
}
