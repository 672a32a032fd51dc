package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What {@link ApiFuzzIntegrationTests} found, pinned down one by one: a refused profile change keeps
 * the password; an email or source id taken by a concurrent request is a 422, not a unique-key 500;
 * names that live in unique indexes have a maximum length on update as on create; a rule with a null
 * condition or action is refused.
 */
class FuzzFindingsIntegrationTests extends IntegrationTest {

    private static final String LONG = "a".repeat(256);

    @Test
    void aProfileChangeRefusedForItsNameKeepsTheOldPassword() {
        var team = fixtures.account();
        var refused = team.admin().put("/api/v1/profile", Map.of("profile", Map.of("name", " ", "current_password", "secret123",
                "password", "changed456", "password_confirmation", "changed456")));
        assertThat(refused.status()).isEqualTo(422);

        team.admin().put("/api/v1/profile", Map.of("profile", Map.of("current_password", "secret123", "password", "again789",
                "password_confirmation", "again789"))).expect(200);
    }

    @Test
    void usersCreatedAtOnceWithOneEmailGetOneUserAndRefusalsNotErrors() {
        String email = "race." + System.nanoTime() + "@parley.test";
        List<Integer> statuses = atOnce(i -> platform().post("/platform/api/v1/users",
                Map.of("name", "Racer " + i, "email", email, "password", "secret123")).status());

        assertThat(statuses).containsOnly(200, 422);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void publicContactsCreatedAtOnceWithOneSourceIdGetOneAndRefusalsNotErrors() {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team);
        String sourceId = "race-" + System.nanoTime();
        List<Integer> statuses = atOnce(i -> anonymous().post("/public/api/v1/inboxes/" + inbox.identifier() + "/contacts",
                Map.of("source_id", sourceId, "name", "Racer " + i)).status());

        assertThat(statuses).containsOnly(200, 422);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void teamNamesAndCannedShortCodesAreLimitedOnUpdateAsOnCreate() {
        var team = fixtures.account();
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Billing")).expect(200).json().get("id").asLong();
        long canned = team.admin().post(team.path("/canned_responses"), Map.of("short_code", "hi", "content", "Hello"))
                .expect(200).json().get("id").asLong();

        assertThat(team.admin().patch(team.path("/teams/" + teamId), Map.of("name", LONG)).status()).isEqualTo(422);
        assertThat(team.admin().post(team.path("/canned_responses"), Map.of("short_code", LONG, "content", "x")).status()).isEqualTo(422);
        assertThat(team.admin().patch(team.path("/canned_responses/" + canned), Map.of("short_code", LONG)).status()).isEqualTo(422);
        assertThat(team.admin().get(team.path("/teams/" + teamId)).json().get("name").asString()).isEqualTo("billing");
    }

    @Test
    void aRuleWithANullConditionOrActionIsRefused() {
        var team = fixtures.account();
        var conditions = new java.util.ArrayList<Object>();
        conditions.add(null);
        var nullCondition = new java.util.HashMap<String, Object>(Map.of("name", "Broken", "event_name", "conversation_created",
                "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("x")))));
        nullCondition.put("conditions", conditions);
        var nullAction = new java.util.HashMap<String, Object>(Map.of("name", "Broken", "event_name", "conversation_created", "conditions", List.of()));
        nullAction.put("actions", conditions);

        assertThat(team.admin().post(team.path("/automation_rules"), nullCondition).status()).isEqualTo(422);
        assertThat(team.admin().post(team.path("/automation_rules"), nullAction).status()).isEqualTo(422);
        assertThat(team.admin().get(team.path("/automation_rules")).json().get("payload").size()).isZero();
    }

    @Test
    void aWebhookSubscriptionListHoldingNullIsRefusedAndChangesNothing() {
        var team = fixtures.account();
        long hook = team.admin().post(team.path("/webhooks"), Map.of("url", "https://example.com/hook", "subscriptions", List.of("message_created")))
                .expect(200).json().get("payload").get("webhook").get("id").asLong();
        var withNull = new java.util.ArrayList<String>();
        withNull.add(null);

        assertThat(team.admin().put(team.path("/webhooks/" + hook), Map.of("subscriptions", withNull)).status()).isEqualTo(422);
        assertThat(team.admin().post(team.path("/webhooks"), Map.of("url", "https://example.com/other", "subscriptions", withNull)).status())
                .isEqualTo(422);
        assertThat(team.admin().get(team.path("/webhooks")).json().get("payload").get("webhooks").get(0).get("subscriptions").get(0).asString())
                .isEqualTo("message_created");
    }

    private static List<Integer> atOnce(IntFunction<Integer> request) {
        return IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> request.apply(i))).toList()
                .stream().map(CompletableFuture::join).toList();
    }
}
