package dev.parley.sla;

import dev.parley.support.SecondNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Parley;
import dev.parley.automation.persistence.RuleRepository;
import dev.parley.shared.NodeCaches;
import dev.parley.support.Fixtures.Team;
import dev.parley.support.IntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database: what a node remembers per account (whether it has SLA policies, its rules version) is
 * forgotten on the other node when a change is made through the first one's API, and remembered in between (so a
 * message costs no read for it).
 */
class CachedFactsAcrossNodesIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SlaStore nodeOneSla;

    @Autowired
    NodeCaches nodeOneCaches;

    @Test
    void aPolicyOrRuleCreatedThroughOneNodeIsSeenByTheOther() throws Exception {
        try (ConfigurableApplicationContext nodeTwo = SecondNode.on(dataSource, "--parley.webhooks.allow-private=true")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> nodeTwo.getBean(NodeCaches.class).listening() && nodeOneCaches.listening());
            SlaStore nodeTwoSla = nodeTwo.getBean(SlaStore.class);
            RuleRepository nodeTwoRules = nodeTwo.getBean(RuleRepository.class);
            Team team = fixtures.account();
            long account = team.accountId();

            assertThat(nodeTwoSla.anyPolicy(account)).isFalse();
            // remembered: a policy written around Parley (no notice) is not read again on node two
            jdbc.sql("INSERT INTO sla_policies (account_id, name) VALUES (?, 'written straight')").param(account).update();
            assertThat(nodeTwoSla.anyPolicy(account)).isFalse();
            // a policy created through node one: node one knows at once, node two as soon as the notice arrives
            team.admin().post(team.path("/sla_policies"), Map.of("name", "Fast", "first_response_time_threshold", 600)).expect(200);
            assertThat(nodeOneSla.anyPolicy(account)).isTrue();
            await().atMost(Duration.ofSeconds(2)).until(() -> nodeTwoSla.anyPolicy(account));

            long known = nodeTwoRules.knownVersion(account);
            assertThat(nodeTwoRules.knownVersion(account)).isEqualTo(known);
            var rule = new LinkedHashMap<String, Object>();
            rule.put("name", "Nudge");
            rule.put("event_name", "message_created");
            rule.put("conditions", List.of());
            rule.put("actions", List.of(Map.of("action_name", "add_label", "action_params", List.of("nudged"))));
            rule.put("execution_delay", 10);
            team.admin().post(team.path("/automation_rules"), rule).expect(200);
            await().atMost(Duration.ofSeconds(2)).until(() -> nodeTwoRules.knownVersion(account) > known);
            assertThat(nodeTwoRules.knownVersion(account)).isEqualTo(nodeTwoRules.version(account));

            // a rule changed around Parley (straight SQL): the trigger that bumps the version announces it too
            long beforeStraightChange = nodeTwoRules.knownVersion(account);
            jdbc.sql("UPDATE automation_rules SET name = 'renamed straight' WHERE account_id = ?").param(account).update();
            await().atMost(Duration.ofSeconds(2)).until(() -> nodeTwoRules.knownVersion(account) > beforeStraightChange);
        }
    }
}
