package dev.parley.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Availability and auto_offline are stored per account user and announced only when they change. */
class AvailabilityIntegrationTests extends IntegrationTest {

    @Test
    void availabilityIsPerAccountAndPublishedOnlyOnChange() {
        var team = fixtures.account();
        long before = changesOf(team.agentUser().id());
        var body = Map.of("profile", Map.of("availability", "online", "account_id", team.accountId()));
        var profile = team.agent().post("/api/v1/profile/availability", body).expect(200).json();
        assertThat(profile.get("accounts").get(0).get("availability").asString()).isEqualTo("online");
        team.agent().post("/api/v1/profile/availability", body).expect(200);
        assertThat(changesOf(team.agentUser().id()) - before).isEqualTo(1);

        var agent = team.admin().get(team.path("/agents")).json();
        agent.forEach(a -> {
            if (a.get("id").asLong() == team.agentUser().id()) assertThat(a.get("availability_status").asString()).isEqualTo("online");
        });
        var event = events.ofType(AgentAvailabilityChanged.class).stream().filter(e -> e.userId() == team.agentUser().id()).findFirst().orElseThrow();
        assertThat(event.from()).isEqualTo(Availability.OFFLINE);
        assertThat(event.to()).isEqualTo(Availability.ONLINE);
        assertThat(event.causedBy().id()).isEqualTo(team.agentUser().id());
    }

    @Test
    void autoOfflineIsStored() {
        var team = fixtures.account();
        team.agent().post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", team.accountId())))
                .expect(200);
        var agents = team.admin().get(team.path("/agents")).json();
        agents.forEach(a -> {
            if (a.get("id").asLong() == team.agentUser().id()) assertThat(a.get("auto_offline").asBoolean()).isFalse();
        });
    }

    @Test
    void administratorsChangeAgentsButNeverRemoveTheLastAdministrator() {
        var team = fixtures.account();
        team.admin().patch(team.path("/agents/" + team.agentUser().id()), Map.of("availability", "busy")).expect(200);
        team.admin().patch(team.path("/agents/" + team.adminUser().id()), Map.of("role", "agent")).expect(422);
        team.admin().delete(team.path("/agents/" + team.adminUser().id())).expect(422);
        team.admin().delete(team.path("/agents/" + team.agentUser().id())).expect(200);
        team.agent().get(team.path("/agents")).expect(401);
    }

    private long changesOf(long userId) {
        return events.ofType(AgentAvailabilityChanged.class).stream().filter(e -> e.userId() == userId).count();
    }
}
