package dev.parley.web.dashboard;

import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Base of the dashboard's browser tests: a fresh account, signed-in headless browsers closed after each test ({@link OpenBrowsers}). */
abstract class BrowserTest extends IntegrationTest {

    static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    final OpenBrowsers browsers = new OpenBrowsers();
    protected Team team;
    protected String base;

    @BeforeEach
    void openAccount() {
        team = fixtures.account();
        base = "http://localhost:" + port;
    }

    /** A browser signed in as the user with that email (every fixture user's password is secret123). */
    protected WebDriver signedIn(String email) {
        return signedIn(email, 1280, 900);
    }

    protected WebDriver signedIn(String email, int width, int height) {
        WebDriver browser = unsigned(width, height);
        Browsers.signIn(browser, base, email, "secret123");
        return browser;
    }

    protected WebDriver unsigned(int width, int height) {
        return browsers.open(width, height);
    }

    protected List<WebDriver> browsers() {
        return browsers.all();
    }

    /** Answers the page's confirmation dialog (the in-page &lt;dialog&gt; that replaced confirm()) with Confirm; returns its question. */
    protected static String confirmInPage(WebDriver browser) {
        waitFor(browser, Duration.ofSeconds(3), d -> d.findElement(org.openqa.selenium.By.id("confirm-dialog")).isDisplayed());
        String question = browser.findElement(org.openqa.selenium.By.id("confirm-question")).getText();
        browser.findElement(org.openqa.selenium.By.id("confirm-ok")).click();
        return question;
    }

    /** The element's text, read afresh if the live stream swapped the element out between the look and the read. */
    protected static String text(WebDriver browser, org.openqa.selenium.By element) {
        String[] seen = new String[1];
        waitFor(browser, WITHIN_A_SECOND, d -> {
            seen[0] = d.findElement(element).getText();
            return true;
        });
        return seen[0];
    }

    /** Clicks the element, finding it afresh if the live stream swapped it out between the look and the click. */
    protected static void click(WebDriver browser, org.openqa.selenium.By element) {
        waitFor(browser, WITHIN_A_SECOND, d -> {
            d.findElement(element).click();
            return true;
        });
    }

    /** Types into the element once it takes input, finding it afresh if the page was still settling or the stream swapped it. */
    protected static void type(WebDriver browser, org.openqa.selenium.By element, CharSequence... keys) {
        waitFor(browser, WITHIN_A_SECOND, d -> {
            org.openqa.selenium.WebElement field = d.findElement(element);
            if (!field.isDisplayed() || !field.isEnabled()) return false;
            field.sendKeys(keys);
            return true;
        });
    }

    /**
     * Polls every 50 ms; a fragment swapped in by the live stream between (or during) two looks is simply looked at again.
     * The wait ends as soon as the condition holds, so the timeout only bounds a failure: it never goes below
     * {@link #PATIENCE}, because on a loaded CI machine a live update can take seconds (the timeouts written in the
     * tests say what a person would expect, not what the test may wait).
     */
    protected static void waitFor(WebDriver browser, Duration timeout, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, timeout.compareTo(PATIENCE) < 0 ? PATIENCE : timeout, Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class).ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // Chromium's other way of saying "stale": the node was swapped out while it was being read
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) return false;
                        throw e;
                    }
                });
    }
}
