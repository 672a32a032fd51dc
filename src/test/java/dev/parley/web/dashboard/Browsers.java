package dev.parley.web.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium for browser tests (installed by .ci/run), with the flags this machine needs. */
final class Browsers {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browsers() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    static WebDriver open(int width, int height) {
        try {
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("parley-chromium-"));
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL")); // read back for CSP violations
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void signIn(WebDriver browser, String base, String email, String password) {
        browser.get(base + "/app/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/conversations"));
    }

    /** What the browser's console said about the Content-Security-Policy (a script or style it refused), since last asked. */
    static java.util.List<String> policyViolations(WebDriver browser) {
        try {
            return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        } catch (org.openqa.selenium.WebDriverException e) {
            return java.util.List.of(); // a browser already gone has nothing more to say
        }
    }

    /** axe-core's serious and critical findings on the page as it is now, each as "rule: help [elements]". */
    static java.util.List<String> seriousAccessibilityViolations(WebDriver browser) {
        return new com.deque.html.axecore.selenium.AxeBuilder().analyze(browser).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()).toList();
    }

    /** Waits until the page's live stream is connected, so what follows is a live update, not a page load. */
    static void awaitLive(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "live".equals(d.findElement(By.id("connection")).getText()));
    }
}
