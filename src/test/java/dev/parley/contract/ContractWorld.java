package dev.parley.contract;

import dev.parley.support.Api;
import dev.parley.support.Fixtures;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * One account with every kind of resource the covered operations answer with, and a call per documented
 * operation, keyed "METHOD path" as the documents spell it. Calls that delete make their own resource first,
 * so the calls can run in any order.
 */
final class ContractWorld {

    private static final String A = "/api/v1/accounts/{account_id}";
    private static final String PUBLIC = "/public/api/v1/inboxes/{inbox_identifier}/contacts";
    private static final String PLATFORM = "/platform/api/v1";

    private final Api platform;
    private final Api anonymous;
    private final Team team;
    private final Api admin;
    private final Inbox inbox;
    private final Customer customer;
    private final long conversation;
    private final long attribute;
    private final long rule;
    private final long teamId;
    private final long customFilter;
    private final long webhook;
    private final long cannedResponse;
    private final long agentReply;

    ContractWorld(Fixtures fixtures, Api platform, Api anonymous) {
        this.platform = platform;
        this.anonymous = anonymous;
        team = fixtures.account();
        admin = team.admin();
        inbox = fixtures.inbox(team, team.adminUser(), team.agentUser());
        customer = fixtures.customer(inbox, "Carla Contract");
        conversation = fixtures.conversation(customer, "Is this documented?");
        // an SLA applied, so the conversation renders applied_sla (Chatwoot leaves it out without one)
        long slaPolicy = id(admin.post(team.path("/sla_policies"), Map.of("name", "Contract SLA", "first_response_time_threshold", 3600))
                .expect(200).json().get("payload"));
        admin.patch(conversationPath(), Map.of("sla_policy_id", slaPolicy)).expect(200);
        attribute = id(admin.post(team.path("/custom_attribute_definitions"), attributeBody("plan")).expect(200).json());
        rule = id(admin.post(team.path("/automation_rules"), ruleBody("Label bugs")).expect(200).json());
        teamId = id(admin.post(team.path("/teams"), Map.of("name", "Contract team")).expect(200).json());
        admin.post(team.path("/teams/" + teamId + "/team_members"), Map.of("user_ids", List.of(team.agentUser().id()))).expect(200);
        customFilter = id(admin.post(team.path("/custom_filters"), filterBody("Open")).expect(200).json());
        webhook = id(admin.post(team.path("/webhooks"), webhookBody()).expect(200).json().get("payload").get("webhook"));
        cannedResponse = id(admin.post(team.path("/canned_responses"), Map.of("short_code", "bye", "content", "Goodbye!")).expect(200).json());
        agentReply = id(admin.post(conversationPath() + "/messages", Map.of("content", "It is.")).expect(200).json());
    }

    Map<String, Supplier<Api.Response>> calls() {
        Map<String, Supplier<Api.Response>> calls = new LinkedHashMap<>();
        agents(calls);
        cannedResponses(calls);
        customAttributes(calls);
        contacts(calls);
        automationRules(calls);
        conversations(calls);
        inboxes(calls);
        messages(calls);
        teams(calls);
        customFilters(calls);
        webhooks(calls);
        reports(calls);
        publicApi(calls);
        platformApi(calls);
        return calls;
    }

    /** Nested shapes (a contact's inboxes, a conversation's messages) were really there to be checked. */
    boolean nestedShapesWereChecked() {
        JsonNode contact = admin.get(team.path("/contacts/" + customer.contactId())).json().get("payload");
        JsonNode conversations = admin.get(team.path("/conversations?status=all")).json().get("data").get("payload");
        return contact.get("contact_inboxes").size() > 0 && contact.get("contact_inboxes").get(0).get("inbox").hasNonNull("name")
                && conversations.size() > 0 && conversations.get(0).get("messages").size() > 0;
    }

    private void agents(Map<String, Supplier<Api.Response>> calls) {
        calls.put("GET " + A + "/agents", () -> admin.get(team.path("/agents")));
        calls.put("POST " + A + "/agents", () -> admin.post(team.path("/agents"), agentBody()));
        calls.put("PATCH " + A + "/agents/{id}", () -> admin.patch(team.path("/agents/" + team.agentUser().id()),
                Map.of("role", "agent", "availability_status", "busy")));
        calls.put("DELETE " + A + "/agents/{id}", () -> {
            long agent = id(admin.post(team.path("/agents"), agentBody()).expect(200).json());
            return admin.delete(team.path("/agents/" + agent));
        });
    }

