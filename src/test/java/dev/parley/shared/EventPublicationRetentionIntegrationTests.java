package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Completed event publications past the retention are deleted; recent and unfinished ones are kept. */
class EventPublicationRetentionIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventPublicationRetention retention;

    private UUID publication(String completedAgo, String publishedAgo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)
                VALUES (?, 'dev.parley.test.Retention.on(x)', 'x', '{}', now() - ?::interval,
                        CASE WHEN ?::text IS NULL THEN NULL ELSE now() - ?::interval END)""")
                .params(id, publishedAgo, completedAgo, completedAgo).update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = ?").param(id).query(Long.class).single() == 1;
    }

    @Test
    void deletesOnlyCompletedPublicationsPastTheRetention() {
        UUID old = publication("8 days", "8 days");
        UUID recent = publication("1 day", "1 day");
        UUID unfinished = publication(null, "30 days");
        retention.run();
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(unfinished)).isTrue();
        jdbc.sql("DELETE FROM event_publication WHERE id IN (?, ?)").params(recent, unfinished).update();
    }
}
