package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** Keyboard use, paging, custom attributes, availability, rule clone/delete and "attribute changed" in the builder. */
class DashboardDetailsBrowserTests extends BrowserTest {




    @Test
    void theListIsUsableFromTheKeyboardAndLoadsMoreOnScroll() {
        var inbox = fixtures.inbox(team, team.agentUser());
        for (int i = 0; i < 27; i++) fixtures.conversation(fixtures.customer(inbox, "K" + i), "message " + i);
        WebDriver admin = browser();
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        assertThat(admin.findElements(By.cssSelector(".cards .card"))).hasSize(25);
        new Actions(admin).sendKeys("?").perform();
        assertThat(admin.findElement(By.id("shortcuts")).isDisplayed()).isTrue();
        click(admin, By.id("close-shortcuts"));
        new Actions(admin).sendKeys("j").sendKeys("j").perform();
        String second = admin.findElements(By.cssSelector(".cards .card > a")).get(1).getAttribute("href");
        assertThat(admin.switchTo().activeElement().getAttribute("href")).isEqualTo(second);
        new Actions(admin).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(admin, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().equals(second));
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations?view=all");
        // scrolling to the end loads the next 25 in place (the marker is revealed); then the end is announced
        ((org.openqa.selenium.JavascriptExecutor) admin).executeScript("document.getElementById('load-more').scrollIntoView()");
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(".cards .card")).size() == 27);
        assertThat(text(admin, By.id("all-loaded"))).isEqualTo("All conversations loaded.");
        assertThat(admin.getCurrentUrl()).doesNotContain("page=");
        // a live refresh keeps all 27 on screen rather than falling back to the first 25
        fixtures.conversation(fixtures.customer(inbox, "K-late"), "one more");
        waitFor(admin, Duration.ofSeconds(3), d -> d.findElements(By.cssSelector(".cards .card")).size() == 28);
    }

    @Test
    void customAttributesAndAvailabilityAreSetFromTheScreen() {
        var inbox = fixtures.inbox(team, team.agentUser());
        team.admin().post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Order number", "attribute_key", "order_no",
                "attribute_display_type", "text", "attribute_model", "conversation_attribute")).expect(200);
        long id = fixtures.conversation(fixtures.customer(inbox, "Attr Ada"), "hi");
        WebDriver admin = browser();
        admin.get(base + "/app/accounts/" + team.accountId() + "/conversations/" + id);
        type(admin, By.id("attribute-value"), "A-1001");
        click(admin, By.id("set-attribute"));
        waitFor(admin, Duration.ofSeconds(5), d -> d.findElement(By.cssSelector(".attributes")).getText().contains("A-1001"));
        assertThat(team.admin().get(team.path("/conversations/" + id)).json().get("custom_attributes").get("order_no").asString()).isEqualTo("A-1001");

        new Select(admin.findElement(By.id("availability-select"))).selectByValue("busy");
        click(admin, By.id("set-availability"));
        waitFor(admin, Duration.ofSeconds(5), d ->
                new Select(d.findElement(By.id("availability-select"))).getFirstSelectedOption().getAttribute("value").equals("busy"));
        assertThat(team.admin().get("/api/v1/profile").json().get("accounts").get(0).get("availability").asString()).isEqualTo("busy");
    }

    @Test
    void rulesAreClonedDeletedAndAttributeChangedRoundTrips() {
        WebDriver admin = browser();
        admin.get(base + "/app/accounts/" + team.accountId() + "/automation/new");
        type(admin, By.id("rule-name"), "On resolve");
        new Select(admin.findElement(By.id("rule-event"))).selectByValue("conversation_updated");
        new Select(admin.findElement(By.id("condition-attribute-0"))).selectByValue("status");
        new Select(admin.findElement(By.id("condition-operator-0"))).selectByValue("attribute_changed");
        new WebDriverWait(admin, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("condition-value-0")).getTagName().equals("input"));
        type(admin, By.id("condition-value-0"), "open, pending -> resolved");
        new Select(admin.findElement(By.id("action-name-0"))).selectByValue("add_label");
        new WebDriverWait(admin, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("action-value-0")).getTagName().equals("input"));
        type(admin, By.id("action-value-0"), "was-resolved");
        click(admin, By.id("save-rule"));
        new WebDriverWait(admin, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("saved"));
        long ruleId = Long.parseLong(admin.getCurrentUrl().replaceAll(".*/automation/(\\d+).*", "$1"));
        assertThat(admin.findElement(By.id("condition-value-0")).getAttribute("value")).isEqualTo("open, pending -> resolved");
        JsonNode values = team.admin().get(team.path("/automation_rules/" + ruleId)).json().get("payload").get("conditions").get(0).get("values");
        assertThat(values.get("from").toString()).isEqualTo("[\"open\",\"pending\"]");
        assertThat(values.get("to").toString()).isEqualTo("[\"resolved\"]");

        admin.get(base + "/app/accounts/" + team.accountId() + "/automation");
        click(admin, By.cssSelector("#rule-" + ruleId + " button[aria-label='Clone On resolve']"));
        new WebDriverWait(admin, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("table.rules tbody tr")).size() == 2);
        click(admin, By.cssSelector("#rule-" + ruleId + " button[aria-label='Delete On resolve']"));
        confirmInPage(admin);
        new WebDriverWait(admin, Duration.ofSeconds(5)).until(d -> d.findElements(By.id("rule-" + ruleId)).isEmpty());
        assertThat(team.admin().get(team.path("/automation_rules")).json().get("payload").size()).isEqualTo(1);
    }

    private WebDriver browser() {
        return signedIn(team.adminUser().email());
    }
}
