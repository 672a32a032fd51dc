package dev.parley.benchmarks;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one page of Chatwoot's conversation list costs (not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=ApiListBenchmark}): 300 open conversations, each with a reply, assigned and in a
 * team; 300 timed requests for a page of 25 after 50 warm-up requests.
 */
class ApiListBenchmark extends IntegrationTest {

    @Test
    void conversationListPage() {
        Team team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Support")).expect(200).json().get("id").asLong();
        for (int i = 0; i < 300; i++) {
            long id = fixtures.conversation(fixtures.customer(inbox, "Api " + i), "message " + i);
            team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("team_id", teamId)).expect(200);
            team.agent().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "reply " + i)).expect(200);
        }
        Api agent = team.agent();
        String page = team.path("/conversations?assignee_type=all&status=open&page=1");
        for (int i = 0; i < 50; i++) agent.get(page).expect(200);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long start = System.nanoTime();
            agent.get(page).expect(200);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("BENCH API conversation list, 25 per page: median %.1f ms, p99 %.1f ms%n", millis.get(150), millis.get(297));
    }
}
