package dev.parley.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of tests through the real stack: the server on a random port, PostgreSQL underneath (embedded,
 * or the one named by SPRING_DATASOURCE_URL). All subclasses share one application context; each test
 * makes its own account, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.data-dir=",
        "parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN,
        "parley.snooze.check-interval=PT0.5S",
        "parley.webhooks.allow-private=true",
        "parley.webhooks.poll-interval=PT0.2S",
        "parley.webhooks.retry-base=PT1S",
        "parley.webhooks.retry-max=PT4S",
        // every test calls from 127.0.0.1 into this one shared context: per-address limits would add up across
        // classes; the limits themselves are tested in their own context (RateLimitIntegrationTests)
        "parley.rate-limits.sign-in.per-ip=1000000",
        "parley.rate-limits.public-api.per-ip=1000000",
        "parley.rate-limits.public-api.per-contact=1000000",
        "parley.rate-limits.widget.per-ip=1000000",
        "parley.rate-limits.widget.per-visitor=1000000",
        "parley.rate-limits.widget.new-visitors-per-ip=1000000"})
@Import(RecordedEvents.class)
public abstract class IntegrationTest {

    public static final String PLATFORM_TOKEN = "test-platform-token";

    @LocalServerPort
    protected int port;

    @Autowired
    protected RecordedEvents events;

    protected Fixtures fixtures;

    @BeforeEach
    void setUpFixtures() {
        fixtures = new Fixtures(port);
    }

    protected Api platform() {
        return new Api(port, PLATFORM_TOKEN);
    }

    protected Api anonymous() {
        return new Api(port, null);
    }
}
