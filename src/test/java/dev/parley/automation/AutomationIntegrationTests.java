package dev.parley.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rules through the real stack: the seed rule, every action, loops, order, redelivery, explain, dry run. */
class AutomationIntegrationTests extends IntegrationTest {

    static final Duration SOON = Duration.ofSeconds(3);

    private Team team;
    private Inbox inbox;
    private Customer customer;

    @BeforeEach
    void world() {
        team = fixtures.account();
        inbox = fixtures.inbox(team, team.agentUser());
        customer = fixtures.customer(inbox, "carla customer");
    }

    static Map<String, Object> condition(String key, String operator, Object values, String queryOperator) {
        var c = new HashMap<String, Object>();
        c.put("attribute_key", key);
        c.put("filter_operator", operator);
        c.put("values", values);
        c.put("query_operator", queryOperator);
        return c;
    }

    static Map<String, Object> action(String name, Object... params) {
        return Map.of("action_name", name, "action_params", List.of(params));
    }

    long rule(String name, String event, List<Map<String, Object>> conditions, List<Map<String, Object>> actions, Map<String, Object> extra) {
        var body = new HashMap<String, Object>(Map.of("name", name, "event_name", event, "conditions", conditions, "actions", actions));
        body.putAll(extra);
        return team.admin().post(team.path("/automation_rules"), body).expect(200).json().get("id").asLong();
    }

    long rule(String name, String event, List<Map<String, Object>> conditions, List<Map<String, Object>> actions) {
        return rule(name, event, conditions, actions, Map.of());
    }

    @Test
    void seedRuleOnConversationUpdatedUnassignsWhatWasResolved() {
        rule("Unassign on resolve", "conversation_updated", List.of(condition("status", "equal_to", List.of("resolved"), null)),
                List.of(action("assign_agent", "nil")));
        assertSeedRuleWorks();
    }

    @Test
    void seedRuleOnConversationResolvedUnassignsWhatWasResolved() {
        rule("Unassign on resolve", "conversation_resolved", List.of(), List.of(action("assign_agent", "nil")));
        assertSeedRuleWorks();
    }

