package dev.parley.support;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of tests of timers (delayed rules, scheduled messages): the real stack as {@link IntegrationTest}, in a
 * context of its own whose clock moves only when the test says ({@link #clock}), and whose timer poller looks
 * every 100 ms. All subclasses share this one context; each test makes its own account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.data-dir=",
        "parley.platform-token=" + IntegrationTest.PLATFORM_TOKEN,
        "parley.timers.poll-interval=PT0.1S",
        "parley.timers.initial-delay=PT0.1S",
        "parley.rate-limits.sign-in.per-ip=1000000",
        "parley.rate-limits.public-api.per-ip=1000000",
        "parley.rate-limits.public-api.per-contact=1000000"})
@Import(StillTime.class)
public abstract class TimedIntegrationTest extends IntegrationTest {

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected void advance(Duration duration) {
        clock.advance(duration);
    }

    /** How many of the conversation's timers of the kind are in the state (armed, fired, skipped, cancelled). */
    protected long timers(long conversationId, String state) {
        return jdbc.sql("SELECT count(*) FROM timers WHERE conversation_id = ? AND state = ?").params(conversationId, state)
                .query(Long.class).single();
    }

    /** The internal id of a conversation, from its display id. */
    protected long conversationId(long accountId, long displayId) {
        return jdbc.sql("SELECT id FROM conversations WHERE account_id = ? AND display_id = ?").params(accountId, displayId)
                .query(Long.class).single();
    }
}
