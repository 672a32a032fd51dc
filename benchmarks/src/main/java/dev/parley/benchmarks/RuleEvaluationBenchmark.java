package dev.parley.benchmarks;

import dev.parley.automation.domain.Condition;
import dev.parley.automation.domain.MessageFacts;
import dev.parley.automation.domain.RuleDefinition;
import dev.parley.automation.domain.RuleEvaluator;
import dev.parley.automation.domain.Snapshot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1,000 active rules of mixed conditions, evaluated for one event: Parley's way (in memory, one
 * snapshot shared by all rules) against Chatwoot's way (one SQL query per rule over conversation,
 * contact, messages and labels, in a PostgreSQL 17 holding 10,000 conversations and 50,000 messages).
 * One thread, so "per event" time is on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class RuleEvaluationBenchmark {

    static final int RULES = 1_000;
    static final String[] STATUSES = {"open", "resolved", "pending", "snoozed"};
    static final String[] PRIORITIES = {"low", "medium", "high", "urgent"};
    static final String[] LABELS = {"billing", "vip", "refund", "bug", "sales", "churn", "trial", "enterprise"};
    static final String[] WORDS = {"invoice", "refund", "crash", "password", "upgrade", "cancel", "hello", "urgent"};
    static final String[] DOMAINS = {"example.com", "acme.test", "gmail.com", "corp.io"};
    static final String[] PLANS = {"free", "pro", "enterprise"};
    static final String[] COUNTRIES = {"DE", "US", "FR", "IN"};

    List<List<Condition>> parsedRules;
    List<String> sqlRules;
    Snapshot snapshot;
    EmbeddedPostgres postgres;
    Connection connection;
    long conversationId;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Random random = new Random(42);
        List<List<Map<String, Object>>> raw = new ArrayList<>();
        for (int i = 0; i < RULES; i++) raw.add(randomRule(random));
        parsedRules = raw.stream().map(RuleDefinition::conditions).toList();
        sqlRules = raw.stream().map(RuleEvaluationBenchmark::chatwootSql).toList();
        snapshot = new Snapshot("open", "high", 7L, null, 2L, new LinkedHashSet<>(List.of("billing", "vip")),
                Map.of("browser_language", "en"), Map.of("plan", "pro"), "ann@acme.test", "+4915112345678",
                Map.of("country_code", "DE", "city", "Berlin"), Map.of(),
                List.of(new MessageFacts("incoming", "My invoice is wrong and I want a refund")), Map.of(),
                Map.of("plan", Map.of("conversation_attribute", "text")), LocalDate.now());
        postgres = EmbeddedPostgres.builder().start();
        connection = postgres.getPostgresDatabase().getConnection();
        seed(connection);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connection.close();
        postgres.close();
    }

    /** Parley: every rule evaluated in memory against the one snapshot of the event. */
    @Benchmark
    public int parleyInMemory() {
        int matched = 0;
        for (List<Condition> rule : parsedRules) if (RuleEvaluator.evaluate(rule, snapshot).matched()) matched++;
        return matched;
    }

    /** Chatwoot: one SQL query per rule, each joining conversation, contact, messages and labels. */
    @Benchmark
    public int chatwootSqlPerRule() throws Exception {
        int matched = 0;
        try (Statement statement = connection.createStatement()) {
            for (String where : sqlRules) {
                try (ResultSet rs = statement.executeQuery("""
                        SELECT 1 FROM conversations c LEFT JOIN contacts ct ON ct.id = c.contact_id
                        LEFT JOIN messages m ON m.conversation_id = c.id LEFT JOIN LATERAL unnest(c.labels) AS lbl(name) ON true
                        WHERE c.id = """ + conversationId + " AND (" + where + ") LIMIT 1")) {
                    if (rs.next()) matched++;
                }
            }
        }
        return matched;
    }

    static List<Map<String, Object>> randomRule(Random random) {
        int size = 1 + random.nextInt(4);
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> c = switch (random.nextInt(10)) {
                case 0 -> condition("status", "equal_to", List.of(pick(random, STATUSES)));
                case 1 -> condition("priority", "equal_to", List.of(pick(random, PRIORITIES)));
                case 2 -> condition("labels", "equal_to", List.of(pick(random, LABELS)));
                case 3 -> condition("email", "contains", List.of(pick(random, DOMAINS)));
                case 4 -> condition("content", "contains", List.of(pick(random, WORDS)));
                case 5 -> custom("plan", "equal_to", List.of(pick(random, PLANS)));
                case 6 -> condition("assignee_id", "is_present", List.of());
                case 7 -> condition("inbox_id", "equal_to", List.of(1 + random.nextInt(3)));
                case 8 -> condition("country_code", "equal_to", List.of(pick(random, COUNTRIES)));
                default -> condition("message_type", "equal_to", List.of("incoming"));
            };
            c.put("query_operator", i == size - 1 ? null : random.nextBoolean() ? "and" : "or");
            conditions.add(c);
        }
        return conditions;
    }

    /** The WHERE clause Chatwoot would build for the rule (values inlined, as its filter service does). */
    static String chatwootSql(List<Map<String, Object>> conditions) {
        StringBuilder where = new StringBuilder();
        for (Map<String, Object> c : conditions) {
            String value = String.valueOf(((List<?>) c.get("values")).isEmpty() ? "" : ((List<?>) c.get("values")).get(0));
            where.append(switch (String.valueOf(c.get("attribute_key"))) {
                case "status" -> "c.status IN ('" + value + "')";
                case "priority" -> "c.priority IN ('" + value + "')";
                case "labels" -> "lbl.name = '" + value + "'";
                case "email" -> "ct.email ILIKE ANY (ARRAY['%" + value + "%'])";
                case "content" -> "m.content ILIKE ANY (ARRAY['%" + value + "%'])";
                case "plan" -> "LOWER(c.custom_attributes ->> 'plan') = '" + value + "'";
                case "assignee_id" -> "c.assignee_id IS NOT NULL";
                case "inbox_id" -> "c.inbox_id IN (" + value + ")";
                case "country_code" -> "ct.additional_attributes ->> 'country_code' IN ('" + value + "')";
                default -> "m.message_type IN (0)";
            });
            Object q = c.get("query_operator");
            if (q != null) where.append(' ').append(q.toString().toUpperCase()).append(' ');
        }
        return where.toString();
    }

    void seed(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("""
                    CREATE TABLE contacts (id BIGSERIAL PRIMARY KEY, email TEXT, additional_attributes JSONB NOT NULL DEFAULT '{}');
                    CREATE TABLE conversations (id BIGSERIAL PRIMARY KEY, contact_id BIGINT, inbox_id BIGINT, status TEXT, priority TEXT,
                        assignee_id BIGINT, labels TEXT[] NOT NULL DEFAULT '{}', custom_attributes JSONB NOT NULL DEFAULT '{}');
                    CREATE TABLE messages (id BIGSERIAL PRIMARY KEY, conversation_id BIGINT, message_type SMALLINT, content TEXT);
                    CREATE INDEX messages_conversation_idx ON messages (conversation_id);
                    INSERT INTO contacts (email, additional_attributes)
                        SELECT 'user' || g || '@acme.test', '{"country_code": "DE"}' FROM generate_series(1, 10000) g;
                    INSERT INTO conversations (contact_id, inbox_id, status, priority, assignee_id, labels, custom_attributes)
                        SELECT g, 1 + g % 3, 'open', 'high', 7, ARRAY['billing', 'vip'], '{"plan": "pro"}' FROM generate_series(1, 10000) g;
                    INSERT INTO messages (conversation_id, message_type, content)
                        SELECT 1 + g % 10000, g % 2, 'My invoice is wrong and I want a refund ' || g FROM generate_series(1, 50000) g;
                    ANALYZE;
                    """);
        }
        conversationId = 5000;
    }

    static Map<String, Object> condition(String key, String operator, List<Object> values) {
        var c = new HashMap<String, Object>();
        c.put("attribute_key", key);
        c.put("filter_operator", operator);
        c.put("values", values);
        return c;
    }

    static Map<String, Object> custom(String key, String operator, List<Object> values) {
        var c = condition(key, operator, values);
        c.put("custom_attribute_type", "conversation_attribute");
        return c;
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
