package dev.parley.benchmarks;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search API at one million messages (not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=SearchBenchmark}). One account holds 50,000 contacts, 100,000 conversations in two inboxes
 * and 1,000,000 messages of eight words from a 200-word vocabulary plus a code shared by ten messages, written with
 * generate_series in SQL. Each search is timed through HTTP, as an agent member of one inbox and as an administrator:
 * 20 warm-up requests, then 100 timed. The plans PostgreSQL chose are printed (EXPLAIN ANALYZE).
 */
class SearchBenchmark extends IntegrationTest {

    private static final int CONTACTS = 50_000;
    private static final int CONVERSATIONS = 100_000;
    private static final int MESSAGES = 1_000_000;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchAtOneMillionMessages() {
        Team team = fixtures.account();
        Inbox mine = fixtures.inbox(team, team.agentUser());
        Inbox other = fixtures.inbox(team);
        long started = System.nanoTime();
        load(team.accountId(), mine.id(), other.id());
        System.out.printf("BENCH search: loaded %,d messages in %.0f s%n", MESSAGES, (System.nanoTime() - started) / 1e9);

        long displayId = 1_000 + CONVERSATIONS / 2 + 1;
        measure(team, "conversation by display id", "/search/conversations", "#" + displayId);
        measure(team, "conversation by contact name", "/search/conversations", "Customer 31337");
        measure(team, "contact by part of an email", "/search/contacts", "domain123.exa");
        measure(team, "contact by part of a phone number", "/search/contacts", "0031337");
        measure(team, "message by a rare word (10 messages)", "/search/messages", "code4242");
        measure(team, "message by a common word (1 in 25 messages)", "/search/messages", "refund");
        measure(team, "message by two words", "/search/messages", "refund parcel");
        measure(team, "message by a word prefix", "/search/messages", "warran");
        measure(team, "message by a word in no message", "/search/messages", "xylophone");
        measure(team, "everything (/search)", "/search", "code4242");
        explain(team.accountId(), mine.id());
    }

    private void load(long accountId, long inbox, long otherInbox) {
        jdbc.sql("""
                INSERT INTO contacts (account_id, name, email, phone_number, last_activity_at)
                SELECT ?, 'Customer ' || n, 'customer' || n || '@domain' || (n % 500) || '.example', '+1555' || lpad(n::text, 7, '0'),
                       now() - n * interval '1 minute'
                FROM generate_series(1, ?) n""").params(accountId, CONTACTS).update();
        jdbc.sql("""
                INSERT INTO conversations (account_id, inbox_id, contact_id, display_id, uuid, status, created_at, last_activity_at)
                SELECT ?, CASE WHEN n % 2 = 0 THEN ? ELSE ? END, ct.id, 1000 + n, gen_random_uuid(), 'open',
                       now() - (? - n) * interval '1 minute', now()
                FROM generate_series(1, ?) n
                JOIN contacts ct ON ct.account_id = ? AND ct.name = 'Customer ' || (1 + (n - 1) % ?)""")
                .params(accountId, inbox, otherInbox, CONVERSATIONS, CONVERSATIONS, accountId, CONTACTS).update();
        jdbc.sql("UPDATE accounts SET last_display_id = ? WHERE id = ?").params(1000 + CONVERSATIONS, accountId).update();
        // built after the rows, as a restore would: 1M inserts into a GIN index one by one take much longer
        jdbc.sql("DROP INDEX messages_content_fts").update();
        jdbc.sql("""
                WITH words AS (SELECT array_agg(w) AS w FROM (
                    SELECT unnest(ARRAY['order','refund','parcel','invoice','delivery','account','password','shipping','payment','broken',
                        'warranty','hello','thanks','please','help','cancel','subscription','login','error','missing']) AS w
                    UNION ALL SELECT 'word' || g FROM generate_series(1, 180) g) v)
                INSERT INTO messages (account_id, inbox_id, conversation_id, message_type, content, sender_type, sender_id, created_at)
                SELECT ?, c.inbox_id, c.id, CASE WHEN m % 2 = 0 THEN 0 ELSE 1 END,
                       (SELECT string_agg(words.w[1 + ((m::bigint * 7919 + k * 104729 + k * k) % 200)::int], ' ') FROM generate_series(1, 8) k)
                           || ' code' || (m % 100000),
                       CASE WHEN m % 2 = 0 THEN 'Contact' END, CASE WHEN m % 2 = 0 THEN c.contact_id END,
                       c.created_at + (m / ?) * interval '1 second'
                FROM words, generate_series(0, ? - 1) m
                JOIN conversations c ON c.account_id = ? AND c.display_id = 1001 + (m % ?)""")
                .params(accountId, CONVERSATIONS, MESSAGES, accountId, CONVERSATIONS).update();
        jdbc.sql("CREATE INDEX messages_content_fts ON messages USING gin (to_tsvector('simple', coalesce(content, '')))").update();
        jdbc.sql("ANALYZE contacts").update();
        jdbc.sql("ANALYZE conversations").update();
        jdbc.sql("ANALYZE messages").update();
    }

