package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.Fixtures.User;
import dev.parley.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every application API endpoint, four ways: the happy path, no token (401), a caller from another
 * account (401 with no data), and bad input (4xx, never 5xx, and nothing changed). Administrator-only
 * endpoints are also refused to agents.
 */
class EndpointContractIntegrationTests extends IntegrationTest {

    /** One endpoint: how to call it well, how to call it badly, and who may call it. */
    record Endpoint(String method, String path, Object body, String badPath, Object badBody, int badStatus, boolean adminOnly) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Endpoint ep(String method, String path, Object body, String badPath, Object badBody, int badStatus) {
        return new Endpoint(method, path, body, badPath, badBody, badStatus, false);
    }

    static Endpoint admin(String method, String path, Object body, String badPath, Object badBody, int badStatus) {
        return new Endpoint(method, path, body, badPath, badBody, badStatus, true);
    }

    static final String MALFORMED = "{not json";

    static Stream<Endpoint> endpoints() {
        String a = "/api/v1/accounts/{account}";
        String v2 = "/api/v2/accounts/{account}";
        return Stream.of(
                ep("GET", a + "/agents", null, a + "/agents/x", null, 405),
                admin("POST", a + "/agents", Map.of("name", "New Agent", "email", "new.{unique}@parley.test"), a + "/agents", Map.of("name", "x", "email", "not-an-email"), 422),
                admin("PATCH", a + "/agents/{agent}", Map.of("role", "administrator"), a + "/agents/{agent}", Map.of("role", "boss"), 422),
                admin("DELETE", a + "/agents/{agent}", null, a + "/agents/999999999", null, 404),
                ep("GET", a + "/inboxes", null, a + "/inboxes/abc", null, 404),
                ep("GET", a + "/inboxes/{inbox}", null, a + "/inboxes/999999999", null, 404),
                admin("POST", a + "/inboxes", Map.of("name", "Support", "channel", Map.of("type", "api")), a + "/inboxes", Map.of("name", ""), 422),
                admin("PATCH", a + "/inboxes/{inbox}", Map.of("enable_auto_assignment", false, "auto_assignment_config", Map.of("max_assignment_limit", 3)),
                        a + "/inboxes/{inbox}", Map.of("auto_assignment_config", Map.of("max_assignment_limit", -1)), 422),
                admin("DELETE", a + "/inboxes/{inbox}", null, a + "/inboxes/999999999", null, 404),
                ep("GET", a + "/inbox_members/{inbox}", null, a + "/inbox_members/999999999", null, 404),
                admin("POST", a + "/inbox_members", Map.of("inbox_id", "{inbox}", "user_ids", List.of("{admin}")), a + "/inbox_members", Map.of("inbox_id", "{inbox}", "user_ids", List.of(999999999)), 422),
                admin("PATCH", a + "/inbox_members", Map.of("inbox_id", "{inbox}", "user_ids", List.of("{agent}")), a + "/inbox_members", Map.of("user_ids", List.of("{agent}")), 422),
                admin("DELETE", a + "/inbox_members", Map.of("inbox_id", "{inbox}", "user_ids", List.of("{agent}")), a + "/inbox_members", Map.of("inbox_id", "{inbox}"), 422),
                ep("GET", a + "/teams", null, a + "/teams/abc", null, 404),
                ep("GET", a + "/teams/{team}", null, a + "/teams/999999999", null, 404),
                admin("POST", a + "/teams", Map.of("name", "Escalations {unique}"), a + "/teams", Map.of("description", "no name"), 422),
                admin("PATCH", a + "/teams/{team}", Map.of("description", "Money matters"), a + "/teams/{team}", Map.of("name", " "), 422),
                admin("DELETE", a + "/teams/{team}", null, a + "/teams/999999999", null, 404),
                ep("GET", a + "/teams/{team}/team_members", null, a + "/teams/999999999/team_members", null, 404),
                admin("POST", a + "/teams/{team}/team_members", Map.of("user_ids", List.of("{agent}")), a + "/teams/{team}/team_members", Map.of("user_ids", List.of()), 422),
                admin("PATCH", a + "/teams/{team}/team_members", Map.of("user_ids", List.of("{admin}")), a + "/teams/{team}/team_members", Map.of("user_ids", List.of(999999999)), 422),
                admin("DELETE", a + "/teams/{team}/team_members", Map.of("user_ids", List.of("{agent}")), a + "/teams/{team}/team_members", MALFORMED, 400),
                ep("GET", a + "/contacts", null, a + "/contacts?page=abc", null, 422),
                ep("GET", a + "/contacts/search?q=carla", null, a + "/contacts/search?page=x", null, 422),
                ep("GET", a + "/contacts/{contact}", null, a + "/contacts/999999999", null, 404),
                ep("POST", a + "/contacts", Map.of("name", "Dora", "email", "dora.{unique}@customer.test", "phone_number", "+4915112345678"), a + "/contacts", Map.of("phone_number", "12345"), 422),
                ep("PATCH", a + "/contacts/{contact}", Map.of("name", "Carla C."), a + "/contacts/{contact}", Map.of("email", "nope"), 422),
                admin("DELETE", a + "/contacts/{contact}", null, a + "/contacts/999999999", null, 404),
                ep("POST", a + "/contacts/{contact}/contact_inboxes", Map.of("inbox_id", "{inbox}"), a + "/contacts/{contact}/contact_inboxes", Map.of("source_id", "x"), 422),
                ep("GET", a + "/contacts/{contact}/conversations", null, a + "/contacts/999999999/conversations", null, 404),
                ep("POST", a + "/contacts/filter", Map.of("payload", List.of(Map.of("attribute_key", "name", "filter_operator", "contains",
                        "values", List.of("carla")))), a + "/contacts/filter", Map.of("payload", List.of(Map.of("attribute_key", "name",
                        "filter_operator", "sounds_like", "values", List.of("carla")))), 422),
                ep("GET", a + "/contacts/{contact}/labels", null, a + "/contacts/999999999/labels", null, 404),
                ep("POST", a + "/contacts/{contact}/labels", Map.of("labels", List.of("vip")), a + "/contacts/{contact}/labels", Map.of("labels", List.of("two words")), 422),
                ep("GET", a + "/contacts/{contact}/contactable_inboxes", null, a + "/contacts/999999999/contactable_inboxes", null, 404),
                ep("GET", a + "/labels", null, a + "/labels/abc", null, 404),
                ep("GET", a + "/labels/{label}", null, a + "/labels/999999999", null, 404),
                admin("POST", a + "/labels", Map.of("title", "urgent-{unique}", "color", "#ff0000"), a + "/labels", Map.of("title", "has spaces"), 422),
                admin("PATCH", a + "/labels/{label}", Map.of("description", "Money"), a + "/labels/{label}", Map.of("color", "red"), 422),
                admin("DELETE", a + "/labels/{label}", null, a + "/labels/999999999", null, 404),
                ep("GET", a + "/custom_attribute_definitions", null, a + "/custom_attribute_definitions?attribute_model=7", null, 422),
                ep("GET", a + "/custom_attribute_definitions/{attribute}", null, a + "/custom_attribute_definitions/999999999", null, 404),
                admin("POST", a + "/custom_attribute_definitions", Map.of("attribute_display_name", "Plan", "attribute_key", "plan_{unique}", "attribute_display_type", 0, "attribute_model", 0),
                        a + "/custom_attribute_definitions", Map.of("attribute_display_name", "Plan", "attribute_key", "Bad Key", "attribute_display_type", "colour", "attribute_model", "planet"), 422),
                admin("PATCH", a + "/custom_attribute_definitions/{attribute}", Map.of("attribute_description", "Billing plan"), a + "/custom_attribute_definitions/{attribute}", Map.of("attribute_display_name", ""), 422),
                admin("DELETE", a + "/custom_attribute_definitions/{attribute}", null, a + "/custom_attribute_definitions/999999999", null, 404),
                ep("GET", a + "/conversations?status=all&assignee_type=all", null, a + "/conversations?status=closed", null, 422),
                ep("POST", a + "/conversations/filter", Map.of("payload", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to",
                        "values", List.of("open")))), a + "/conversations/filter", Map.of("payload", List.of(Map.of("attribute_key", "status",
                        "filter_operator", "sounds_like", "values", List.of("open")))), 422),
                ep("GET", a + "/conversations/meta", null, a + "/conversations/meta?status=bogus", null, 422),
                ep("POST", a + "/conversations", Map.of("inbox_id", "{inbox}", "contact_id", "{contact}", "message", Map.of("content", "We noticed a problem")),
                        a + "/conversations", Map.of("inbox_id", "{inbox}"), 422),
                ep("GET", a + "/conversations/{conversation}", null, a + "/conversations/999999999", null, 404),
                ep("PATCH", a + "/conversations/{conversation}", Map.of("priority", "urgent"), a + "/conversations/{conversation}", Map.of("priority", "whenever"), 422),
                ep("POST", a + "/conversations/{conversation}/toggle_status", Map.of("status", "pending"), a + "/conversations/{conversation}/toggle_status", Map.of("status", "closed"), 422),
                ep("POST", a + "/conversations/{conversation}/toggle_priority", Map.of("priority", "low"), a + "/conversations/{conversation}/toggle_priority", Map.of("priority", 5), 422),
                ep("GET", a + "/conversations/{conversation}/labels", null, a + "/conversations/999999999/labels", null, 404),
                ep("POST", a + "/conversations/{conversation}/labels", Map.of("labels", List.of("billing")), a + "/conversations/{conversation}/labels", Map.of("labels", List.of("two words")), 422),
                ep("POST", a + "/conversations/{conversation}/custom_attributes", Map.of("custom_attributes", Map.of("order", "A-1")), a + "/conversations/{conversation}/custom_attributes", Map.of(), 422),
                ep("POST", a + "/conversations/{conversation}/assignments", Map.of("assignee_id", "{agent}"), a + "/conversations/{conversation}/assignments", Map.of("assignee_id", 999999999), 422),
                ep("POST", a + "/conversations/{conversation}/update_last_seen", null, a + "/conversations/999999999/update_last_seen", null, 404),
                ep("POST", a + "/conversations/{conversation}/unread", null, a + "/conversations/999999999/unread", null, 404),
                ep("POST", a + "/conversations/{conversation}/toggle_typing_status", Map.of("typing_status", "on", "is_private", true),
                        a + "/conversations/{conversation}/toggle_typing_status", Map.of("typing_status", "dancing"), 422),
                ep("POST", a + "/bulk_actions", Map.of("type", "Conversation", "ids", List.of("{conversation}"), "fields", Map.of("status", "pending")),
                        a + "/bulk_actions", Map.of("type", "Conversation", "ids", List.of("{conversation}"), "fields", Map.of("status", "closed")), 422),
                ep("GET", a + "/custom_filters?filter_type=conversation", null, a + "/custom_filters?filter_type=planet", null, 422),
                ep("GET", a + "/custom_filters/{folder}", null, a + "/custom_filters/999999999", null, 404),
                ep("POST", a + "/custom_filters", Map.of("custom_filter", Map.of("name", "Urgent", "type", "conversation", "query", Map.of("payload",
                        List.of(Map.of("attribute_key", "priority", "filter_operator", "equal_to", "values", List.of("urgent")))))),
                        a + "/custom_filters", Map.of("name", "Broken", "query", Map.of("payload", List.of(Map.of("attribute_key", "status",
                        "filter_operator", "sounds_like", "values", List.of("open"))))), 422),
                ep("PATCH", a + "/custom_filters/{folder}", Map.of("name", "Renamed"), a + "/custom_filters/{folder}", Map.of("name", " "), 422),
                ep("DELETE", a + "/custom_filters/{folder}", null, a + "/custom_filters/999999999", null, 404),
                ep("GET", a + "/notifications", null, a + "/notifications/abc", null, 404),
                ep("GET", a + "/notifications/unread_count", null, a + "/notifications/unread_counts", null, 404),
                ep("GET", a + "/notifications/{notification}", null, a + "/notifications/999999999", null, 404),
                ep("POST", a + "/notifications/read_all", null, a + "/notifications/999999999/read_all", null, 404),
                ep("PATCH", a + "/notifications/{notification}", null, a + "/notifications/999999999", null, 404),
                ep("POST", a + "/notifications/{notification}/unread", null, a + "/notifications/999999999/unread", null, 404),
                ep("DELETE", a + "/notifications/{notification}", null, a + "/notifications/999999999", null, 404),
                ep("GET", a + "/canned_responses?search=hel", null, a + "/canned_responses/abc", null, 404),
                ep("GET", a + "/canned_responses/{canned}", null, a + "/canned_responses/999999999", null, 404),
                admin("POST", a + "/canned_responses", Map.of("canned_response", Map.of("short_code", "hi-{unique}", "content", "Hello there")),
                        a + "/canned_responses", Map.of("short_code", "two words", "content", ""), 422),
                admin("PATCH", a + "/canned_responses/{canned}", Map.of("content", "Hello again"), a + "/canned_responses/{canned}",
                        Map.of("short_code", ""), 422),
                admin("DELETE", a + "/canned_responses/{canned}", null, a + "/canned_responses/999999999", null, 404),
                ep("GET", a + "/sla_policies", null, a + "/sla_policies/abc", null, 404),
                ep("GET", a + "/sla_policies/{sla}", null, a + "/sla_policies/999999999", null, 404),
                admin("POST", a + "/sla_policies", Map.of("name", "Fast", "first_response_time_threshold", 600), a + "/sla_policies",
                        Map.of("name", ""), 422),
                admin("PATCH", a + "/sla_policies/{sla}", Map.of("description", "faster"), a + "/sla_policies/{sla}",
                        Map.of("first_response_time_threshold", -5), 422),
                admin("DELETE", a + "/sla_policies/{sla}", null, a + "/sla_policies/999999999", null, 404),
                admin("GET", a + "/sla_breaches?group_by=inbox", null, a + "/sla_breaches?group_by=planet", null, 422),
                ep("GET", a + "/conversations/{conversation}/messages", null, a + "/conversations/999999999/messages", null, 404),
                ep("POST", a + "/conversations/{conversation}/messages", Map.of("content", "On it"), a + "/conversations/{conversation}/messages", Map.of("content", "  "), 422),
                ep("DELETE", a + "/conversations/{conversation}/messages/{message}", null, a + "/conversations/{conversation}/messages/999999999", null, 404),
                ep("PATCH", a + "/conversations/{conversation}/messages/{message}", Map.of("status", "read"), a + "/conversations/{conversation}/messages/{message}", Map.of("status", "lost"), 422),
                admin("GET", a + "/assignment_policies", null, a + "/assignment_policies/abc", null, 404),
                admin("POST", a + "/assignment_policies", Map.of("name", "Policy {unique}", "assignment_order", "balanced"),
                        a + "/assignment_policies", Map.of("name", "x", "assignment_order", "random"), 422),
                admin("GET", a + "/assignment_policies/{policy}", null, a + "/assignment_policies/999999999", null, 404),
                admin("PATCH", a + "/assignment_policies/{policy}", Map.of("fair_distribution_limit", 5), a + "/assignment_policies/{policy}",
                        Map.of("fair_distribution_limit", 0), 422),
                admin("DELETE", a + "/assignment_policies/{policy}", null, a + "/assignment_policies/999999999", null, 404),
                admin("GET", a + "/assignment_policies/{policy}/inboxes", null, a + "/assignment_policies/999999999/inboxes", null, 404),
                admin("GET", a + "/inboxes/{inbox}/assignment_policy", null, a + "/inboxes/999999999/assignment_policy", null, 404),
                admin("POST", a + "/inboxes/{inbox}/assignment_policy", Map.of("assignment_policy_id", "{policy}"), a + "/inboxes/{inbox}/assignment_policy",
                        Map.of("assignment_policy_id", 999999999), 422),
                admin("DELETE", a + "/inboxes/{inbox}/assignment_policy", null, a + "/inboxes/999999999/assignment_policy", null, 404),
                ep("GET", a + "/inboxes/{inbox}/assignment_queue", null, a + "/inboxes/999999999/assignment_queue", null, 404),
                ep("GET", a + "/conversations/{conversation}/assignment_decision", null, a + "/conversations/999999999/assignment_decision", null, 404),
                admin("GET", a + "/automation_rules", null, a + "/automation_rules/abc", null, 404),
                admin("GET", a + "/automation_rules/{rule}", null, a + "/automation_rules/999999999", null, 404),
                admin("POST", a + "/automation_rules", Map.of("name", "Unassign on resolve", "event_name", "conversation_updated",
                        "conditions", List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("resolved"))),
                        "actions", List.of(Map.of("action_name", "assign_agent", "action_params", List.of("nil")))),
                        a + "/automation_rules", Map.of("name", "x", "event_name", "conversation_updated", "conditions", List.of(),
                        "actions", List.of(Map.of("action_name", "explode", "action_params", List.of()))), 422),
                admin("PATCH", a + "/automation_rules/{rule}", Map.of("active", false), a + "/automation_rules/{rule}",
                        Map.of("event_name", "never_happens"), 422),
                admin("PUT", a + "/automation_rules/{rule}", Map.of("name", "Renamed"), a + "/automation_rules/{rule}", Map.of("name", ""), 422),
                admin("DELETE", a + "/automation_rules/{rule}", null, a + "/automation_rules/999999999", null, 404),
                admin("POST", a + "/automation_rules/{rule}/clone", null, a + "/automation_rules/999999999/clone", null, 404),
                admin("GET", a + "/automation_rules/{rule}/executions", null, a + "/automation_rules/999999999/executions", null, 404),
                admin("POST", a + "/automation_rules/dry_run", Map.of("rule_id", "{rule}", "last", 5), a + "/automation_rules/dry_run",
                        Map.of("rule_id", "{rule}", "last", 0), 422),
                ep("GET", a + "/conversations/{conversation}/automation_log", null, a + "/conversations/999999999/automation_log", null, 404),
                admin("GET", v2 + "/reports/summary?type=account", null, v2 + "/reports/summary?type=planet", null, 422),
                admin("GET", v2 + "/reports/conversations?type=account", null, v2 + "/reports/conversations?type=planet", null, 422),
                admin("GET", v2 + "/reports?metric=resolutions_count&group_by=day", null, v2 + "/reports?metric=happiness", null, 422),
                admin("GET", v2 + "/summary_reports/agent", null, v2 + "/summary_reports/planet", null, 422),
                admin("GET", v2 + "/reports/agents", null, v2 + "/reports/agents?since=10&until=5", null, 422),
                admin("GET", a + "/webhooks", null, a + "/webhooks/abc", null, 404),
                admin("POST", a + "/webhooks", Map.of("webhook", Map.of("url", "http://127.0.0.1:9/{unique}", "subscriptions", List.of("message_created"))),
                        a + "/webhooks", Map.of("url", "ftp://x", "subscriptions", List.of("x")), 422),
                admin("GET", a + "/webhooks/{webhook}", null, a + "/webhooks/999999999", null, 404),
                admin("PATCH", a + "/webhooks/{webhook}", Map.of("subscriptions", List.of("conversation_created")), a + "/webhooks/{webhook}",
                        Map.of("subscriptions", List.of()), 422),
                admin("DELETE", a + "/webhooks/{webhook}", null, a + "/webhooks/999999999", null, 404),
                admin("GET", a + "/webhooks/{webhook}/deliveries", null, a + "/webhooks/999999999/deliveries", null, 404),
                ep("POST", "/api/v1/profile/presence", Map.of("account_id", "{account}"), "/api/v1/profile/presence", Map.of(), 422),
                ep("GET", "/api/v1/profile", null, "/api/v1/profile/unknown", null, 404),
                ep("POST", "/api/v1/profile/reset_access_token", null, "/api/v1/profile/reset_access_tokens", null, 404),
                ep("POST", "/api/v1/profile/availability", Map.of("profile", Map.of("availability", "online", "account_id", "{account}")),
                        "/api/v1/profile/availability", Map.of("profile", Map.of("availability", "away", "account_id", "{account}")), 422),
                ep("POST", "/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", "{account}")),
                        "/api/v1/profile/auto_offline", Map.of("profile", Map.of("account_id", "{account}")), 422),
                ep("PUT", "/api/v1/profile", Map.of("profile", Map.of("display_name", "Al")), "/api/v1/profile", Map.of("profile", Map.of("name", "")), 422),
                ep("PUT", "/api/v1/profile", Map.of("profile", Map.of("current_password", "secret123", "password", "secret456",
                        "password_confirmation", "secret456")), "/api/v1/profile", Map.of("profile", Map.of("current_password", "wrong",
                        "password", "secret456", "password_confirmation", "secret456")), 422));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void happyPathSucceeds(Endpoint endpoint) {
        World w = world(endpoint);
        Api caller = endpoint.adminOnly() ? w.team.admin() : w.team.agent();
        var response = caller.send(endpoint.method(), w.fill(endpoint.path()), w.fill(endpoint.body()));
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void missingTokenIsUnauthorized(Endpoint endpoint) {
        World w = shared();
        var response = anonymous().send(endpoint.method(), w.fill(endpoint.path()), w.fill(endpoint.body()));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(w.team.adminUser().email());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void callerFromAnotherAccountGetsNothing(Endpoint endpoint) {
        World w = shared();
        Team stranger = endpoint.path().startsWith("/api/v1/profile") ? fixtures.account() : sharedStranger();
        Api strangerApi = endpoint.adminOnly() ? stranger.admin() : stranger.agent();
        var response = strangerApi.send(endpoint.method(), w.fill(endpoint.path()), w.fill(endpoint.body()));
        if (endpoint.path().startsWith("/api/v1/profile")) {
            // the profile is the caller's own; naming a foreign account in the body is what must fail
            if (endpoint.body() != null && endpoint.method().equals("POST")) assertThat(response.status()).isEqualTo(404);
            else assertThat(response.body()).doesNotContain(w.team.adminUser().email());
            return;
        }
        assertThat(response.status()).isIn(401, 404);
        assertThat(response.json().propertyNames()).containsExactly("error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void badInputIsAClientError(Endpoint endpoint) {
        World w = shared();
        Api caller = endpoint.adminOnly() ? w.team.admin() : w.team.agent();
        String badPath = w.fill(endpoint.badPath());
        var response = endpoint.badBody() == MALFORMED
                ? caller.sendRaw(endpoint.method(), badPath, MALFORMED)
                : caller.send(endpoint.method(), badPath, w.fill(endpoint.badBody()));
        assertThat(response.status()).as(response.body()).isEqualTo(endpoint.badStatus());
        if (endpoint.badStatus() == 422) {
            assertThat(response.json().get("attributes").isArray()).isTrue();
            assertThat(response.json().get("message").asString()).isNotBlank();
        }
        if (endpoint.body() != null) {
            var malformed = caller.sendRaw(endpoint.method(), w.fill(endpoint.path()), MALFORMED);
            assertThat(malformed.status()).as(malformed.body()).isIn(400, 404, 405);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void administratorOnlyEndpointsRefuseAgents(Endpoint endpoint) {
        if (!endpoint.adminOnly()) return;
        World w = shared();
        var response = w.team.agent().send(endpoint.method(), w.fill(endpoint.path()), w.fill(endpoint.body()));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("You are not authorized to do this action");
    }

    /**
     * One world for the cases that must change nothing (refused callers, bad input, the happy path of a read): built
     * once, with everything any endpoint names, notification included. Only the happy path of a write gets a fresh world.
     */
    private static World shared;
    private static Team stranger;

    private World shared() {
        if (shared == null) shared = world(true);
        return shared;
    }

    /** A member of another account; profile endpoints get a fresh one, since they act on the caller. */
    private Team sharedStranger() {
        if (stranger == null) stranger = fixtures.account();
        return stranger;
    }

    /** A read's happy path reads the shared world (a read changes nothing); a write's gets a fresh world of its own. */
    private World world(Endpoint endpoint) {
        if (endpoint.method().equals("GET")) return shared();
        return world(endpoint.path().contains("{notification}"));
    }

    private World world(boolean withNotification) {
        Team team = fixtures.account();
        User extra = fixtures.user("Eve Extra", team.accountId(), "agent");
        Inbox inbox = fixtures.inbox(team, team.agentUser(), extra);
        Customer customer = fixtures.customer(inbox, "Carla");
        long conversation = fixtures.conversation(customer, "Hello");
        long message = team.agent().post(team.path("/conversations/" + conversation + "/messages"), Map.of("content", "typo"))
                .expect(200).json().get("id").asLong();
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Billing")).expect(200).json().get("id").asLong();
        long label = team.admin().post(team.path("/labels"), Map.of("title", "billing")).expect(200).json().get("id").asLong();
        long attribute = team.admin().post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Order",
                "attribute_key", "order", "attribute_display_type", "text", "attribute_model", "conversation_attribute")).expect(200).json().get("id").asLong();
        long policy = team.admin().post(team.path("/assignment_policies"), Map.of("name", "Default")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/inboxes/" + inbox.id() + "/assignment_policy"), Map.of("assignment_policy_id", policy)).expect(200);
        long rule = team.admin().post(team.path("/automation_rules"), Map.of("name", "Tag", "event_name", "conversation_created",
                "conditions", List.of(), "actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("tagged")))))
                .expect(200).json().get("id").asLong();
        long webhook = team.admin().post(team.path("/webhooks"), Map.of("url", "http://127.0.0.1:9/" + team.accountId(),
                "subscriptions", List.of("message_created"))).expect(200).json().get("payload").get("webhook").get("id").asLong();
        long canned = team.admin().post(team.path("/canned_responses"), Map.of("short_code", "hello", "content", "Hello, how can I help?"))
                .expect(200).json().get("id").asLong();
        long folder = team.agent().post(team.path("/custom_filters"), Map.of("name", "Open ones", "query", Map.of("payload",
                List.of(Map.of("attribute_key", "status", "filter_operator", "equal_to", "values", List.of("open")))))).expect(200).json().get("id").asLong();
        long sla = team.admin().post(team.path("/sla_policies"), Map.of("name", "Standard", "resolution_time_threshold", 86400)).expect(200)
                .json().get("payload").get("id").asLong();
        var values = new HashMap<String, Object>();
        values.put("sla", sla);
        if (withNotification) values.put("notification", notificationFor(team, conversation));
        values.put("folder", folder);
        values.put("canned", canned);
        values.put("webhook", webhook);
        values.put("policy", policy);
        values.put("rule", rule);
        values.put("account", team.accountId());
        values.put("agent", extra.id());
        values.put("admin", team.adminUser().id());
        values.put("inbox", inbox.id());
        values.put("contact", customer.contactId());
        values.put("conversation", conversation);
        values.put("message", message);
        values.put("team", teamId);
        values.put("label", label);
        values.put("attribute", attribute);
        values.put("unique", Long.toString(System.nanoTime(), 36));
        return new World(team, values);
    }

    /** Someone else assigns the conversation to the caller, and the caller's notification about it arrives. */
    private static long notificationFor(Team team, long conversation) {
        var unassign = new HashMap<String, Object>();
        unassign.put("assignee_id", null);
        team.admin().post(team.path("/conversations/" + conversation + "/assignments"), unassign).expect(200);
        team.admin().post(team.path("/conversations/" + conversation + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            var payload = team.agent().get(team.path("/notifications")).expect(200).json().get("data").get("payload");
            return payload.isEmpty() ? null : payload.get(0).get("id").asLong();
        }, java.util.Objects::nonNull);
    }

    /** The resources one test works on, and the substitution of their ids into paths and bodies. */
    record World(Team team, Map<String, Object> values) {
        String fill(String template) {
            String result = template;
            for (var e : values.entrySet()) result = result.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
            return result;
        }

        Object fill(Object body) {
            if (body == null) return null;
            if (body instanceof String s) {
                if (s.matches("\\{\\w+}") && values.containsKey(s.substring(1, s.length() - 1))) return values.get(s.substring(1, s.length() - 1));
                return fill(s);
            }
            if (body instanceof Map<?, ?> map) {
                var filled = new HashMap<Object, Object>();
                map.forEach((k, v) -> filled.put(k, fill(v)));
                return filled;
            }
            if (body instanceof List<?> list) return list.stream().map(this::fill).toList();
            return body;
        }
    }
}
