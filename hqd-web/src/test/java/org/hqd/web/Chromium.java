package org.hqd.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian {@code chromium} and {@code chromium-driver}) driven through the pages of a
 * server as a person would: the login form, a page and its readiness, the errors it shows, what its charts drew.
 * Every page also records the Content-Security-Policy violations it meets ({@link #cspViolations()}), from a
 * listener installed before any script of the page runs.
 */
final class Chromium implements AutoCloseable {
    /**
     * How often a wait looks again: with Selenium's default of 500 ms every page a test opens, every login and every
     * click that redraws a page cost up to half a second more than the page took to be ready.
     */
    static final Duration POLL = Duration.ofMillis(50);

    final ChromeDriver driver;
    private final String base;

    Chromium(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(System.getProperty("hqd.chromium", "/usr/bin/chromium")));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("hqd.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__csp = []; document.addEventListener('securitypolicyviolation', "
                        + "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    void login(String name) {
        loginAt("/login.html", name);
        waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/index.html"));
        waitReady();
    }

    /**
     * Fills and sends the login form of {@code path} (a login page with its query) in a new session (the browser's
     * cookies cleared first, whoever was logged in before); does not wait for a page.
     */
    void loginAt(String path, String name) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(base + path);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        driver.findElement(By.id("submit")).click();
    }

    void logout() {
        driver.findElement(By.id("logout")).click();
        waitUpTo(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login.html"));
    }

    /**
     * A wait of at most {@code limit} (a safety net, not a timing) that looks again every {@link #POLL}, also when an
     * element it found was replaced meanwhile (a page draws its panels again after a change).
     */
    WebDriverWait waitUpTo(Duration limit) {
        WebDriverWait wait = new WebDriverWait(driver, limit, POLL);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    void open(String path) {
        driver.get(base + path);
        waitReady();
    }

    void waitReady() {
        waitUpTo(Duration.ofSeconds(30)).until(d -> "true".equals(((JavascriptExecutor) d)
                .executeScript("const m = document.getElementById('main'); return m && m.dataset.ready;")));
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    List<String> errors() {
        return driver.findElements(By.cssSelector("main .error")).stream().map(e -> e.getText()).toList();
    }

    /** The Content-Security-Policy violations of the current page so far ("directive blocked-URI"). */
    @SuppressWarnings("unchecked")
    List<String> cspViolations() {
        return (List<String>) script("return window.__csp || [];");
    }

    /** For every chart of the page, how many data points its series hold. */
    @SuppressWarnings("unchecked")
    List<Long> chartPoints() {
        return (List<Long>) script(
                "return [...document.querySelectorAll('.chart')].map(e => { const c = echarts.getInstanceByDom(e);"
                        + " return c ? c.getOption().series.reduce((n, s) => n + (s.data ? s.data.filter(v => v !== null"
                        + " && v !== undefined).length : 0), 0) : 0; });");
    }

    /** The number of rows of every table of the page (all rows, not just the page shown), in order. */
    @SuppressWarnings("unchecked")
    List<Long> tableRows() {
        return (List<Long>) script("return [...document.querySelectorAll('details.data-table > summary')]"
                + ".map(s => Number(s.textContent.match(/(\\d+) 行/)[1]));");
    }

    /** The texts of one column (1-based) of the first table's rows on the page shown. */
    List<String> column(int n) {
        return driver.findElement(By.cssSelector("details.data-table table")).findElements(By.cssSelector(
                "tbody tr td:nth-child(" + n + ")")).stream().map(e -> e.getAttribute("textContent")).toList();
    }

    /** Clicks data item {@code item} of series {@code series} of chart {@code chart} (0-based) where it is drawn. */
    @SuppressWarnings("unchecked")
    void clickChart(int chart, int series, int item) {
        List<Number> at = (List<Number>) script("const c = echarts.getInstanceByDom(document.querySelectorAll('.chart')"
                + "[arguments[0]]); const el = c.getModel().getSeriesByIndex(arguments[1]).getData()"
                + ".getItemGraphicEl(arguments[2]); const s = el.shape || {};"
                + "if (s.startAngle !== undefined) { const a = (s.startAngle + s.endAngle) / 2;"
                + " return [s.cx + Math.cos(a) * (s.r + s.r0) / 2, s.cy + Math.sin(a) * (s.r + s.r0) / 2]; }"
                + "if (s.width !== undefined) return [s.x + s.width / 2, s.y + s.height / 2];"
                + "return [el.x, el.y];", chart, series, item);
        org.openqa.selenium.WebElement el = driver.findElements(By.cssSelector(".chart")).get(chart);
        script("arguments[0].scrollIntoView({block: 'center'});", el);
        org.openqa.selenium.Dimension size = el.getSize();
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(el,
                (int) Math.round(at.get(0).doubleValue() - size.getWidth() / 2.0),
                (int) Math.round(at.get(1).doubleValue() - size.getHeight() / 2.0)).click().perform();
    }

    /**
     * Clicks the first item of chart {@code chart} (0-based) and waits for the page the click leads to (its address
     * containing {@code page}) to be ready; returns the item's label on the chart's axis.
     */
    String drillFirst(int chart, String page) {
        String label = (String) script("return echarts.getInstanceByDom(document.querySelectorAll('.chart')"
                + "[arguments[0]]).getOption().xAxis[0].data[0];", chart);
        clickChart(chart, 0, 0);
        waitUpTo(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains(page));
        waitReady();
        return label;
    }

    /** Whether the page is wider than the window (it scrolls sideways). */
    boolean overflowsSideways() {
        return (Boolean) script("const d = document.documentElement; return d.scrollWidth > d.clientWidth;");
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot of the whole page: the window made as tall as the page for it. */
    void fullScreenshot(String name) throws IOException {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        long height = (Long) script("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(height + 140, 8000)));
        try {
            screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