    private void assertSeedRuleWorks() {
        long id = fixtures.conversation(customer, "help");
        team.admin().post(team.path("/conversations/" + id + "/assignments"), Map.of("assignee_id", team.agentUser().id())).expect(200);
        team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
        await().atMost(SOON).untilAsserted(() -> assertThat(conversation(id).get("meta").get("assignee").isNull()).isTrue());
        assertThat(conversation(id).get("status").asString()).isEqualTo("resolved");
        assertThat(thread(id)).contains("Conversation unassigned by Automation System (rule: Unassign on resolve)");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.parley.automation.application.RuleRunner runner;

    @Test
    void theSeedRuleNeverUnassignsAConversationReopenedAndRoutedAfterTheResolveItReactedTo() {
        long ruleId = rule("Unassign on resolve", "conversation_updated", List.of(condition("status", "equal_to", List.of("resolved"), null)),
                List.of(action("assign_agent", "nil")));
        team.admin().patch(team.path("/inboxes/" + inbox.id()), Map.of("auto_assignment_config", Map.of("reopen_assignee", "never"))).expect(200);
        team.agent().post("/api/v1/profile/auto_offline", Map.of("profile", Map.of("auto_offline", false, "account_id", team.accountId())))
                .expect(200);
        team.agent().post("/api/v1/profile/availability", Map.of("profile", Map.of("availability", "online", "account_id", team.accountId())))
                .expect(200);
        long id = fixtures.conversation(customer, "help");
        await().atMost(SOON).until(() -> !conversation(id).get("meta").get("assignee").isNull());
        var delayed = new java.util.concurrent.atomic.AtomicBoolean();
        // the backlog: the rule's action waits until the customer has reopened the conversation and routing has assigned it
        runner.beforeActions(event -> {
            if (event.accountId() != team.accountId() || !delayed.compareAndSet(false, true)) return;
            anonymous().post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", "one more thing")).expect(200);
            await().atMost(SOON).until(() -> thread(id).stream().anyMatch(l -> l.contains("routed afresh"))
                    && !conversation(id).get("meta").get("assignee").isNull());
        });
        try {
            team.agent().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "resolved")).expect(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> executions(ruleId).stream().anyMatch(e -> !e.get("skipped_reason").isNull()));
        } finally {
            runner.beforeActions(null);
        }
        assertThat(delayed).isTrue();
        JsonNode c = conversation(id);
        assertThat(c.get("status").asString()).isEqualTo("open");
        assertThat(c.get("meta").get("assignee").get("id").asLong()).isEqualTo(team.agentUser().id());
        assertThat(thread(id)).noneMatch(l -> l.contains("unassigned by Automation"));
        JsonNode skipped = executions(ruleId).stream().filter(e -> !e.get("skipped_reason").isNull()).findFirst().orElseThrow();
        assertThat(skipped.get("skipped_reason").asString()).isEqualTo("skipped: conversation changed since the event: status is now open");
        assertThat(skipped.get("matched").asBoolean()).isFalse();
        assertThat(skipped.get("actions")).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void oneLogRowPerEventWhateverTheNumberOfRulesAndEachRuleStillHasItsEntry() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(rule("Rule " + i, "conversation_created", List.of(condition("status", "equal_to", List.of(i == 0 ? "open" : "snoozed"), null)),
                    List.of(action("add_label", "r" + i))));
        }
        long id = fixtures.conversation(customer, "hi");
        await().atMost(SOON).until(() -> ids.stream().allMatch(r -> executions(r).size() == 1));
        assertThat(jdbc.sql("SELECT count(*) FROM automation_runs WHERE account_id = ? AND event_name = 'conversation_created'")
                .param(team.accountId()).query(Long.class).single()).isEqualTo(1);
        assertThat(executions(ids.get(0)).get(0).get("matched").asBoolean()).isTrue();
        assertThat(executions(ids.get(3)).get(0).get("matched").asBoolean()).isFalse();
        JsonNode nonMatch = executions(ids.get(3)).get(0).get("conditions").get(0);
        assertThat(nonMatch.get("seen").asString()).isEqualTo("open");
        assertThat(nonMatch.get("attribute_key").asString()).isEqualTo("status");
        assertThat(nonMatch.get("filter_operator").asString()).isEqualTo("equal_to");
        assertThat(nonMatch.get("values").get(0).asString()).isEqualTo("snoozed");
        assertThat(strings(conversation(id).get("labels"))).containsExactly("r0");
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.parley.automation.persistence.ExecutionRepository executionLog;

    @Test
    void retentionDeletesEventRunsOlderThanTheCutoff() {
        long ruleId = rule("Kept", "conversation_created", List.of(), List.of(action("add_label", "kept")));
        fixtures.conversation(customer, "old");
        await().atMost(SOON).until(() -> executions(ruleId).size() == 1);
        jdbc.sql("UPDATE automation_runs SET executed_at = now() - interval '40 days' WHERE account_id = ?").param(team.accountId()).update();
        fixtures.conversation(fixtures.customer(inbox, "newer"), "new");
        await().atMost(SOON).until(() -> executions(ruleId).size() == 2);
        assertThat(executionLog.deleteOlderThan(java.time.Instant.now().minus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);
        assertThat(executions(ruleId)).hasSize(1);
    }

    @Test
    void aRuleChangedByAnotherNodeIsSeenByTheNextEvent() {
        long ruleId = rule("Label", "conversation_created", List.of(), List.of(action("add_label", "first")));
        long one = fixtures.conversation(customer, "hi");
        await().atMost(SOON).until(() -> strings(conversation(one).get("labels")).contains("first"));
        // another node writes the change straight to the shared database; this node's cached rules must not be used any more
        jdbc.sql("UPDATE automation_rules SET actions = '[{\"action_name\": \"add_label\", \"action_params\": [\"second\"]}]' WHERE id = ?")
                .param(ruleId).update();
        long two = fixtures.conversation(fixtures.customer(inbox, "dora"), "hi");
        await().atMost(SOON).until(() -> strings(conversation(two).get("labels")).contains("second"));
        jdbc.sql("UPDATE automation_rules SET active = false WHERE id = ?").param(ruleId).update();
        long three = fixtures.conversation(fixtures.customer(inbox, "emil"), "hi");
        pause(800);
        assertThat(strings(conversation(three).get("labels"))).isEmpty();
        assertThat(executions(ruleId)).hasSize(2);
    }

    @Test
    void conditionsOnTheContactAndTheMessageSeeTheirValues() {
        // the snapshot reads the contact only when a rule reads it, and takes the message's content from the event
        rule("VIP", "message_created", List.of(condition("email", "contains", List.of("vip.victor"), null)), List.of(action("add_label", "vip")));
        long vip = fixtures.conversation(fixtures.customer(inbox, "vip victor"), "hello");
        long other = fixtures.conversation(customer, "hello");
        await().atMost(SOON).until(() -> strings(conversation(vip).get("labels")).contains("vip"));
        rule("Refund", "message_created", List.of(condition("content", "contains", List.of("refund"), null)),
                List.of(action("add_label", "refund")));
        long refund = fixtures.conversation(fixtures.customer(inbox, "rita"), "I want a refund");
        await().atMost(SOON).until(() -> strings(conversation(refund).get("labels")).contains("refund"));
        assertThat(strings(conversation(refund).get("labels"))).doesNotContain("vip");
        assertThat(strings(conversation(other).get("labels"))).isEmpty();
    }

    @Test
    void actionsChangeTheConversation() {
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Billing")).expect(200).json().get("id").asLong();
        team.admin().post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Plan", "attribute_key", "plan",
                "attribute_display_type", "text", "attribute_model", "conversation_attribute")).expect(200);
        rule("Everything", "message_created", List.of(condition("content", "contains", List.of("refund"), null)), List.of(
                action("add_label", "refund", "vip"),
                action("remove_label", "vip"),
                action("assign_team", teamId),
                action("assign_agent", team.agentUser().id()),
                action("change_priority", "urgent"),
                action("send_message", "Hi {{contact.name}}, we got conversation #{{conversation.display_id}}; {{agent.name}} is on it."),
                action("add_private_note", "Refund requested by {{contact.email}}"),
                action("set_custom_attribute", Map.of("key", "plan", "value", "pro", "target", "conversation"),
                        Map.of("key", "tier", "value", "gold", "target", "contact")),
                action("pending_conversation")));
        long id = fixtures.conversation(customer, "I want a refund");
        await().atMost(SOON).untilAsserted(() -> assertThat(conversation(id).get("status").asString()).isEqualTo("pending"));
        JsonNode c = conversation(id);
        assertThat(strings(c.get("labels"))).containsExactly("refund");
        assertThat(c.get("meta").get("team").get("id").asLong()).isEqualTo(teamId);
        assertThat(c.get("priority").asString()).isEqualTo("urgent");
        assertThat(c.get("custom_attributes").get("plan").asString()).isEqualTo("pro");
        assertThat(team.admin().get(team.path("/contacts/" + customer.contactId())).json().get("payload").get("custom_attributes")
                .get("tier").asString()).isEqualTo("gold");
        List<String> thread = thread(id);
        assertThat(thread).contains("Hi carla customer, we got conversation #" + id + "; Alan Agent is on it.");
        assertThat(thread.stream().anyMatch(m -> m.startsWith("Refund requested by carla.customer"))).isTrue();
        assertThat(c.get("first_reply_created_at").isNull()).as("automation messages are not agent replies").isTrue();
        assertThat(c.get("waiting_since").isNull()).isFalse();
        JsonNode automated = team.admin().get(team.path("/conversations/" + id + "/messages")).json().get("payload");
        automated.forEach(m -> {
            if (m.get("content").asString().startsWith("Hi carla")) {
                assertThat(m.get("content_attributes").get("automation_rule_id").asLong()).isPositive();
                assertThat(m.get("sender").isNull()).isTrue();
            }
        });
    }

    @Test
    void statusActionsAndMute() {
        rule("Snooze", "message_created", List.of(condition("content", "equal_to", List.of("snooze me"), null)),
                List.of(action("snooze_conversation")));
        rule("Resolve", "message_created", List.of(condition("content", "equal_to", List.of("resolve me"), null)),
                List.of(action("resolve_conversation")));
        rule("Mute", "message_created", List.of(condition("content", "equal_to", List.of("spam"), null)),
                List.of(action("mute_conversation")));
        rule("Reopen", "message_created", List.of(condition("content", "equal_to", List.of("open me"), null)),
                List.of(action("change_status", "open")));
        long snoozed = fixtures.conversation(fixtures.customer(inbox, "S"), "snooze me");
        long resolved = fixtures.conversation(fixtures.customer(inbox, "R"), "resolve me");
        Customer spammer = fixtures.customer(inbox, "Spammer");
        long muted = fixtures.conversation(spammer, "spam");
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(conversation(snoozed).get("status").asString()).isEqualTo("snoozed");
            assertThat(conversation(resolved).get("status").asString()).isEqualTo("resolved");
            assertThat(conversation(muted).get("status").asString()).isEqualTo("resolved");
        });
        assertThat(conversation(snoozed).get("snoozed_until").isNull()).isTrue();
        assertThat(team.admin().get(team.path("/contacts/" + spammer.contactId())).json().get("payload").get("blocked").asBoolean()).isTrue();
        anonymous().post(spammer.conversationsPath() + "/" + muted + "/messages", Map.of("content", "more spam")).expect(200);
        assertThat(conversation(muted).get("status").asString()).as("a blocked contact does not reopen").isEqualTo("resolved");
        team.admin().post(team.path("/conversations/" + resolved + "/messages"), Map.of("content", "open me", "message_type", "incoming")).expect(200);
        assertThat(conversation(resolved).get("status").asString()).isEqualTo("open");
    }

    @Test
    void openConversationAndLastRespondingAgent() {
        var bea = fixtures.user("Bea Backup", team.accountId(), "agent");
        team.admin().post(team.path("/inbox_members"), Map.of("inbox_id", inbox.id(), "user_ids", List.of(bea.id()))).expect(200);
        rule("Back to the last agent", "message_created", List.of(condition("content", "contains", List.of("follow-up"), null)),
                List.of(action("open_conversation"), action("assign_agent", "last_responding_agent")));
        long id = fixtures.conversation(customer, "first question");
        team.agent().as(bea.token()).post(team.path("/conversations/" + id + "/messages"), Map.of("content", "answered")).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/toggle_status"), Map.of("status", "pending")).expect(200);
        team.admin().post(team.path("/conversations/" + id + "/messages"), Map.of("content", "a follow-up", "message_type", "incoming")).expect(200);
        // the status opens at once, the rule's assignment comes after commit: look again while the assignee is still missing
        await().atMost(SOON).ignoreExceptions().untilAsserted(() -> {
            JsonNode c = conversation(id);
            assertThat(c.get("status").asString()).isEqualTo("open");
            assertThat(c.get("meta").get("assignee").get("id").asLong()).isEqualTo(bea.id());
        });
    }

    @Test
    void mailActionsSayMailIsNotConfigured() {
        long teamId = team.admin().post(team.path("/teams"), Map.of("name", "Mail")).expect(200).json().get("id").asLong();
        long ruleId = rule("Mail", "conversation_created", List.of(), List.of(
                action("send_email_to_team", Map.of("message", "New one", "team_ids", List.of(teamId))),
                action("send_email_transcript", "{{contact.email}}"),
                action("add_label", "mailed")));
        long id = fixtures.conversation(customer, "hi");
        await().atMost(SOON).untilAsserted(() -> assertThat(strings(conversation(id).get("labels"))).contains("mailed"));
        JsonNode run = executions(ruleId).get(0);
        assertThat(run.get("actions").get(0).get("outcome").asString()).isEqualTo("skipped: mail not configured");
        assertThat(run.get("actions").get(1).get("outcome").asString()).isEqualTo("skipped: mail not configured");
    }

    @Test
    void aFailingActionIsLoggedAndTheNextStillRuns() {
        long ruleId = rule("Brave", "conversation_created", List.of(), List.of(
                action("change_status", "closed"),
                action("assign_agent", 999999999),
                action("add_label", "after-failures")));
        long id = fixtures.conversation(customer, "hi");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(strings(conversation(id).get("labels"))).contains("after-failures"));
        JsonNode actions = executions(ruleId).get(0).get("actions");
        assertThat(actions.get(0).get("outcome").asString()).startsWith("failed:");
        assertThat(actions.get(1).get("outcome").asString()).startsWith("failed:");
        assertThat(actions.get(2).get("outcome").asString()).startsWith("done:");
    }

    @Test
    void webhookActionPostsTheConversation() throws Exception {
        var received = new java.util.concurrent.LinkedBlockingQueue<String>();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            rule("Hook", "conversation_created", List.of(), List.of(action("send_webhook_event",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook")));
            long id = fixtures.conversation(customer, "hi");
            String body = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(body).contains("\"event\":\"automation_event.conversation_created\"").contains("\"id\":" + id);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rulesThatUndoEachOtherSettleAndTheLogShowsTheGuard() {
        long add = rule("Add X", "conversation_updated", List.of(), List.of(action("add_label", "x")));
        long remove = rule("Remove X", "conversation_updated", List.of(), List.of(action("remove_label", "x")));
        long id = fixtures.conversation(customer, "hi");
        team.agent().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", "low")).expect(200);
        await().atMost(SOON).until(() -> executions(add).size() >= 2 && executions(remove).size() >= 2);
        pause(800);
        int settledAdd = executions(add).size();
        pause(800);
        assertThat(executions(add)).hasSize(settledAdd);
        List<String> reasons = new ArrayList<>();
        executions(add).forEach(e -> reasons.add(e.get("skipped_reason").isNull() ? "ran" : e.get("skipped_reason").asString()));
        assertThat(reasons).contains("ran").anyMatch(r -> r.contains("caused by automation"));
    }

    @Test
    void orderAndStopProcessingAreRespected() {
        long third = rule("Third", "conversation_created", List.of(), List.of(action("add_label", "third")), Map.of("position", 3));
        long first = rule("First", "conversation_created", List.of(), List.of(action("add_label", "first")), Map.of("position", 1));
        long stopper = rule("Stopper", "conversation_created", List.of(), List.of(action("add_label", "stopper")),
                Map.of("position", 2, "stop_processing", true));
        long id = fixtures.conversation(customer, "hi");
        await().atMost(SOON).until(() -> executions(third).size() == 1);
        assertThat(strings(conversation(id).get("labels"))).containsExactly("first", "stopper");
        assertThat(executions(third).get(0).get("skipped_reason").asString()).contains("Stopper");
        JsonNode log = team.admin().get(team.path("/conversations/" + id + "/automation_log")).expect(200).json().get("payload");
        List<String> order = new ArrayList<>();
        log.forEach(e -> order.add(0, e.get("rule_name").asString()));
        assertThat(order).containsExactly("First", "Stopper", "Third");
        assertThat(first).isNotEqualTo(stopper);
    }

    @Test
    void executionsExplainEachConditionWithTheValueItSaw() {
        long ruleId = rule("Explained", "conversation_updated", List.of(
                condition("status", "equal_to", List.of("resolved"), "AND"),
                condition("priority", "equal_to", List.of("high"), null)), List.of(action("add_label", "explained")));
        long id = fixtures.conversation(customer, "hi");
        team.agent().post(team.path("/conversations/" + id + "/toggle_priority"), Map.of("priority", "low")).expect(200);
        await().atMost(SOON).until(() -> !executions(ruleId).isEmpty());
        JsonNode run = executions(ruleId).get(0);
        assertThat(run.get("matched").asBoolean()).isFalse();
        assertThat(run.get("conversation_id").asLong()).isEqualTo(id);
        assertThat(run.get("conditions").get(0).get("seen").asString()).isEqualTo("open");
        assertThat(run.get("conditions").get(0).get("result").asBoolean()).isFalse();
        assertThat(run.get("conditions").get(1).get("seen").asString()).isEqualTo("low");
    }

    @Test
    void dryRunOnFiftyConversationsPredictsWhatTheRuleDoesAndChangesNothing() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long id = fixtures.conversation(fixtures.customer(inbox, "c" + i), i % 3 == 0 ? "refund please" : "hello");
            if (i % 2 == 0) team.agent().post(team.path("/conversations/" + id + "/labels"), Map.of("labels", List.of("vip"))).expect(200);
            ids.add(id);
        }
        var conditions = List.of(condition("labels", "equal_to", List.of("vip"), "AND"), condition("content", "contains", List.of("refund"), null));
        var actions = List.of(action("add_label", "priority-refund"), action("change_priority", "high"));
        Map<String, Object> candidate = Map.of("name", "VIP refunds", "event_name", "conversation_updated", "conditions", conditions,
                "actions", actions);
        JsonNode dry = team.admin().post(team.path("/automation_rules/dry_run"), Map.of("rule", candidate, "conversation_ids", ids))
                .expect(200).json().get("payload");
        assertThat(dry.size()).isEqualTo(50);
        List<Long> predicted = new ArrayList<>();
        dry.forEach(r -> {
            if (r.get("would_match").asBoolean()) predicted.add(r.get("conversation_id").asLong());
        });
        assertThat(predicted).isNotEmpty().hasSizeLessThan(50);
        assertThat(dry.get(ids.indexOf(predicted.get(0))).get("actions").get(0).get("would").asString()).isEqualTo("would add [priority-refund]");
        ids.forEach(id -> assertThat(strings(conversation(id).get("labels"))).doesNotContain("priority-refund"));

        long ruleId = rule("VIP refunds", "conversation_updated", conditions, actions);
        for (long id : ids) team.agent().post(team.path("/conversations/" + id + "/custom_attributes"), Map.of("custom_attributes", Map.of("touched", true))).expect(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> executions(ruleId).size() >= 50);
        List<Long> actual = new ArrayList<>();
        for (long id : ids) if (strings(conversation(id).get("labels")).contains("priority-refund")) actual.add(id);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(predicted);
    }

    @Test
    void dryRunOnTheLastConversationsOfASavedRule() {
        long ruleId = rule("Saved", "conversation_created", List.of(condition("status", "equal_to", List.of("open"), null)),
                List.of(action("assign_agent", "nil")), Map.of("active", false));
        for (int i = 0; i < 3; i++) fixtures.conversation(fixtures.customer(inbox, "d" + i), "hi");
        JsonNode dry = team.admin().post(team.path("/automation_rules/dry_run"), Map.of("rule_id", ruleId, "last", 2)).expect(200).json();
        assertThat(dry.get("payload").size()).isEqualTo(2);
        assertThat(dry.get("payload").get(0).get("actions").get(0).get("would").asString()).isEqualTo("no change (already unassigned)");
        assertThat(executions(ruleId)).isEmpty();
    }

    @Test
    void aRuleWhoseConditionsBreakTwiceSwitchesItselfOffAndAnUpdateRevivesIt() {
        long definition = team.admin().post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Order",
                "attribute_key", "order_no", "attribute_display_type", "text", "attribute_model", "conversation_attribute")).expect(200).json().get("id").asLong();
        var conditions = List.of(Map.<String, Object>of("attribute_key", "order_no", "filter_operator", "is_present", "values", List.of(),
                "custom_attribute_type", "conversation_attribute"));
        long ruleId = rule("Orders", "conversation_created", conditions, List.of(action("add_label", "order")));
        team.admin().delete(team.path("/custom_attribute_definitions/" + definition)).expect(200);
        fixtures.conversation(fixtures.customer(inbox, "e1"), "hi");
        fixtures.conversation(fixtures.customer(inbox, "e2"), "hi");
        await().atMost(SOON).untilAsserted(() -> assertThat(rule(ruleId).get("active").asBoolean()).isFalse());
        assertThat(rule(ruleId).get("disabled_reason").asString()).contains("order_no");
        assertThat(executions(ruleId).get(0).get("skipped_reason").asString()).contains("switched off");
        team.admin().post(team.path("/custom_attribute_definitions"), Map.of("attribute_display_name", "Order",
                "attribute_key", "order_no", "attribute_display_type", "text", "attribute_model", "conversation_attribute")).expect(200);
        JsonNode revived = team.admin().patch(team.path("/automation_rules/" + ruleId), Map.of("conditions", conditions, "active", true))
                .expect(200).json().get("payload");
        assertThat(revived.get("active").asBoolean()).isTrue();
        assertThat(revived.get("disabled_reason").isNull()).isTrue();
    }

    @Test
    void rulesApiSpeaksChatwoot() {
        var body = Map.of("name", "R", "description", "d", "event_name", "message_created",
                "conditions", List.of(condition("message_type", "equal_to", List.of("incoming"), null)),
                "actions", List.of(action("assign_team", 0)), "active", true);
        JsonNode created = team.admin().post(team.path("/automation_rules"), body).expect(200).json();
        long id = created.get("id").asLong();
        assertThat(created.get("created_on").asLong()).isPositive();
        assertThat(team.admin().get(team.path("/automation_rules")).json().get("payload").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(team.admin().patch(team.path("/automation_rules/" + id), Map.of("active", false)).expect(200).json().get("payload")
                .get("conditions").get(0).get("attribute_key").asString()).isEqualTo("message_type");
        JsonNode clone = team.admin().post(team.path("/automation_rules/" + id + "/clone"), Map.of()).expect(200).json().get("payload");
        assertThat(clone.get("id").asLong()).isNotEqualTo(id);
        assertThat(clone.get("actions")).isEqualTo(created.get("actions"));
        team.admin().delete(team.path("/automation_rules/" + id)).expect(200);
        team.admin().get(team.path("/automation_rules/" + id)).expect(404);

        JsonNode invalid = team.admin().post(team.path("/automation_rules"), Map.of("name", "Bad", "event_name", "message_created",
                "conditions", List.of(condition("colour", "equal_to", List.of("x"), "XOR"), condition("status", "looks_like", List.of("x"), null)),
                "actions", List.of(action("explode")))).expect(422).json().get("error");
        assertThat(invalid.get("conditions").toString()).contains("colour", "looks_like", "Query operator");
        assertThat(invalid.get("actions").toString()).contains("explode");

        team.agent().get(team.path("/automation_rules")).expect(401);
        Team other = fixtures.account();
        other.admin().get(other.path("/automation_rules/" + clone.get("id").asLong())).expect(404);
        team.admin().post(team.path("/automation_rules"), Map.of("name", "Attachment", "event_name", "message_created",
                "conditions", List.of(), "actions", List.of(action("send_attachment")))).expect(422);
    }

    @Test
    void aRedeliveredEventRunsEachRuleOnce() {
        long ruleId = rule("Once", "conversation_created", List.of(), List.of(action("send_message", "Welcome!")));
        long id = fixtures.conversation(customer, "hi");
        await().atMost(SOON).until(() -> executions(ruleId).size() == 1);
        var original = events.ofType(dev.parley.conversation.ConversationCreated.class).stream()
                .filter(e -> e.accountId() == team.accountId() && e.displayId() == id).findFirst().orElseThrow();
        redeliver(original);
        redeliver(original);
        pause(800);
        assertThat(executions(ruleId)).hasSize(1);
        assertThat(thread(id).stream().filter("Welcome!"::equals).count()).isEqualTo(1);
    }

    @Test
    void aBurstOfEventsIsLoggedOncePerEventAndOnlyTheMatchingOnesAct() {
        long never = rule("Never", "message_created", List.of(condition("content", "contains", List.of("zz-never"), null)),
                List.of(action("add_label", "never")));
        long hit = rule("Hit", "message_created", List.of(condition("content", "contains", List.of("hit-"), null)),
                List.of(action("add_label", "hit")));
        var publicApi = new dev.parley.support.Api(port, null);
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < 4; c++) ids.add(publicApi.post(customer.conversationsPath(), Map.of()).expect(200).json().get("id").asLong());
        // 4 conversations x 5 messages, written as fast as they are answered: the reactor gets them in batches
        for (int m = 0; m < 5; m++) {
            for (long id : ids) {
                String content = m == 2 && id == ids.get(1) ? "hit-" + m : "plain " + m;
                publicApi.post(customer.conversationsPath() + "/" + id + "/messages", Map.of("content", content)).expect(200);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> executions(never).size() == 20);
        assertThat(jdbc.sql("SELECT count(*), count(DISTINCT event_id) FROM automation_runs WHERE account_id = ? AND event_name = 'message_created'")
                .param(team.accountId()).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single()).containsExactly(20L, 20L);
        assertThat(executions(hit).stream().filter(e -> e.get("matched").asBoolean()).count()).isEqualTo(1);
        assertThat(executions(never)).allSatisfy(e -> {
            assertThat(e.get("matched").asBoolean()).isFalse();
            assertThat(e.get("conditions").get(0).get("attribute_key").asString()).isEqualTo("content");
        });
        for (long id : ids) assertThat(strings(conversation(id).get("labels"))).isEqualTo(id == ids.get(1) ? List.of("hit") : List.of());

        var unmatched = events.ofType(dev.parley.conversation.MessageCreated.class).stream()
                .filter(e -> e.accountId() == team.accountId() && e.displayId() == ids.get(0)).findFirst().orElseThrow();
        redeliver(unmatched);
        var matched = events.ofType(dev.parley.conversation.MessageCreated.class).stream()
                .filter(e -> e.accountId() == team.accountId() && e.displayId() == ids.get(1)).skip(2).findFirst().orElseThrow();
        redeliver(matched);
        pause(800);
        assertThat(executions(never)).hasSize(20);
        assertThat(jdbc.sql("SELECT count(*) FROM reactor_failures WHERE reactor = 'automation'").query(Long.class).single()).isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private void redeliver(Object event) {
        transactions.executeWithoutResult(tx -> publisher.publishEvent(event));
    }

    private JsonNode conversation(long id) {
        return team.admin().get(team.path("/conversations/" + id)).expect(200).json();
    }

    private JsonNode rule(long id) {
        return team.admin().get(team.path("/automation_rules/" + id)).expect(200).json().get("payload");
    }

    private List<JsonNode> executions(long ruleId) {
        List<JsonNode> list = new ArrayList<>();
        team.admin().get(team.path("/automation_rules/" + ruleId + "/executions")).expect(200).json().get("payload").forEach(list::add);
        return list;
    }

    private List<String> thread(long id) {
        List<String> lines = new ArrayList<>();
        team.admin().get(team.path("/conversations/" + id + "/messages")).json().get("payload").forEach(m -> lines.add(m.get("content").asString()));
        return lines;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
