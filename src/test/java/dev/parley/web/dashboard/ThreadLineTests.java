package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadLineTests {

    private static ThreadLine activity(String content, Long ruleId, String ruleName) {
        return new ThreadLine(1, "activity", "", content, "Nov 30, 07:00", ruleId, ruleName, null, false, List.of());
    }

    @Test
    void aRuleNamedInTheTextIsLinkedThereOnly() {
        ThreadLine line = activity("Conversation unassigned by Automation System (rule: Unassign on resolve)", 7L, "Unassign on resolve");
        assertThat(line.namesItsRule()).isTrue();
        assertThat(line.beforeRuleName()).isEqualTo("Conversation unassigned by Automation System (rule: ");
        assertThat(line.afterRuleName()).isEqualTo(")");
    }

    @Test
    void aRuleNotInTheTextKeepsItsOwnLink() {
        assertThat(activity("Hello from a rule", 7L, null).namesItsRule()).isFalse();
        assertThat(activity("Assigned to Ann", 7L, "Route VIPs").namesItsRule()).isFalse();
        assertThat(activity("Assigned to Ann by Route VIPs", null, "Route VIPs").namesItsRule()).isFalse();
    }
}
