package dev.parley.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation Parley covers, called on the running server, answers in the shape Chatwoot's published
 * OpenAPI document gives it (kept, with its source commit, in {@code src/test/resources/chatwoot-contract/}).
 * Known disagreements between the document and Chatwoot's own views, and Parley's deliberate differences,
 * are listed there under {@code differences} with their reasons.
 */
class ChatwootContractTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyCoveredOperationAnswersWithEveryDocumentedKeyAndType() throws Exception {
        JsonNode contract = readContract();
        Set<String> skippedKeys = new HashSet<>();
        Set<String> skippedOperations = new HashSet<>();
        for (JsonNode difference : contract.get("differences")) {
            if (difference.has("key")) skippedKeys.add(difference.get("key").asString());
            if (difference.has("operation")) skippedOperations.add(difference.get("operation").asString());
            assertThat(difference.path("reason").asString("")).as("every difference says why: " + difference).isNotBlank();
        }
        DocumentedShape shape = new DocumentedShape(contract.get("schemas"), skippedKeys);
        Map<String, Supplier<Api.Response>> calls = new World().calls();

        List<String> violations = new ArrayList<>();
        for (JsonNode operation : contract.get("operations")) {
            String name = operation.get("method").asString() + " " + operation.get("path").asString();
            if (skippedOperations.contains(name)) continue;
            Supplier<Api.Response> call = calls.get(name);
            assertThat(call).as("a call for the covered operation " + name).isNotNull();
            Api.Response response = call.get();
            if (response.status() / 100 != 2) {
                violations.add(name + ": status " + response.status() + " " + response.body());
                continue;
            }
            JsonNode body = response.json();
            List<String> found = operation.has("array_of")
                    ? shape.violationsOfEach(body, operation.get("array_of").asString())
                    : shape.violations(body, operation.get("schema").asString());
            found.forEach(v -> violations.add(name + " " + v));
        }
        assertThat(violations).as("answers that differ from Chatwoot's published document").isEmpty();
        assertThat(checkedKeys(calls)).as("nested resources were there to be checked").isTrue();
    }

    /** The world is rich enough that nested shapes (a contact's inboxes, a conversation's messages) were really checked. */
    private static boolean checkedKeys(Map<String, Supplier<Api.Response>> calls) {
        JsonNode contact = calls.get("GET /api/v1/accounts/{account_id}/contacts/{id}").get().json().get("payload");
        JsonNode conversations = calls.get("GET /api/v1/accounts/{account_id}/conversations").get().json().get("data").get("payload");
        return contact.get("contact_inboxes").size() > 0 && contact.get("contact_inboxes").get(0).get("inbox").hasNonNull("name")
                && conversations.size() > 0 && conversations.get(0).get("messages").size() > 0;
    }

    private static JsonNode readContract() throws Exception {
        try (InputStream in = ChatwootContractTests.class.getResourceAsStream("/chatwoot-contract/application.json")) {
            return JSON.readTree(in);
        }
    }

    /** One account with every kind of resource the covered operations answer with, and a call per operation. */
    private final class World {
        private final Team team = fixtures.account();
        private final Api admin = team.admin();
        private final Inbox inbox = fixtures.inbox(team, team.adminUser(), team.agentUser());
        private final Customer customer = fixtures.customer(inbox, "Carla Contract");
        private final long conversation = fixtures.conversation(customer, "Is this documented?");
        // an SLA applied, so the conversation renders applied_sla (Chatwoot leaves it out without one)
        private final long slaPolicy = admin.post(team.path("/sla_policies"), Map.of("name", "Contract SLA", "first_response_time_threshold", 3600))
                .expect(200).json().get("payload").get("id").asLong();
        private final int slaApplied = admin.patch(team.path("/conversations/" + conversation), Map.of("sla_policy_id", slaPolicy)).expect(200).status();
        private final long attribute = admin.post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Plan",
                "attribute_key", "plan", "attribute_display_type", 0, "attribute_model", 0)).expect(200).json().get("id").asLong();
        private final long rule = admin.post(team.path("/automation_rules"), Map.of("name", "Label bugs", "event_name", "message_created",
                "conditions", List.of(Map.of("attribute_key", "content", "filter_operator", "contains", "values", List.of("bug"), "query_operator", "and")),
                "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("bug"))))).expect(200).json()
                .get("id").asLong(); // Chatwoot's create view renders the rule itself, not the document's payload wrapper
        private final long teamId = admin.post(team.path("/teams"), Map.of("name", "Contract team")).expect(200).json().get("id").asLong();

        World() {
            admin.post(team.path("/teams/" + teamId + "/team_members"), Map.of("user_ids", List.of(team.agentUser().id()))).expect(200);
            admin.post(team.path("/conversations/" + conversation + "/messages"), Map.of("content", "It is.")).expect(200);
        }

        Map<String, Supplier<Api.Response>> calls() {
            String a = "/api/v1/accounts/{account_id}";
            String v2 = "/api/v2/accounts/" + team.accountId();
            String pub = "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts/" + customer.sourceId();
            String c = team.path("/conversations/" + conversation);
            long contact = customer.contactId();
            Map<String, Supplier<Api.Response>> calls = new LinkedHashMap<>();
            calls.put("GET " + a + "/agents", () -> admin.get(team.path("/agents")));
            calls.put("GET " + a + "/canned_responses", () -> admin.get(team.path("/canned_responses")));
            calls.put("POST " + a + "/canned_responses", () -> admin.post(team.path("/canned_responses"), Map.of("short_code", "hi", "content", "Hello!")));
            calls.put("GET " + a + "/custom_attribute_definitions", () -> admin.get(team.path("/custom_attribute_definitions?attribute_model=0")));
            calls.put("GET " + a + "/custom_attribute_definitions/{id}", () -> admin.get(team.path("/custom_attribute_definitions/" + attribute)));
            calls.put("GET " + a + "/contacts", () -> admin.get(team.path("/contacts")));
            calls.put("GET " + a + "/contacts/{id}", () -> admin.get(team.path("/contacts/" + contact)));
            calls.put("GET " + a + "/contacts/search", () -> admin.get(team.path("/contacts/search?q=carla")));
            calls.put("POST " + a + "/contacts/filter", () -> admin.post(team.path("/contacts/filter"), Map.of("payload",
                    List.of(Map.of("attribute_key", "name", "filter_operator", "contains", "values", List.of("Carla"))))));
            calls.put("GET " + a + "/contacts/{id}/conversations", () -> admin.get(team.path("/contacts/" + contact + "/conversations")));
            calls.put("GET " + a + "/contacts/{id}/labels", () -> admin.get(team.path("/contacts/" + contact + "/labels")));
            calls.put("POST " + a + "/contacts/{id}/labels", () -> admin.post(team.path("/contacts/" + contact + "/labels"), Map.of("labels", List.of("vip"))));
            calls.put("GET " + a + "/automation_rules", () -> admin.get(team.path("/automation_rules")));
            calls.put("GET " + a + "/automation_rules/{id}", () -> admin.get(team.path("/automation_rules/" + rule)));
            calls.put("GET " + a + "/conversations/meta", () -> admin.get(team.path("/conversations/meta")));
            calls.put("GET " + a + "/conversations", () -> admin.get(team.path("/conversations?status=all")));
            calls.put("POST " + a + "/conversations", () -> admin.post(team.path("/conversations"), Map.of("source_id", customer.sourceId(),
                    "inbox_id", inbox.id(), "message", Map.of("content", "Started by an agent"))));
            calls.put("POST " + a + "/conversations/filter", () -> admin.post(team.path("/conversations/filter"), Map.of("payload",
                    List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open"))))));
            calls.put("GET " + a + "/conversations/{conversation_id}", () -> admin.get(c));
            calls.put("POST " + a + "/conversations/{conversation_id}/toggle_status", () -> admin.post(c + "/toggle_status", Map.of("status", "pending")));
            calls.put("POST " + a + "/conversations/{conversation_id}/custom_attributes",
                    () -> admin.post(c + "/custom_attributes", Map.of("custom_attributes", Map.of("plan", "gold"))));
            calls.put("POST " + a + "/conversations/{conversation_id}/assignments",
                    () -> admin.post(c + "/assignments", Map.of("assignee_id", team.agentUser().id())));
            calls.put("GET " + a + "/conversations/{conversation_id}/labels", () -> admin.get(c + "/labels"));
            calls.put("POST " + a + "/conversations/{conversation_id}/labels", () -> admin.post(c + "/labels", Map.of("labels", List.of("billing"))));
            calls.put("GET " + a + "/inboxes", () -> admin.get(team.path("/inboxes")));
            calls.put("GET " + a + "/inboxes/{id}/", () -> admin.get(team.path("/inboxes/" + inbox.id() + "/")));
            calls.put("POST " + a + "/inboxes/", () -> admin.post(team.path("/inboxes/"), Map.of("name", "Second", "channel", Map.of("type", "api"))));
            calls.put("PATCH " + a + "/inboxes/{id}", () -> admin.patch(team.path("/inboxes/" + inbox.id()), Map.of("name", "Website (renamed)")));
            calls.put("GET " + a + "/inbox_members/{inbox_id}", () -> admin.get(team.path("/inbox_members/" + inbox.id())));
            calls.put("POST " + a + "/inbox_members", () -> admin.post(team.path("/inbox_members"),
                    Map.of("inbox_id", inbox.id(), "user_ids", List.of(team.agentUser().id()))));
            calls.put("GET " + a + "/conversations/{conversation_id}/messages", () -> admin.get(c + "/messages"));
            calls.put("POST " + a + "/conversations/{conversation_id}/messages", () -> admin.post(c + "/messages", Map.of("content", "Another reply")));
            calls.put("GET /api/v1/profile", () -> admin.get("/api/v1/profile"));
            calls.put("GET " + a + "/teams", () -> admin.get(team.path("/teams")));
            calls.put("POST " + a + "/teams", () -> admin.post(team.path("/teams"), Map.of("name", "Second team")));
            calls.put("GET " + a + "/teams/{team_id}", () -> admin.get(team.path("/teams/" + teamId)));
            calls.put("GET " + a + "/teams/{team_id}/team_members", () -> admin.get(team.path("/teams/" + teamId + "/team_members")));
            calls.put("GET " + a + "/custom_filters", () -> admin.get(team.path("/custom_filters")));
            calls.put("POST " + a + "/custom_filters", () -> admin.post(team.path("/custom_filters"), Map.of("name", "Open", "type", "conversation",
                    "query", Map.of("payload", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open")))))));
            calls.put("GET " + a + "/webhooks", () -> admin.get(team.path("/webhooks")));
            calls.put("POST " + a + "/webhooks", () -> admin.post(team.path("/webhooks"), Map.of("url", "https://example.com/hook",
                    "subscriptions", List.of("message_created"))));
            long now = System.currentTimeMillis() / 1000;
            String range = "&since=" + (now - 86_400) + "&until=" + (now + 60);
            calls.put("GET /api/v2/accounts/{account_id}/reports", () -> admin.get(v2 + "/reports?metric=conversations_count&type=account" + range));
            calls.put("GET /api/v2/accounts/{account_id}/reports/summary", () -> admin.get(v2 + "/reports/summary?type=account" + range));
            calls.put("GET /api/v2/accounts/{account_id}/reports/conversations", () -> admin.get(v2 + "/reports/conversations?type=account"));
            calls.put("GET /api/v2/accounts/{account_id}/reports/conversations/", () -> admin.get(v2 + "/reports/conversations/?type=agent"));
            calls.put("POST /platform/api/v1/accounts", () -> platform().post("/platform/api/v1/accounts", Map.of("name", "Contract Co")));
            String publicBase = "/public/api/v1/inboxes/{inbox_identifier}/contacts";
            calls.put("POST " + publicBase, () -> anonymous().post("/public/api/v1/inboxes/" + inbox.identifier() + "/contacts",
                    Map.of("name", "Pat Public")));
            calls.put("GET " + publicBase + "/{contact_identifier}", () -> anonymous().get(pub));
            calls.put("POST " + publicBase + "/{contact_identifier}/conversations", () -> anonymous().post(pub + "/conversations", Map.of()));
            calls.put("GET " + publicBase + "/{contact_identifier}/conversations", () -> anonymous().get(pub + "/conversations"));
            calls.put("POST " + publicBase + "/{contact_identifier}/conversations/{conversation_id}/messages",
                    () -> anonymous().post(pub + "/conversations/" + conversation + "/messages", Map.of("content", "Thanks")));
            calls.put("GET " + publicBase + "/{contact_identifier}/conversations/{conversation_id}/messages",
                    () -> anonymous().get(pub + "/conversations/" + conversation + "/messages"));
            return calls;
        }
    }
}
