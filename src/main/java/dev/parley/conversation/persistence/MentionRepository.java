package dev.parley.conversation.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agents mentioned in private notes; the list's "Mentions" view reads them. */
@Repository
public class MentionRepository {

    private final JdbcClient jdbc;

    public MentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long accountId, long conversationId, long messageId, Collection<Long> userIds, Instant at) {
        for (long userId : userIds) {
            jdbc.sql("""
                            INSERT INTO mentions (account_id, conversation_id, message_id, user_id, mentioned_at) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (message_id, user_id) DO NOTHING""")
                    .params(accountId, conversationId, messageId, userId, Timestamp.from(at)).update();
        }
    }
}
