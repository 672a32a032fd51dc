package dev.parley.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the routing tests: a fresh account with two agents, Alan (the fixture's agent) and Bea, and the reads the
 * tests make of a conversation (its assignee, its thread). {@code assignedWithin} is how long a test waits for an
 * expected assignment.
 */
abstract class RoutingTest extends IntegrationTest {

    static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private final Duration assignedWithin;
    protected Team team;
    protected User alan;
    protected User bea;
    protected Api beaApi;

    RoutingTest(Duration assignedWithin) {
        this.assignedWithin = assignedWithin;
    }

    @BeforeEach
    void world() {
        team = fixtures.account();
        alan = team.agentUser();
        bea = fixtures.user("Bea Backup", team.accountId(), "agent");
        beaApi = team.agent().as(bea.token());
    }

    /** The customer writes {@code first}; the conversation goes to Alan (who must be online) and he resolves it. Returns its display id. */
    protected long resolvedByAlan(Customer customer, String first) {
        long id = fixtures.conversation(customer, first);
        awaitAssignee(id, alan.id());
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        return id;
    }

    protected void awaitAssignee(long displayId, long userId) {
        await().atMost(assignedWithin).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> assertThat(assignee(displayId)).isEqualTo(userId));
    }

    /** The conversation's assignee's id, null when it has none. */
    protected Long assignee(long displayId) {
        JsonNode assignee = team.admin().get(team.path("/conversations/" + displayId)).expect(200).json().get("meta").get("assignee");
        return assignee == null || assignee.isNull() ? null : assignee.get("id").asLong();
    }

    /** The contents of the conversation's messages, activity lines included, oldest first. */
    protected List<String> thread(long displayId) {
        List<String> lines = new ArrayList<>();
        team.admin().get(team.path("/conversations/" + displayId + "/messages")).json().get("payload").forEach(m -> lines.add(m.get("content").asString()));
        return lines;
    }

    /** Long enough for any (wrong) assignment to have happened. */
    protected static void pause() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
