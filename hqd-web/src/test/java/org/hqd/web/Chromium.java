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
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/index.html"));
        waitReady();
    }

    /** Fills and sends the login form of {@code path} (a login page with its query); does not wait for a page. */
    void loginAt(String path, String name) {
        driver.get(base + path);
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        driver.findElement(By.id("submit")).click();
    }

    void logout() {
        driver.findElement(By.id("logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login.html"));
    }

    void open(String path) {
        driver.get(base + path);
        waitReady();
    }

    void waitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(((JavascriptExecutor) d)
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