    private void measure(Team team, String what, String path, String q) {
        String url = team.path(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        for (Api caller : List.of(team.agent(), team.admin())) {
            for (int i = 0; i < 20; i++) caller.get(url).expect(200);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                caller.get(url).expect(200);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            int found = caller.get(url).json().get("payload").properties().stream().mapToInt(e -> e.getValue().size()).sum();
            System.out.printf("BENCH search %-45s %-13s results %2d: median %6.1f ms, p95 %6.1f ms, max %6.1f ms%n", what,
                    caller == team.agent() ? "(agent)" : "(admin)", found, millis.get(50), millis.get(95), millis.get(99));
        }
    }

    /** The plans of the searches as an agent (member of one inbox), the way SearchRepository asks. */
    private void explain(long accountId, long inbox) {
        long newest = jdbc.sql("SELECT max(id) FROM messages").query(Long.class).single();
        print("messages, common word (step 1: the newest 5,000)", """
                EXPLAIN (ANALYZE, BUFFERS) SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE m.account_id = ? AND m.message_type <> 2 AND m.inbox_id = ANY(?) AND m.id > ?
                  AND to_tsvector('simple', coalesce(m.content, '')) @@ ?::tsquery ORDER BY m.id DESC LIMIT 15 OFFSET 0""",
                accountId, new Long[] {inbox}, newest - 5_000, "'refund':*");
        print("messages, rare word (step 2: the full-text index)", """
                EXPLAIN (ANALYZE, BUFFERS) SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE m.account_id = ? AND m.message_type <> 2 AND m.inbox_id = ANY(?)
                  AND to_tsvector('simple', coalesce(m.content, '')) @@ ?::tsquery ORDER BY m.id + 0 DESC LIMIT 15 OFFSET 0""",
                accountId, new Long[] {inbox}, "'code4242':*");
        print("contacts, part of an email", """
                EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM contacts WHERE account_id = ? AND (?::text IS NULL OR search_text LIKE lower(?) ESCAPE '\\')
                ORDER BY last_activity_at DESC NULLS LAST, id DESC LIMIT 15 OFFSET 0""", accountId, "x", "%domain123.exa%");
        print("conversations, display id", """
                EXPLAIN (ANALYZE, BUFFERS) SELECT c.id FROM conversations c WHERE c.account_id = ? AND c.inbox_id = ANY(?) AND c.id IN (
                  SELECT cv.id FROM contacts ct JOIN conversations cv ON cv.contact_id = ct.id WHERE ct.account_id = ? AND ct.search_text LIKE lower(?) ESCAPE '\\'
                  UNION SELECT id FROM conversations WHERE account_id = ? AND display_id::text LIKE ?)
                ORDER BY c.display_id::text = ? DESC, c.created_at DESC, c.id DESC LIMIT 15 OFFSET 0""",
                accountId, new Long[] {inbox}, accountId, "%51002%", accountId, "51002%", "51002");
    }

    private void print(String what, String sql, Object... params) {
        System.out.println("BENCH plan: " + what);
        jdbc.sql(sql).params(params).query(String.class).list().forEach(line -> System.out.println("BENCH plan   " + line));
    }
}
