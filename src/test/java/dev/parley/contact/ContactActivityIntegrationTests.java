package dev.parley.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.TimedIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A customer's messages keep the contact's {@code last_activity_at} within 10 s of their last message, writing the
 * contact at most once per 10 s: a burst of messages updates it once.
 */
class ContactActivityIntegrationTests extends TimedIntegrationTest {

    @Test
    void lastActivityFollowsTheMessagesWithinTenSeconds() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team);
        Customer customer = fixtures.customer(inbox, "Sam");
        Api pub = anonymous();
        long conversation = pub.post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong();
        String messages = customer.conversationsPath() + "/" + conversation + "/messages";

        pub.post(messages, Map.of("content", "first")).expect(200);
        Instant first = lastActivity(customer);
        assertThat(first).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        advance(Duration.ofSeconds(9));
        pub.post(messages, Map.of("content", "a second one, 9 s later")).expect(200);
        assertThat(lastActivity(customer)).as("within 10 s: not written again").isEqualTo(first);

        advance(Duration.ofSeconds(2));
        pub.post(messages, Map.of("content", "11 s after the first")).expect(200);
        assertThat(lastActivity(customer)).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    private Instant lastActivity(Customer customer) {
        return jdbc.sql("SELECT last_activity_at FROM contacts WHERE id = ?").param(customer.contactId())
                .query(java.sql.Timestamp.class).single().toInstant();
    }
}
