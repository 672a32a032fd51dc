package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** The header's search box used with the keyboard, and merging two contacts on the contacts screen. */
class SearchAndContactsBrowserTests extends BrowserTest {

    @Test
    void anAgentFindsAConversationByAWordFromTheHeaderAndOpensItWithTheKeyboard() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        long displayId = fixtures.conversation(fixtures.customer(inbox, "Gina Glass"), "the blender arrived cracked " + word);
        fixtures.conversation(fixtures.customer(inbox, "Other Person"), "nothing to see");

        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/agents");
        type(agent, By.tagName("body"), "/");
        assertThat(agent.switchTo().activeElement().getAttribute("id")).as("/ jumps to the search box").isEqualTo("search-input");
        agent.switchTo().activeElement().sendKeys(word);
        waitFor(agent, WITHIN_A_SECOND, d -> d.findElement(By.id("search-suggestions")).getText().contains("Gina Glass in #" + displayId));
        assertThat(text(agent, By.id("search-suggestions"))).containsIgnoringCase("Messages").doesNotContain("Other Person");

        type(agent, By.id("search-input"), Keys.ARROW_DOWN);
        assertThat(agent.switchTo().activeElement().getAttribute("href")).endsWith("/conversations/" + displayId);
        agent.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(agent, Duration.ofSeconds(5), d -> d.getCurrentUrl().endsWith("/conversations/" + displayId));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.tagName("main")).getText().contains(word));

        type(agent, By.id("search-input"), "Gina", Keys.ENTER);
        waitFor(agent, Duration.ofSeconds(5), d -> d.getCurrentUrl().contains("/search?q=Gina"));
        assertThat(text(agent, By.id("results-contacts"))).contains("Gina Glass");
        assertThat(text(agent, By.id("results-conversations"))).contains("#" + displayId);
    }

    @Test
    void anAgentMergesADuplicateContactOnTheContactsScreen() {
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        Customer bea = fixtures.customer(inbox, "Bea Base");
        Customer duplicate = fixtures.customer(inbox, "Bea Duplicate");
        long kept = fixtures.conversation(bea, "first question");
        long moved = fixtures.conversation(duplicate, "second question");

        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(accountPages() + "/contacts");
        type(agent, By.id("contacts-q"), "Bea Base", Keys.ENTER);
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("contacts-count")).getText().equals("1 contact"));
        click(agent, By.linkText("Bea Base"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.tagName("h1")).getText().equals("Bea Base"));

        type(agent, By.id("merge-q"), "Duplicate", Keys.ENTER);
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("merge-candidates")).getText().contains("Bea Duplicate"));
        click(agent, By.id("merge-choose-" + duplicate.contactId()));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("merge-confirm")).getText().contains("1 conversation(s) move to Bea Base"));
        click(agent, By.id("merge-submit"));

        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("contact-notice")).getText()
                .equals("Bea Duplicate was merged into Bea Base."));
        assertThat(text(agent, By.id("contact-conversations"))).contains("#" + kept, "#" + moved);
        team.admin().get(team.path("/contacts/" + duplicate.contactId())).expect(404);

        type(agent, By.id("contact-phone"), "+15550102030");
        click(agent, By.id("save-contact"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("contact-notice")).getText().equals("Saved."));
        assertThat(team.admin().get(team.path("/contacts/" + bea.contactId())).expect(200).json().get("payload").get("phone_number").asString())
                .isEqualTo("+15550102030");
    }

    private String accountPages() {
        return base + "/app/accounts/" + team.accountId();
    }
}
