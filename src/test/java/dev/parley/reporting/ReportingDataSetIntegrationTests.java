package dev.parley.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.parley.account.AccountManagement;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.NewConversation;
import dev.parley.inbox.InboxManagement;
import dev.parley.inbox.InboxSettings;
import dev.parley.shared.Actor;
import dev.parley.support.Api;
import dev.parley.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A generated, seeded data set (5 agents, 3 inboxes, 2,000 conversations with replies and resolutions
 * at known times, driven through the real commands with a controlled clock); every summary and
 * time-series figure the API gives must equal the figure computed here independently.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"parley.data-dir=",
        "parley.assignment.sweep-initial-delay=PT1H", "parley.snooze.check-interval=PT1H"})
@Import(ReportingDataSetIntegrationTests.ControlledClock.class)
class ReportingDataSetIntegrationTests {

    static final int CONVERSATIONS = 2_000;
    static final Instant BASE = Instant.parse("2026-01-05T00:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(BASE);
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    AccountManagement accounts;
    @Autowired
    InboxManagement inboxes;
    @Autowired
    ContactManagement contacts;
    @Autowired
    ConversationManagement conversations;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    /** What the test knows happened: the facts a report must add up. */
    record Expected(long agent, long inbox, Instant created, Double firstResponse, List<Double> replyTimes, Instant resolvedAt,
                    int incoming, int outgoing) {
    }

    @Test
    void everyFigureMatchesTheIndependentComputation() {
        var account = accounts.createAccount("Reports Inc", null, null, null);
        var admin = accounts.createUser("Rita Report", null, "rita." + account.id() + "@reports.test", "secret123");
        accounts.addAccountUser(account.id(), admin.id(), "administrator");
        List<Long> agents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var user = accounts.createUser("Agent " + i, null, "agent" + i + "." + account.id() + "@reports.test", null);
            accounts.addAccountUser(account.id(), user.id(), "agent");
            agents.add(user.id());
        }
        List<Long> inboxIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var inbox = inboxes.createApiInbox(account.id(), "api", new InboxSettings("Inbox " + i, null, null, false, null, null, null, null, null), Actor.system());
            inboxes.addMembers(account.id(), inbox.id(), agents, Actor.system());
            inboxIds.add(inbox.id());
        }

