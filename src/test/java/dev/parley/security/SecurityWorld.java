package dev.parley.security;

import dev.parley.support.Fixtures;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.Awaitility;

/**
 * One account with one of everything the API names (inbox, contact, conversation, message, team, label,
 * attribute, policy, rule, webhook, canned response, folder, notification), every name carrying the
 * account's marker so a body that leaks it to another account is easy to spot.
 */
record SecurityWorld(Team team, User spare, Customer customer, String marker, Map<String, Object> ids) {

    static SecurityWorld build(Fixtures fixtures, String marker) {
        return build(fixtures, marker, 0);
    }

    /**
     * @param earlierConversations conversations opened before the world's own, so its display id is
     *                             higher than another world's (display ids count per account)
     */
    static SecurityWorld build(Fixtures fixtures, String marker, int earlierConversations) {
        Team team = fixtures.account();
        User spare = fixtures.user("Spare " + marker, team.accountId(), "agent");
        Inbox inbox = fixtures.inbox(team, team.agentUser(), spare, team.adminUser());
        Customer customer = fixtures.customer(inbox, "Carla " + marker);
        for (int i = 0; i < earlierConversations; i++) fixtures.conversation(customer, "Earlier " + marker);
        long conversation = fixtures.conversation(customer, "Hello from " + marker);
        var admin = team.admin();
        long message = admin.post(team.path("/conversations/" + conversation + "/messages"), Map.of("content", "Reply " + marker))
                .expect(200).json().get("id").asLong();
        long teamId = id(admin.post(team.path("/teams"), Map.of("name", "Team " + marker)));
        long label = id(admin.post(team.path("/labels"), Map.of("title", "label-" + marker.toLowerCase())));
        long attribute = id(admin.post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Attr " + marker,
                "attribute_key", "attr_" + marker.toLowerCase().replace('-', '_'), "attribute_display_type", "text", "attribute_model", "conversation_attribute")));
        long policy = id(admin.post(team.path("/assignment_policies"), Map.of("name", "Policy " + marker)));
        admin.post(team.path("/inboxes/" + inbox.id() + "/assignment_policy"), Map.of("assignment_policy_id", policy)).expect(200);
        long rule = id(admin.post(team.path("/automation_rules"), Map.of("name", "Rule " + marker, "event_name", "conversation_created",
                "conditions", List.of(), "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("tagged"))))));
        long webhook = admin.post(team.path("/webhooks"), Map.of("url", "http://127.0.0.1:9/" + marker, "subscriptions", List.of("conversation_created")))
                .expect(200).json().get("payload").get("webhook").get("id").asLong();
        long canned = id(admin.post(team.path("/canned_responses"), Map.of("short_code", "sc-" + marker.toLowerCase(), "content", "Canned " + marker)));
        long folder = id(admin.post(team.path("/custom_filters"), Map.of("name", "Folder " + marker, "query", Map.of("payload",
                List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open")))))));
        var ids = new HashMap<String, Object>();
        ids.put("account", team.accountId());
        ids.put("admin", team.adminUser().id());
        ids.put("agent", spare.id());
        ids.put("inbox", inbox.id());
        ids.put("inboxIdentifier", inbox.identifier());
        ids.put("sourceId", customer.sourceId());
        ids.put("contact", customer.contactId());
        ids.put("conversation", conversation);
        ids.put("message", message);
        ids.put("team", teamId);
        ids.put("label", label);
        ids.put("attribute", attribute);
        ids.put("policy", policy);
        ids.put("rule", rule);
        ids.put("webhook", webhook);
        ids.put("canned", canned);
        ids.put("folder", folder);
        ids.put("notification", notificationForAdmin(team, conversation));
        return new SecurityWorld(team, spare, customer, marker, Map.copyOf(ids));
    }

    /** The same world with some ids replaced (another account's resources named from this one). */
    SecurityWorld withIds(Map<String, Object> replaced) {
        var merged = new HashMap<>(ids);
        merged.putAll(replaced);
        return new SecurityWorld(team, spare, customer, marker, Map.copyOf(merged));
    }

    /** Strings only this account's data contains: the marker, its people's emails and tokens, its inbox's HMAC secret. */
    List<String> secrets() {
        String hmac = team.admin().get(team.path("/inboxes/" + id("inbox"))).expect(200).json().get("hmac_token").asString();
        return List.of(marker, team.adminUser().email(), team.agentUser().email(), spare.email(), team.adminUser().token(),
                team.agentUser().token(), spare.token(), hmac);
    }

    long id(String key) {
        return ((Number) ids.get(key)).longValue();
    }

    String string(String key) {
        return String.valueOf(ids.get(key));
    }

    private static long id(dev.parley.support.Api.Response response) {
        return response.expect(200).json().get("id").asLong();
    }

    /** The agent assigns the conversation to the administrator, whose notification about it arrives. */
    private static long notificationForAdmin(Team team, long conversation) {
        team.agent().post(team.path("/conversations/" + conversation + "/assignments"), Map.of("assignee_id", team.adminUser().id())).expect(200);
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            var payload = team.admin().get(team.path("/notifications")).expect(200).json().get("data").get("payload");
            return payload.isEmpty() ? null : payload.get(0).get("id").asLong();
        }, Objects::nonNull);
    }
}
