package dev.parley.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the first-run tests: a server whose installation is fresh (never onboarded, no account) before each test,
 * and a clock that moves only when told (links expire when the test says). It always has its own embedded PostgreSQL,
 * also when the suite runs against the machine's, whose database every other context fills with accounts; before each
 * test every account and user is deleted, which only this context may do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=embedded",
        "parley.data-dir=",
        "parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN,
        "parley.rate-limits.sign-in.per-ip=1000000",
        "parley.rate-limits.public-api.per-ip=1000000",
        "parley.rate-limits.public-api.per-contact=1000000"})
@Import(StillTime.class)
public abstract class FreshInstallationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected Fixtures fixtures;

    @BeforeEach
    void freshInstallation() {
        jdbc.sql("DELETE FROM installation_onboarding").update();
        jdbc.sql("DELETE FROM accounts").update();
        jdbc.sql("DELETE FROM users").update();
        fixtures = new Fixtures(port);
    }

    protected Api platform() {
        return new Api(port, IntegrationTest.PLATFORM_TOKEN);
    }

    protected Api anonymous() {
        return new Api(port, null);
    }
}
