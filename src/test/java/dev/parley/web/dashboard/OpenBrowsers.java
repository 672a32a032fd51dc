package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * The browsers one test opens, as a JUnit extension ({@code @RegisterExtension}): the test is skipped where Chromium
 * is not installed, and afterwards every browser is closed; a page that broke its own Content-Security-Policy (an
 * inline script, an eval) fails the test.
 */
final class OpenBrowsers implements BeforeEachCallback, AfterEachCallback {

    private final List<WebDriver> browsers = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(Browsers.available(), "Chromium is installed by .ci/run");
    }

    WebDriver open(int width, int height) {
        WebDriver browser = Browsers.open(width, height);
        browsers.add(browser);
        return browser;
    }

    /** The browsers opened so far, first first. */
    List<WebDriver> all() {
        return browsers;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> violations = new ArrayList<>();
        browsers.forEach(b -> violations.addAll(Browsers.policyViolations(b)));
        browsers.forEach(WebDriver::quit);
        browsers.clear();
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }
}