        Random random = new Random(7);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            long agent = agents.get(random.nextInt(agents.size()));
            long inbox = inboxIds.get(random.nextInt(inboxIds.size()));
            Instant created = BASE.plusSeconds(random.nextInt(10 * 24 * 3600));
            clock.set(created);
            ContactView contact = contacts.create(account.id(), new ContactInput("Customer " + i, null, null, null, null, null, null), Actor.system());
            long contactInbox = contacts.contactInboxFor(account.id(), contact.id(), inbox).id();
            ConversationView c = conversations.create(new NewConversation(account.id(), inbox, contact.id(), contactInbox, null, agent, null,
                    null, null), Actor.contact(contact.id(), contact.name()));
            Actor customer = Actor.contact(contact.id(), contact.name());
            Actor agentActor = Actor.user(agent, "Agent");
            conversations.postMessage(account.id(), c.displayId(), MessageInput.incoming("hello " + i), customer);
            int incoming = 1;
            int outgoing = 0;
            Double firstResponse = null;
            List<Double> replies = new ArrayList<>();
            Instant t = created;
            if (random.nextInt(10) < 8) {
                int wait = 30 + random.nextInt(3600);
                t = t.plusSeconds(wait);
                clock.set(t);
                conversations.postMessage(account.id(), c.displayId(), MessageInput.outgoing("hi"), agentActor);
                outgoing++;
                firstResponse = (double) wait;
                if (random.nextInt(10) < 4) {
                    t = t.plusSeconds(60 + random.nextInt(600));
                    clock.set(t);
                    conversations.postMessage(account.id(), c.displayId(), MessageInput.incoming("one more thing"), customer);
                    incoming++;
                    int replyWait = 10 + random.nextInt(1800);
                    t = t.plusSeconds(replyWait);
                    clock.set(t);
                    conversations.postMessage(account.id(), c.displayId(), MessageInput.outgoing("done"), agentActor);
                    outgoing++;
                    replies.add((double) replyWait);
                }
            }
            Instant resolvedAt = null;
            if (random.nextInt(10) < 7) {
                t = t.plusSeconds(60 + random.nextInt(7200));
                clock.set(t);
                conversations.changeStatus(account.id(), c.displayId(), ConversationStatus.RESOLVED, null, agentActor, false);
                resolvedAt = t;
            }
            expected.add(new Expected(agent, inbox, created, firstResponse, replies, resolvedAt, incoming, outgoing));
        }
        long facts = expected.stream().mapToLong(e -> 1 + (e.firstResponse() == null ? 0 : 1) + e.replyTimes().size()
                + (e.resolvedAt() == null ? 0 : 1) + e.incoming() + e.outgoing()).sum();
        await().atMost(Duration.ofMinutes(2)).until(() ->
                jdbc.sql("SELECT count(*) FROM reporting_events WHERE account_id = ?").param(account.id()).query(Long.class).single() == facts);

        Api api = new Api(port, admin.accessToken());
        String base = "/api/v2/accounts/" + account.id();
        long since = BASE.getEpochSecond();
        long until = BASE.plus(Duration.ofDays(12)).getEpochSecond();
        String range = "&since=" + since + "&until=" + until;

        assertSummary(api.get(base + "/reports/summary?type=account" + range).expect(200).json(), expected);
        for (long agent : agents) {
            JsonNode s = api.get(base + "/reports/summary?type=agent&id=" + agent + range).expect(200).json();
            List<Expected> mine = expected.stream().filter(e -> e.agent() == agent).toList();
            assertThat(s.get("conversations_count").asLong()).isEqualTo(mine.size());
            assertThat(s.get("resolutions_count").asLong()).isEqualTo(mine.stream().filter(e -> e.resolvedAt() != null).count());
            assertThat(s.get("avg_first_response_time").asDouble()).isCloseTo(avg(mine.stream().map(Expected::firstResponse).toList()), within(0.01));
            assertThat(s.get("avg_resolution_time").asDouble()).isCloseTo(avgResolution(mine), within(0.01));
            assertThat(s.get("reply_time").asDouble()).isCloseTo(avg(mine.stream().flatMap(e -> e.replyTimes().stream()).toList()), within(0.01));
        }
        for (long inbox : inboxIds) {
            assertSummary(api.get(base + "/reports/summary?type=inbox&id=" + inbox + range).expect(200).json(),
                    expected.stream().filter(e -> e.inbox() == inbox).toList());
        }
        JsonNode agentRows = api.get(base + "/summary_reports/agent" + range.replaceFirst("&", "?")).expect(200).json();
        agentRows.forEach(row -> {
            long id = row.get("id").asLong();
            if (agents.contains(id)) {
                assertThat(row.get("resolved_conversations_count").asLong())
                        .isEqualTo(expected.stream().filter(e -> e.agent() == id && e.resolvedAt() != null).count());
            }
        });

        // time series per day in UTC+5:30: resolutions and conversations per local day
        double offset = 5.5;
        JsonNode resolutions = api.get(base + "/reports?metric=resolutions_count&group_by=day&timezone_offset=" + offset + range).expect(200).json();
        JsonNode created = api.get(base + "/reports?metric=conversations_count&group_by=day&timezone_offset=" + offset + range).expect(200).json();
        Map<Long, Long> expectedResolutions = new HashMap<>();
        Map<Long, Long> expectedCreated = new HashMap<>();
        for (Expected e : expected) {
            expectedCreated.merge(localDay(e.created(), offset), 1L, Long::sum);
            if (e.resolvedAt() != null) expectedResolutions.merge(localDay(e.resolvedAt(), offset), 1L, Long::sum);
        }
        assertSeries(resolutions, expectedResolutions);
        assertSeries(created, expectedCreated);
        long total = 0;
        for (JsonNode point : resolutions) total += point.get("value").asLong();
        assertThat(total).isEqualTo(expected.stream().filter(e -> e.resolvedAt() != null).count());
        JsonNode weeklyFirstResponse = api.get(base + "/reports?metric=avg_first_response_time&group_by=week" + range).expect(200).json();
        assertThat(weeklyFirstResponse.size()).isGreaterThanOrEqualTo(2);
        String csv = api.get(base + "/reports/agents" + range.replaceFirst("&", "?")).expect(200).body();
        assertThat(csv.lines().count()).isEqualTo(1 + 6);
    }

    private static void assertSummary(JsonNode s, List<Expected> expected) {
        assertThat(s.get("conversations_count").asLong()).isEqualTo(expected.size());
        assertThat(s.get("incoming_messages_count").asLong()).isEqualTo(expected.stream().mapToLong(Expected::incoming).sum());
        assertThat(s.get("outgoing_messages_count").asLong()).isEqualTo(expected.stream().mapToLong(Expected::outgoing).sum());
        assertThat(s.get("resolutions_count").asLong()).isEqualTo(expected.stream().filter(e -> e.resolvedAt() != null).count());
        assertThat(s.get("avg_first_response_time").asDouble()).isCloseTo(avg(expected.stream().map(Expected::firstResponse).toList()), within(0.01));
        assertThat(s.get("avg_resolution_time").asDouble()).isCloseTo(avgResolution(expected), within(0.01));
        assertThat(s.get("reply_time").asDouble()).isCloseTo(avg(expected.stream().flatMap(e -> e.replyTimes().stream()).toList()), within(0.01));
        assertThat(s.get("previous").get("conversations_count").asLong()).isZero();
    }

    private static void assertSeries(JsonNode series, Map<Long, Long> expected) {
        Map<Long, Long> actual = new HashMap<>();
        series.forEach(p -> {
            if (p.get("value").asLong() > 0) actual.put(p.get("timestamp").asLong(), p.get("value").asLong());
        });
        assertThat(actual).isEqualTo(expected);
    }

    /** The UTC second at which the local day (at the offset) containing the instant starts. */
    private static long localDay(Instant instant, double offsetHours) {
        long offset = Math.round(offsetHours * 3600);
        long local = instant.getEpochSecond() + offset;
        return Math.floorDiv(local, 86400) * 86400 - offset;
    }

    private static double avg(List<Double> values) {
        var present = values.stream().filter(v -> v != null).toList();
        return present.isEmpty() ? 0 : present.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double avgResolution(List<Expected> expected) {
        return avg(expected.stream().filter(e -> e.resolvedAt() != null)
                .map(e -> (double) Duration.between(e.created(), e.resolvedAt()).getSeconds()).toList());
    }
}
