package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.Parley;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import dev.parley.support.RateLimitedIntegrationTest;
import dev.parley.support.SignInForm;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What an anonymous client of the public API creates is limited per contact (3 a minute here) and per client
 * address (10): the next creation is a 429 with Retry-After in Chatwoot's error shape and creates nothing. Limits
 * live in the database, so a second node on it enforces the same buckets.
 */
class PublicApiRateLimitIntegrationTests extends RateLimitedIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void creationsArePerContactThenPerAddress() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team);
        Customer first = fixtures.customer(inbox, "Fay");                                     // address: 1
        for (int i = 0; i < 3; i++) assertThat(createConversation(port, first).statusCode()).isEqualTo(200); // 4
        HttpResponse<String> refused = createConversation(port, first);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.body()).isEqualTo("{\"error\":\"Too many requests; try again in 60 seconds\"}");
        assertThat(team.admin().get(team.path("/conversations/meta")).expect(200).json().get("meta").get("all_count").asInt()).isEqualTo(3);

        Customer second = fixtures.customer(inbox, "Gus");                                    // 5
        assertThat(createConversation(port, second).statusCode()).isEqualTo(200);            // 6
        for (int i = 0; i < 4; i++) fixtures.customer(inbox, "More " + i);                   // 10
        assertThat(postJson(port, "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts", "{\"name\":\"Too many\"}").statusCode())
                .isEqualTo(429);
        // reading is not limited, and the window brings creations back
        assertThat(team.admin().get(team.path("/contacts")).expect(200).json().get("meta").get("count").asInt()).isEqualTo(6);
        clock.advance(Duration.ofMinutes(1));
        assertThat(createConversation(port, first).statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondNodeOnTheSameDatabaseEnforcesTheSameLimits() {
        Team team = fixtures.account();
        Customer customer = fixtures.customer(fixtures.inbox(team), "Hal");
        for (int i = 0; i < 3; i++) createConversation(port, customer);
        SignInForm nodeOne = new SignInForm(port);
        for (int i = 0; i < 5; i++) assertThat(SignInForm.wrongPassword(nodeOne.signIn(team.agentUser().email(), "guess"))).isTrue();
        try (ConfigurableApplicationContext nodeTwo = secondNode()) {
            int portTwo = Integer.parseInt(nodeTwo.getEnvironment().getProperty("local.server.port"));
            assertThat(createConversation(portTwo, customer).statusCode()).isEqualTo(429);
            assertThat(new SignInForm(portTwo).signIn(team.agentUser().email(), "secret123").statusCode()).isEqualTo(429);
            assertThat(SignInForm.signedIn(new SignInForm(portTwo).signIn(team.adminUser().email(), "secret123"))).isTrue();
        }
    }

    private HttpResponse<String> createConversation(int toPort, Customer customer) {
        return postJson(toPort, customer.conversationsPath(), "{}");
    }

    /** A second Parley on this test's database, with the same limits and the same (still) clock. */
    private ConfigurableApplicationContext secondNode() {
        HikariDataSource db;
        try {
            db = dataSource.unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        SpringApplication node = new SpringApplication(Parley.class);
        node.addInitializers(context -> ((GenericApplicationContext) context).registerBean("movableClock", Clock.class,
                () -> clock, definition -> definition.setPrimary(true)));
        return node.run("--server.port=0", "--spring.datasource.url=" + db.getJdbcUrl(), "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--spring.modulith.events.republish-outstanding-events-on-restart=false", "--parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN,
                "--spring.jmx.enabled=false", "--parley.rate-limits.sign-in.per-email=5", "--parley.rate-limits.sign-in.per-ip=20",
                "--parley.rate-limits.public-api.per-contact=3", "--parley.rate-limits.public-api.per-ip=10");
    }
}
