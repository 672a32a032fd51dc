package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.shared.RateLimits.Subject;
import dev.parley.support.IntegrationTest;
import dev.parley.support.MovableClock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rate limit component on the real database: all-or-nothing takes, giving back, shares reserved per node, and
 * sweeping refilled buckets.
 */
class RateLimitsIntegrationTests extends IntegrationTest {

    @Autowired
    RateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRefusedTakeCostsTheOtherSubjectsNothing() {
        RateLimit one = new RateLimit(name, 1, Duration.ofHours(1));
        limits.acquire(new Subject(one, "spent"));
        assertThatThrownBy(() -> limits.acquire(new Subject(one, "fresh"), new Subject(one, "spent")))
                .isInstanceOf(TooManyRequests.class).extracting(e -> ((TooManyRequests) e).retryAfterSeconds()).isEqualTo(3600L);
        limits.acquire(new Subject(one, "fresh")); // still had its attempt
        limits.acquire(new Subject(one, null), new Subject(one, "other")); // a missing subject is not counted
    }

    @Test
    void aGivenBackAttemptCanBeTakenAgain() {
        RateLimit one = new RateLimit(name, 1, Duration.ofHours(1));
        limits.acquire(new Subject(one, "x")).giveBack();
        limits.acquire(new Subject(one, "x"));
        assertThatThrownBy(() -> limits.acquire(new Subject(one, "x"))).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void aNodeReservesAShareAndTheLimitHoldsAcrossNodes() {
        MovableClock time = new MovableClock();
        RateLimits nodeOne = new RateLimits(dataSource, time);
        RateLimits nodeTwo = new RateLimits(dataSource, time);
        RateLimit ten = new RateLimit(name, 10, Duration.ofMinutes(1)).sharedPerNodeIn(3); // shares of 3
        nodeOne.acquire(new Subject(ten, "x")); // reserves 3: 7 left in the shared bucket
        for (int i = 0; i < 7; i++) nodeTwo.acquire(new Subject(ten, "x")); // 3 + 3 + the last 1
        assertThatThrownBy(() -> nodeTwo.acquire(new Subject(ten, "x"))).isInstanceOf(TooManyRequests.class)
                .extracting(e -> ((TooManyRequests) e).retryAfterSeconds()).isEqualTo(60L);
        nodeOne.acquire(new Subject(ten, "x")).giveBack(); // from its share, given back to it
        nodeOne.acquire(new Subject(ten, "x"));
        nodeOne.acquire(new Subject(ten, "x")); // its share is spent: 10 in all
        assertThatThrownBy(() -> nodeOne.acquire(new Subject(ten, "x"))).isInstanceOf(TooManyRequests.class);
        time.advance(Duration.ofMinutes(1)); // the bucket refills: 10 again, whichever node asks
        nodeTwo.acquire(new Subject(ten, "x"));
        for (int i = 0; i < 7; i++) nodeOne.acquire(new Subject(ten, "x"));
        for (int i = 0; i < 2; i++) nodeTwo.acquire(new Subject(ten, "x"));
        assertThatThrownBy(() -> nodeTwo.acquire(new Subject(ten, "x"))).isInstanceOf(TooManyRequests.class);
        assertThatThrownBy(() -> nodeOne.acquire(new Subject(ten, "x"))).isInstanceOf(TooManyRequests.class);

        time.advance(Duration.ofMinutes(1));
        nodeOne.acquire(new Subject(ten, "x")); // reserves 3, keeps 2
        time.advance(Duration.ofMinutes(1)); // a full bucket again, and node one's 2 lapse with the window
        for (int i = 0; i < 10; i++) nodeTwo.acquire(new Subject(ten, "x"));
        assertThatThrownBy(() -> nodeOne.acquire(new Subject(ten, "x"))).isInstanceOf(TooManyRequests.class);
    }

    @Test
    void refilledBucketsAreSweptAndHugeSubjectsStaySmall() {
        limits.acquire(new Subject(new RateLimit(name, 1, Duration.ofMillis(200)), "x".repeat(1_000_000)));
        assertThat(bucketIds()).singleElement().satisfies(id -> assertThat(id.length()).isLessThan(100));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            limits.sweep();
            return bucketIds().isEmpty();
        });
    }

    private java.util.List<String> bucketIds() {
        return jdbc.sql("SELECT id FROM rate_limit_buckets WHERE id LIKE ?").param(name + "/%").query(String.class).list();
    }
}