    private void cannedResponses(Map<String, Supplier<Api.Response>> calls) {
        calls.put("GET " + A + "/canned_responses", () -> admin.get(team.path("/canned_responses")));
        calls.put("POST " + A + "/canned_responses", () -> admin.post(team.path("/canned_responses"), Map.of("short_code", "hi", "content", "Hello!")));
        calls.put("PATCH " + A + "/canned_responses/{id}", () -> admin.patch(team.path("/canned_responses/" + cannedResponse),
                Map.of("content", "Goodbye, and thanks!")));
        calls.put("DELETE " + A + "/canned_responses/{id}", () -> {
            long canned = id(admin.post(team.path("/canned_responses"), Map.of("short_code", "tmp", "content", "Soon gone")).expect(200).json());
            return admin.delete(team.path("/canned_responses/" + canned));
        });
    }

    private void customAttributes(Map<String, Supplier<Api.Response>> calls) {
        calls.put("GET " + A + "/custom_attribute_definitions", () -> admin.get(team.path("/custom_attribute_definitions?attribute_model=0")));
        calls.put("POST " + A + "/custom_attribute_definitions", () -> admin.post(team.path("/custom_attribute_definitions"),
                attributeBody("tier_" + suffix())));
        calls.put("GET " + A + "/custom_attribute_definitions/{id}", () -> admin.get(team.path("/custom_attribute_definitions/" + attribute)));
        calls.put("PATCH " + A + "/custom_attribute_definitions/{id}", () -> admin.patch(team.path("/custom_attribute_definitions/" + attribute),
                Map.of("attribute_display_name", "Plan (renamed)")));
        calls.put("DELETE " + A + "/custom_attribute_definitions/{id}", () -> {
            long definition = id(admin.post(team.path("/custom_attribute_definitions"), attributeBody("gone_" + suffix())).expect(200).json());
            return admin.delete(team.path("/custom_attribute_definitions/" + definition));
        });
    }

    private void contacts(Map<String, Supplier<Api.Response>> calls) {
        long contact = customer.contactId();
        calls.put("GET " + A + "/contacts", () -> admin.get(team.path("/contacts")));
        calls.put("POST " + A + "/contacts", () -> admin.post(team.path("/contacts"), Map.of("inbox_id", inbox.id(), "name", "Nina New",
                "email", "nina." + suffix() + "@customer.test")));
        calls.put("GET " + A + "/contacts/{id}", () -> admin.get(team.path("/contacts/" + contact)));
        calls.put("PUT " + A + "/contacts/{id}", () -> admin.put(team.path("/contacts/" + contact), Map.of("phone_number", "+15550100")));
        calls.put("DELETE " + A + "/contacts/{id}", () -> {
            long doomed = id(admin.post(team.path("/contacts"), Map.of("name", "Dan Doomed")).expect(200).json().get("payload").get("contact"));
            return admin.delete(team.path("/contacts/" + doomed));
        });
        calls.put("GET " + A + "/contacts/search", () -> admin.get(team.path("/contacts/search?q=carla")));
        calls.put("POST " + A + "/contacts/filter", () -> admin.post(team.path("/contacts/filter"), Map.of("payload",
                List.of(Map.of("attribute_key", "name", "filter_operator", "contains", "values", List.of("Carla"))))));
        calls.put("GET " + A + "/contacts/{id}/conversations", () -> admin.get(team.path("/contacts/" + contact + "/conversations")));
        calls.put("GET " + A + "/contacts/{id}/labels", () -> admin.get(team.path("/contacts/" + contact + "/labels")));
        calls.put("POST " + A + "/contacts/{id}/labels", () -> admin.post(team.path("/contacts/" + contact + "/labels"), Map.of("labels", List.of("vip"))));
    }

    private void automationRules(Map<String, Supplier<Api.Response>> calls) {
        calls.put("GET " + A + "/automation_rules", () -> admin.get(team.path("/automation_rules")));
        calls.put("POST " + A + "/automation_rules", () -> admin.post(team.path("/automation_rules"), ruleBody("Label more bugs")));
        calls.put("GET " + A + "/automation_rules/{id}", () -> admin.get(team.path("/automation_rules/" + rule)));
        calls.put("PATCH " + A + "/automation_rules/{id}", () -> admin.patch(team.path("/automation_rules/" + rule),
                Map.of("description", "Bugs get a label")));
        calls.put("DELETE " + A + "/automation_rules/{id}", () -> {
            long doomed = id(admin.post(team.path("/automation_rules"), ruleBody("Short-lived")).expect(200).json());
            return admin.delete(team.path("/automation_rules/" + doomed));
        });
    }

