package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The profile screen: display name, password change (refused with the reason when wrong), access token reset. */
class ProfileBrowserTests extends BrowserTest {

    @Test
    void anAgentRenamesHerselfChangesHerPasswordAndResetsHerToken() {
        WebDriver agent = signedIn(team.agentUser().email());
        agent.get(base + "/app/accounts/" + team.accountId() + "/profile");
        type(agent, By.id("profile-display-name"), "Al");
        click(agent, By.id("save-profile"));
        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.id("profile-saved")).isEmpty());
        assertThat(team.agent().get("/api/v1/profile").expect(200).json().get("display_name").asString()).isEqualTo("Al");

        type(agent, By.id("current-password"), "not-my-password");
        type(agent, By.id("new-password"), "brand-new-1");
        type(agent, By.id("confirm-password"), "brand-new-1");
        click(agent, By.id("change-password"));
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("password-error")).getText().contains("Current password is not correct"));
        type(agent, By.id("current-password"), "secret123");
        type(agent, By.id("new-password"), "brand-new-1");
        type(agent, By.id("confirm-password"), "brand-new-1");
        click(agent, By.id("change-password"));
        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.id("password-saved")).isEmpty());
        WebDriver again = unsigned(1280, 900);
        Browsers.signIn(again, base, team.agentUser().email(), "brand-new-1");

        String oldToken = agent.findElement(By.id("access-token")).getAttribute("value");
        assertThat(oldToken).isEqualTo(team.agentUser().token());
        click(agent, By.id("reset-token"));
        confirmInPage(agent);
        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.id("token-reset")).isEmpty());
        String newToken = agent.findElement(By.id("access-token")).getAttribute("value");
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(new Api(port, oldToken).get("/api/v1/profile").status()).isEqualTo(401);
        assertThat(new Api(port, newToken).get("/api/v1/profile").expect(200).json().get("email").asString()).isEqualTo(team.agentUser().email());
    }
}
