package dev.parley.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.Fixtures.Customer;
import dev.parley.support.Fixtures.Inbox;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rule message templates are rendered in a sandbox: an include of a file renders nothing from the file system, in a
 * dry run, at save (422) and in a rule saved before the sandbox existed; huge loops and outputs are stopped within a
 * second and refused.
 */
class TemplateSandboxIntegrationTests extends IntegrationTest {

    private static final String INCLUDE = "{% include '/proc/self/environ' %}";

    @Autowired
    JdbcClient jdbc;

    private Team team;
    private Customer customer;

    @BeforeEach
    void world() {
        team = fixtures.account();
        Inbox inbox = fixtures.inbox(team, team.agentUser());
        customer = fixtures.customer(inbox, "carla customer");
    }

    private Map<String, Object> rule(String message) {
        return Map.of("name", "Greeter", "event_name", "message_created", "conditions", List.of(),
                "actions", List.of(Map.of("action_name", "send_message", "action_params", List.of(message))));
    }

    @Test
    void anIncludeIsRefusedAtSaveAndNothingIsCreated() {
        for (String template : List.of(INCLUDE, "{% include_relative 'x' %}", "{% include '../../etc/passwd' %}", "Hi {% include 'footer' %}")) {
            var answer = team.admin().post(team.path("/automation_rules"), rule(template)).expect(422);
            assertThat(answer.body()).contains("the template is refused (include").contains("is not allowed").doesNotContain("PATH=");
        }
        assertThat(team.admin().get(team.path("/automation_rules")).expect(200).json().get("payload").size()).isZero();
    }

    @Test
    void aDryRunOfAnIncludeShowsNothingOfTheFileSystem() {
        long id = fixtures.conversation(customer, "hello");
        var answer = team.admin().post(team.path("/automation_rules/dry_run"), Map.of("rule", rule(INCLUDE), "conversation_ids", List.of(id)));
        assertThat(answer.status()).isIn(200, 422);
        assertThat(answer.body()).doesNotContain("PATH=").doesNotContain("PARLEY_").doesNotContain(PLATFORM_TOKEN);
    }

    @Test
    void hugeLoopsAndOutputsAreRefusedWithinASecond() {
        for (String template : List.of("{% for i in (1..100000000) %}x{% endfor %}",
                "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}",
                "{% for i in (1..9000) %}0123456789{% endfor %}")) {
            long start = System.nanoTime();
            team.admin().post(team.path("/automation_rules"), rule(template)).expect(422);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        }
    }

    @Test
    void aRuleSavedBeforeTheSandboxPostsNothingFromTheFileSystem() {
        long ruleId = team.admin().post(team.path("/automation_rules"), rule("Hello {{contact.name}}")).expect(200).json().get("id").asLong();
        jdbc.sql("UPDATE automation_rules SET actions = ?::jsonb WHERE id = ?")
                .params("[{\"action_name\": \"send_message\", \"action_params\": [\"" + INCLUDE.replace("\"", "\\\"") + "\"]}]", ruleId).update();
        long id = fixtures.conversation(customer, "hello");
        await().atMost(Duration.ofSeconds(5)).until(() -> team.admin().get(team.path("/automation_rules/" + ruleId + "/executions"))
                .json().get("payload").size() > 0);
        var executions = team.admin().get(team.path("/automation_rules/" + ruleId + "/executions")).json().toString();
        assertThat(executions).contains("include is not allowed").doesNotContain("PATH=");
        var thread = team.admin().get(team.path("/conversations/" + id + "/messages")).expect(200).body();
        assertThat(thread).doesNotContain("PATH=").doesNotContain("HOME=");
    }
}
