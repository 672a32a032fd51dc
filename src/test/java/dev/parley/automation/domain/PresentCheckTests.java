package dev.parley.automation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.automation.domain.RuleEvaluatorTests.S;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Does what a rule matched at the event still hold now? Without a database. */
class PresentCheckTests {

    private static String check(String event, List<Map<String, Object>> raw, S atEvent, S now) {
        List<Condition> conditions = RuleDefinition.conditions(raw);
        Evaluation then = RuleEvaluator.evaluate(conditions, atEvent.build());
        assertThat(then.matched()).as("the rule matched at the event").isTrue();
        return PresentCheck.whatChanged(event, conditions, then, now.build());
    }

    @Test
    void theSeedRuleIsStaleOnceTheConversationWasReopened() {
        S resolved = new S();
        resolved.status = "resolved";
        S reopened = new S();
        reopened.assignee = 7L;
        var seed = List.of(RuleEvaluatorTests.c("status", "equal_to", List.of("resolved")));
        assertThat(check("conversation_updated", seed, resolved, reopened)).isEqualTo("status is now open");
        assertThat(check("conversation_updated", seed, resolved, resolved)).isNull();
    }

    @Test
    void aResolveEventWithoutConditionsStillNeedsTheConversationResolved() {
        S resolved = new S();
        resolved.status = "resolved";
        assertThat(check("conversation_resolved", List.of(), resolved, new S())).isEqualTo("status is now open");
        assertThat(check("conversation_resolved", List.of(), resolved, resolved)).isNull();
        assertThat(check("conversation_created", List.of(), new S(), resolved)).isNull();
    }

    @Test
    void namesEveryConditionThatNoLongerHoldsAndIgnoresChangesThatDoNotMatter() {
        S before = new S();
        before.priority = "high";
        before.labels = java.util.Set.of("vip");
        var rule = List.of(RuleEvaluatorTests.c("priority", "equal_to", List.of("high"), "and"),
                RuleEvaluatorTests.c("labels", "equal_to", List.of("vip")));
        S now = new S();
        assertThat(check("conversation_updated", rule, before, now)).isEqualTo("priority is now empty, labels is now empty");
        S onlyTeamChanged = new S();
        onlyTeamChanged.priority = "high";
        onlyTeamChanged.labels = java.util.Set.of("vip");
        onlyTeamChanged.team = 4L;
        assertThat(check("conversation_updated", rule, before, onlyTeamChanged)).isNull();
    }
}