    private void conversations(Map<String, Supplier<Api.Response>> calls) {
        String c = conversationPath();
        String cv = A + "/conversations/{conversation_id}";
        calls.put("GET " + A + "/conversations/meta", () -> admin.get(team.path("/conversations/meta")));
        calls.put("GET " + A + "/conversations", () -> admin.get(team.path("/conversations?status=all")));
        calls.put("POST " + A + "/conversations", () -> admin.post(team.path("/conversations"), Map.of("source_id", customer.sourceId(),
                "inbox_id", inbox.id(), "message", Map.of("content", "Started by an agent"))));
        calls.put("POST " + A + "/conversations/filter", () -> admin.post(team.path("/conversations/filter"), Map.of("payload",
                List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open"))))));
        calls.put("GET " + cv, () -> admin.get(c));
        calls.put("PATCH " + cv, () -> admin.patch(c, Map.of("priority", "high")));
        calls.put("POST " + cv + "/toggle_status", () -> admin.post(c + "/toggle_status", Map.of("status", "pending")));
        calls.put("POST " + cv + "/toggle_priority", () -> admin.post(c + "/toggle_priority", Map.of("priority", "urgent")));
        calls.put("POST " + cv + "/custom_attributes", () -> admin.post(c + "/custom_attributes", Map.of("custom_attributes", Map.of("plan", "gold"))));
        calls.put("POST " + cv + "/assignments", () -> admin.post(c + "/assignments", Map.of("assignee_id", team.agentUser().id())));
        calls.put("GET " + cv + "/labels", () -> admin.get(c + "/labels"));
        calls.put("POST " + cv + "/labels", () -> admin.post(c + "/labels", Map.of("labels", List.of("billing"))));
    }

    private void inboxes(Map<String, Supplier<Api.Response>> calls) {
        calls.put("GET " + A + "/inboxes", () -> admin.get(team.path("/inboxes")));
        calls.put("GET " + A + "/inboxes/{id}/", () -> admin.get(team.path("/inboxes/" + inbox.id() + "/")));
        calls.put("POST " + A + "/inboxes/", () -> admin.post(team.path("/inboxes/"), Map.of("name", "Second", "channel", Map.of("type", "api"))));
        calls.put("PATCH " + A + "/inboxes/{id}", () -> admin.patch(team.path("/inboxes/" + inbox.id()), Map.of("name", "Website (renamed)")));
        calls.put("GET " + A + "/inbox_members/{inbox_id}", () -> admin.get(team.path("/inbox_members/" + inbox.id())));
        List<Long> both = List.of(team.adminUser().id(), team.agentUser().id());
        calls.put("POST " + A + "/inbox_members", () -> admin.post(team.path("/inbox_members"),
                Map.of("inbox_id", inbox.id(), "user_ids", List.of(team.agentUser().id()))));
        calls.put("PATCH " + A + "/inbox_members", () -> admin.patch(team.path("/inbox_members"), Map.of("inbox_id", inbox.id(), "user_ids", both)));
        calls.put("DELETE " + A + "/inbox_members", () -> {
            long other = id(admin.post(team.path("/inboxes"), Map.of("name", "Third", "channel", Map.of("type", "api"))).expect(200).json());
            admin.post(team.path("/inbox_members"), Map.of("inbox_id", other, "user_ids", both)).expect(200);
            return admin.delete(team.path("/inbox_members"), Map.of("inbox_id", other, "user_ids", List.of(team.agentUser().id())));
        });
    }

    private void messages(Map<String, Supplier<Api.Response>> calls) {
        String c = conversationPath();
        String messages = A + "/conversations/{conversation_id}/messages";
        calls.put("GET " + messages, () -> admin.get(c + "/messages"));
        calls.put("POST " + messages, () -> admin.post(c + "/messages", Map.of("content", "Another reply")));
        calls.put("DELETE " + messages + "/{message_id}", () -> {
            long doomed = id(admin.post(c + "/messages", Map.of("content", "Sent by mistake")).expect(200).json());
            return admin.delete(c + "/messages/" + doomed);
        });
        calls.put("GET /api/v1/profile", () -> admin.get("/api/v1/profile"));
    }

    private void teams(Map<String, Supplier<Api.Response>> calls) {
        String t = A + "/teams/{team_id}";
        List<Long> agent = List.of(team.agentUser().id());
        calls.put("GET " + A + "/teams", () -> admin.get(team.path("/teams")));
        calls.put("POST " + A + "/teams", () -> admin.post(team.path("/teams"), Map.of("name", "Second team " + suffix())));
        calls.put("GET " + t, () -> admin.get(team.path("/teams/" + teamId)));
        calls.put("PATCH " + t, () -> admin.patch(team.path("/teams/" + teamId), Map.of("description", "Answers contract questions")));
        calls.put("DELETE " + t, () -> admin.delete(team.path("/teams/" + id(admin.post(team.path("/teams"),
                Map.of("name", "Disbanded " + suffix())).expect(200).json()))));
        calls.put("GET " + t + "/team_members", () -> admin.get(team.path("/teams/" + teamId + "/team_members")));
        calls.put("POST " + t + "/team_members", () -> admin.post(team.path("/teams/" + teamId + "/team_members"),
                Map.of("user_ids", List.of(team.adminUser().id()))));
        calls.put("PATCH " + t + "/team_members", () -> admin.patch(team.path("/teams/" + teamId + "/team_members"), Map.of("user_ids", agent)));
        calls.put("DELETE " + t + "/team_members", () -> {
            long other = id(admin.post(team.path("/teams"), Map.of("name", "Shrinking " + suffix())).expect(200).json());
            admin.post(team.path("/teams/" + other + "/team_members"), Map.of("user_ids", agent)).expect(200);
            return admin.delete(team.path("/teams/" + other + "/team_members"), Map.of("user_ids", agent));
        });
    }

    private void customFilters(Map<String, Supplier<Api.Response>> calls) {
        String f = A + "/custom_filters/{custom_filter_id}";
        calls.put("GET " + A + "/custom_filters", () -> admin.get(team.path("/custom_filters")));
        calls.put("POST " + A + "/custom_filters", () -> admin.post(team.path("/custom_filters"), filterBody("Open " + suffix())));
        calls.put("GET " + f, () -> admin.get(team.path("/custom_filters/" + customFilter)));
        calls.put("PATCH " + f, () -> admin.patch(team.path("/custom_filters/" + customFilter), Map.of("name", "Still open")));
        calls.put("DELETE " + f, () -> admin.delete(team.path("/custom_filters/"
                + id(admin.post(team.path("/custom_filters"), filterBody("Gone " + suffix())).expect(200).json()))));
    }

    private void webhooks(Map<String, Supplier<Api.Response>> calls) {
        calls.put("GET " + A + "/webhooks", () -> admin.get(team.path("/webhooks")));
        calls.put("POST " + A + "/webhooks", () -> admin.post(team.path("/webhooks"), webhookBody()));
        calls.put("PATCH " + A + "/webhooks/{webhook_id}", () -> admin.patch(team.path("/webhooks/" + webhook),
                Map.of("url", "https://example.com/hook-renamed/" + suffix(), "subscriptions", List.of("message_created", "message_updated"))));
        calls.put("DELETE " + A + "/webhooks/{webhook_id}", () -> admin.delete(team.path("/webhooks/"
                + id(admin.post(team.path("/webhooks"), webhookBody()).expect(200).json().get("payload").get("webhook")))));
    }

    private void reports(Map<String, Supplier<Api.Response>> calls) {
        String v2 = "/api/v2/accounts/" + team.accountId();
        long now = System.currentTimeMillis() / 1000;
        String range = "&since=" + (now - 86_400) + "&until=" + (now + 60);
        calls.put("GET /api/v2/accounts/{account_id}/reports", () -> admin.get(v2 + "/reports?metric=conversations_count&type=account" + range));
        calls.put("GET /api/v2/accounts/{account_id}/reports/summary", () -> admin.get(v2 + "/reports/summary?type=account" + range));
        calls.put("GET /api/v2/accounts/{account_id}/reports/conversations", () -> admin.get(v2 + "/reports/conversations?type=account"));
        calls.put("GET /api/v2/accounts/{account_id}/reports/conversations/", () -> admin.get(v2 + "/reports/conversations/?type=agent"));
    }

    private void publicApi(Map<String, Supplier<Api.Response>> calls) {
        String contact = "/public/api/v1/inboxes/" + inbox.identifier() + "/contacts/" + customer.sourceId();
        String c = contact + "/conversations/" + conversation;
        String cv = PUBLIC + "/{contact_identifier}/conversations/{conversation_id}";
        calls.put("POST " + PUBLIC, () -> anonymous.post("/public/api/v1/inboxes/" + inbox.identifier() + "/contacts", Map.of("name", "Pat Public")));
        calls.put("GET " + PUBLIC + "/{contact_identifier}", () -> anonymous.get(contact));
        calls.put("PATCH " + PUBLIC + "/{contact_identifier}", () -> anonymous.patch(contact, Map.of("phone_number", "+15550199")));
        calls.put("POST " + PUBLIC + "/{contact_identifier}/conversations", () -> anonymous.post(contact + "/conversations", Map.of()));
        calls.put("GET " + PUBLIC + "/{contact_identifier}/conversations", () -> anonymous.get(contact + "/conversations"));
        calls.put("GET " + cv, () -> anonymous.get(c));
        calls.put("POST " + cv + "/toggle_status", () -> anonymous.post(c + "/toggle_status", Map.of()));
        calls.put("POST " + cv + "/toggle_typing", () -> anonymous.post(c + "/toggle_typing", Map.of("typing_status", "on")));
        calls.put("POST " + cv + "/update_last_seen", () -> anonymous.post(c + "/update_last_seen", Map.of()));
        calls.put("POST " + cv + "/messages", () -> anonymous.post(c + "/messages", Map.of("content", "Thanks")));
        calls.put("GET " + cv + "/messages", () -> anonymous.get(c + "/messages"));
        calls.put("PATCH " + cv + "/messages/{message_id}", () -> anonymous.patch(c + "/messages/" + agentReply,
                Map.of("submitted_values", List.of(Map.of("name", "plan", "value", "pro")))));
    }

    private void platformApi(Map<String, Supplier<Api.Response>> calls) {
        String account = PLATFORM + "/accounts/" + team.accountId();
        String users = PLATFORM + "/accounts/{account_id}/account_users";
        calls.put("POST " + PLATFORM + "/accounts", () -> platform.post(PLATFORM + "/accounts", Map.of("name", "Contract Co")));
        calls.put("GET " + PLATFORM + "/accounts/{account_id}", () -> platform.get(account));
        calls.put("PATCH " + PLATFORM + "/accounts/{account_id}", () -> platform.patch(account, Map.of("name", "Contract Co (renamed)")));
        calls.put("DELETE " + PLATFORM + "/accounts/{account_id}", () -> platform.delete(PLATFORM + "/accounts/"
                + id(platform.post(PLATFORM + "/accounts", Map.of("name", "Closing Co")).expect(200).json())));
        calls.put("GET " + users, () -> platform.get(account + "/account_users"));
        calls.put("POST " + users, () -> platform.post(account + "/account_users", Map.of("user_id", platformUser(), "role", "agent")));
        calls.put("DELETE " + users, () -> {
            long user = platformUser();
            platform.post(account + "/account_users", Map.of("user_id", user, "role", "agent")).expect(200);
            return platform.delete(account + "/account_users", Map.of("user_id", user));
        });
        calls.put("POST " + PLATFORM + "/users", () -> platform.post(PLATFORM + "/users", userBody()));
        calls.put("GET " + PLATFORM + "/users/{id}", () -> platform.get(PLATFORM + "/users/" + team.agentUser().id()));
        calls.put("PATCH " + PLATFORM + "/users/{id}", () -> platform.patch(PLATFORM + "/users/" + team.agentUser().id(),
                Map.of("display_name", "Al")));
        calls.put("DELETE " + PLATFORM + "/users/{id}", () -> platform.delete(PLATFORM + "/users/" + platformUser()));
    }

    private String conversationPath() {
        return team.path("/conversations/" + conversation);
    }

    private long platformUser() {
        return id(platform.post(PLATFORM + "/users", userBody()).expect(200).json());
    }

    private static Map<String, Object> userBody() {
        return Map.of("name", "Uma User", "email", "uma." + suffix() + "@parley.test", "password", "Secret123!");
    }

    private static Map<String, Object> agentBody() {
        return Map.of("name", "Nora Newcomer", "email", "nora." + suffix() + "@parley.test", "role", "agent");
    }

    private static Map<String, Object> attributeBody(String key) {
        return Map.of("attribute_display_name", "Plan", "attribute_key", key, "attribute_display_type", 0, "attribute_model", 0);
    }

    private static Map<String, Object> ruleBody(String name) {
        return Map.of("name", name, "event_name", "message_created",
                "conditions", List.of(Map.of("attribute_key", "content", "filter_operator", "contains", "values", List.of("bug"), "query_operator", "and")),
                "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("bug"))));
    }

    private static Map<String, Object> filterBody(String name) {
        return Map.of("name", name, "type", "conversation",
                "query", Map.of("payload", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open")))));
    }

    private static Map<String, Object> webhookBody() {
        return Map.of("url", "https://example.com/hook/" + suffix(), "subscriptions", List.of("message_created"));
    }

    private static long id(JsonNode resource) {
        return resource.get("id").asLong();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
