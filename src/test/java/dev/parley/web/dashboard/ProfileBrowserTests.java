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
        agent.findElement(By.id("profile-display-name")).sendKeys("Al");
        agent.findElement(By.id("save-profile")).click();
        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.id("profile-saved")).isEmpty());
        assertThat(team.agent().get("/api/v1/profile").expect(200).json().get("display_name").asString()).isEqualTo("Al");

        agent.findElement(By.id("current-password")).sendKeys("not-my-password");
        agent.findElement(By.id("new-password")).sendKeys("brand-new-1");
        agent.findElement(By.id("confirm-password")).sendKeys("brand-new-1");
        agent.findElement(By.id("change-password")).click();
        waitFor(agent, Duration.ofSeconds(5), d -> d.findElement(By.id("password-error")).getText().contains("Current password is not correct"));
        agent.findElement(By.id("current-password")).sendKeys("secret123");
        agent.findElement(By.id("new-password")).sendKeys("brand-new-1");
        agent.findElement(By.id("confirm-password")).sendKeys("brand-new-1");
        agent.findElement(By.id("change-password")).click();
        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.id("password-saved")).isEmpty());
        WebDriver again = unsigned(1280, 900);
        Browsers.signIn(again, base, team.agentUser().email(), "brand-new-1");

        String oldToken = agent.findElement(By.id("access-token")).getAttribute("value");
        assertThat(oldToken).isEqualTo(team.agentUser().token());
        agent.findElement(By.id("reset-token")).click();
        confirmInPage(agent);
        waitFor(agent, Duration.ofSeconds(5), d -> !d.findElements(By.id("token-reset")).isEmpty());
        String newToken = agent.findElement(By.id("access-token")).getAttribute("value");
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(new Api(port, oldToken).get("/api/v1/profile").status()).isEqualTo(401);
        assertThat(new Api(port, newToken).get("/api/v1/profile").expect(200).json().get("email").asString()).isEqualTo(team.agentUser().email());
    }
}
