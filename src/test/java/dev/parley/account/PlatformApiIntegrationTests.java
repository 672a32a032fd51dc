package dev.parley.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The platform API creates tenants and people; the tokens it hands out work, and only where they belong. */
class PlatformApiIntegrationTests extends IntegrationTest {

    @Test
    void createsAnAccountWithAnAdministratorAndAnAgentWhoseTokensWork() {
        JsonNode account = platform().post("/platform/api/v1/accounts", Map.of("name", "Globex")).expect(200).json();
        long accountId = account.get("id").asLong();
        assertThat(platform().get("/platform/api/v1/accounts/" + accountId).expect(200).json().get("name").asString()).isEqualTo("Globex");

        JsonNode admin = platform().post("/platform/api/v1/users",
                Map.of("name", "Grace", "email", "grace." + accountId + "@globex.test", "password", "secret123")).expect(200).json();
        JsonNode agent = platform().post("/platform/api/v1/users",
                Map.of("name", "Hank", "email", "hank." + accountId + "@globex.test", "password", "secret123")).expect(200).json();
        assertThat(admin.get("access_token").asString()).hasSizeGreaterThan(20);
        platform().post("/platform/api/v1/accounts/" + accountId + "/account_users",
                Map.of("user_id", admin.get("id").asLong(), "role", "administrator")).expect(200);
        platform().post("/platform/api/v1/accounts/" + accountId + "/account_users",
                Map.of("user_id", agent.get("id").asLong(), "role", "agent")).expect(200);
        assertThat(platform().get("/platform/api/v1/accounts/" + accountId + "/account_users").expect(200).json().size()).isEqualTo(2);

        Api adminApi = anonymous().as(admin.get("access_token").asString());
        Api agentApi = anonymous().as(agent.get("access_token").asString());
        JsonNode profile = adminApi.get("/api/v1/profile").expect(200).json();
        assertThat(profile.get("accounts").get(0).get("role").asString()).isEqualTo("administrator");
        assertThat(agentApi.get("/api/v1/accounts/" + accountId + "/agents").expect(200).json().size()).isEqualTo(2);
        adminApi.post("/api/v1/accounts/" + accountId + "/inboxes", Map.of("name", "Mail", "channel", Map.of("type", "api"))).expect(200);
        agentApi.post("/api/v1/accounts/" + accountId + "/inboxes", Map.of("name", "Mail", "channel", Map.of("type", "api"))).expect(401);
    }

    @Test
    void anAgentIsRefusedOnAnotherAccountWithoutLearningAnything() {
        var mine = fixtures.account();
        var theirs = fixtures.account();
        fixtures.inbox(theirs, theirs.agentUser());
        for (String path : new String[] {"/agents", "/inboxes", "/conversations", "/contacts", "/teams", "/labels"}) {
            var response = mine.agent().get(theirs.path(path));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).doesNotContain(theirs.adminUser().email()).doesNotContain("payload");
        }
        // an account that does not exist answers exactly like one that does
        assertThat(mine.agent().get("/api/v1/accounts/999999999/agents").body())
                .isEqualTo(mine.agent().get(theirs.path("/agents")).body());
    }

    @Test
    void platformApiRequiresThePlatformToken() {
        anonymous().post("/platform/api/v1/accounts", Map.of("name", "X")).expect(401);
        anonymous().as("wrong").post("/platform/api/v1/accounts", Map.of("name", "X")).expect(401);
        var team = fixtures.account();
        team.admin().post("/platform/api/v1/accounts", Map.of("name", "X")).expect(401);
    }

    @Test
    void platformApiRejectsBadInput() {
        assertThat(platform().post("/platform/api/v1/accounts", Map.of()).expect(422).json().get("attributes").get(0).asString())
                .isEqualTo("name");
        platform().post("/platform/api/v1/users", Map.of("name", "No Mail")).expect(422);
        platform().sendRaw("POST", "/platform/api/v1/users", "{oops").expect(400);
        var team = fixtures.account();
        platform().post("/platform/api/v1/users", Map.of("name", "Dup", "email", team.adminUser().email())).expect(422);
        platform().post("/platform/api/v1/accounts/" + team.accountId() + "/account_users", Map.of("user_id", 999999999, "role", "agent")).expect(422);
        platform().post("/platform/api/v1/accounts/" + team.accountId() + "/account_users",
                Map.of("user_id", team.agentUser().id(), "role", "owner")).expect(422);
        platform().get("/platform/api/v1/accounts/999999999").expect(404);
        platform().get("/platform/api/v1/users/999999999").expect(404);
    }

    @Test
    void platformUpdatesAndDeletesAccountsAndMemberships() {
        var team = fixtures.account();
        platform().patch("/platform/api/v1/accounts/" + team.accountId(), Map.of("name", "Renamed")).expect(200);
        assertThat(platform().get("/platform/api/v1/accounts/" + team.accountId()).json().get("name").asString()).isEqualTo("Renamed");
        platform().delete("/platform/api/v1/accounts/" + team.accountId() + "/account_users", Map.of("user_id", team.agentUser().id())).expect(200);
        team.agent().get(team.path("/agents")).expect(401);
        platform().delete("/platform/api/v1/accounts/" + team.accountId()).expect(200);
        team.admin().get(team.path("/agents")).expect(401);
    }

    @Test
    void bearerTokensWorkLikeTheHeader() {
        var team = fixtures.account();
        var response = new Api(port, null).sendRaw("GET", "/api/v1/profile", null);
        assertThat(response.status()).isEqualTo(401);
        var http = java.net.http.HttpClient.newHttpClient();
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/profile"))
                    .header("Authorization", "Bearer " + team.adminUser().token()).GET().build();
            assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
