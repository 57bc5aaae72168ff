package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real headless Chromium (Debian {@code chromium} and {@code chromium-driver}): log in through the
 * form, open every page as an admin and as a hospital user, check that each chart drew data and no page shows an
 * error, and keep a screenshot of each page in {@code target/screenshots}.
 */
final class BrowserTest {
    @TempDir
    static Path tmp;

    /** What the first panel of each page is about. */
    private static final java.util.Map<String, String> TITLES = java.util.Map.of("overview", "关键指标",
            "hospitals", "CMI", "drg", "病", "units", "科室 CMI 排名", "outliers", "高倍率", "dip", "DIP",
            "quality", "数据质量", "evaluation", "高质量发展评价", "audit", "审计日志");

    private static TestServer server;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        server = new TestServer(tmp, Clock.systemUTC());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(System.getProperty("hqd.chromium", "/usr/bin/chromium")));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("hqd.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void admin_logsInAndEveryPageDrawsItsCharts() throws IOException {
        login("admin");
        String drg = TestServer.single(server.dir, "SELECT drg FROM cases WHERE status = 'GROUPED' GROUP BY 1 "
                + "ORDER BY count(*) DESC, 1 LIMIT 1");
        for (String page : List.of("overview", "hospitals", "drg", "drg&drg=" + drg, "units", "outliers", "dip",
                "quality", "evaluation", "audit")) {
            open("/index.html?page=" + page + (page.equals("units") ? "&hospital=" + TestServer.OWN : ""));
            assertThat(errors()).as(page).isEmpty();
            assertThat(browser.findElement(By.cssSelector("main .panel h2")).getText()).as(page)
                    .contains(TITLES.get(page.replaceAll("&.*", "")));
            List<Long> points = chartPoints();
            if (!page.equals("audit")) {
                assertThat(points).as(page + " charts").isNotEmpty().allMatch(n -> n > 0);
            }
            assertThat(browser.findElements(By.cssSelector("table tbody tr"))).as(page + " table rows").isNotEmpty();
            screenshot("admin-" + page.replace("&drg=", "-"));
        }
        // the filters are in the URL: reloading keeps the hospital
        open("/index.html?page=units&hospital=" + TestServer.OWN + "&by=physician");
        assertThat(browser.findElement(By.id("f-hospital")).getAttribute("value")).isEqualTo(TestServer.OWN);
        assertThat(browser.findElement(By.id("f-by")).getAttribute("value")).isEqualTo("physician");
        logout();
    }

    @Test
    void hospitalUser_seesOnlyItsHospital_andNoAuditPage() throws IOException {
        login("hosp");
        open("/index.html?page=hospitals");
        List<String> firstColumn = browser.findElements(By.cssSelector("table tbody tr td:first-child")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
        String ownName = TestServer.single(server.dir, "SELECT name FROM hospital_register WHERE hospital_id = '"
                + TestServer.OWN + "'");
        assertThat(firstColumn).containsExactly(ownName);
        assertThat(browser.findElements(By.cssSelector("#nav a[data-page=audit]"))).isEmpty();
        screenshot("hospital-user-hospitals");
        open("/index.html?page=overview");
        assertThat(errors()).isEmpty();
        assertThat(chartPoints()).isNotEmpty().allMatch(n -> n > 0);
        screenshot("hospital-user-overview");
        logout();
    }

    @Test
    void wrongPassword_showsTheMessageOnTheLoginPage() {
        browser.get(server.base() + "/login.html");
        browser.findElement(By.id("name")).sendKeys("hosp");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElement(By.id("message")).getText().isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("用户名或密码错误");
    }

    private void login(String name) {
        browser.get(server.base() + "/login.html");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.findElement(By.id("submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/index.html"));
        waitReady();
    }

    private void logout() {
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login.html"));
    }

    private void open(String path) {
        browser.get(server.base() + path);
        waitReady();
    }

    private void waitReady() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(((JavascriptExecutor) d)
                .executeScript("const m = document.getElementById('main'); return m && m.dataset.ready;")));
    }

    private List<String> errors() {
        return browser.findElements(By.cssSelector("main .error")).stream().map(e -> e.getText()).toList();
    }

    /** For every chart of the page, how many data points its series hold. */
    @SuppressWarnings("unchecked")
    private List<Long> chartPoints() {
        return (List<Long>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('.chart')].map(e => { const c = echarts.getInstanceByDom(e);"
                        + " return c ? c.getOption().series.reduce((n, s) => n + (s.data ? s.data.filter(v => v !== null"
                        + " && v !== undefined).length : 0), 0) : 0; });");
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
