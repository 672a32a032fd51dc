package dev.parley.automation.application;

import dev.parley.automation.AutomationRuleView;
import dev.parley.automation.domain.Condition;
import dev.parley.automation.domain.TimeCondition;
import dev.parley.automation.domain.TimeCondition.Episode;
import java.time.Duration;
import java.util.List;

/**
 * When a timed rule's timer is armed and how long it waits. From a time condition: its episode (and status),
 * minutes and way of counting; each new start of the episode moves the clock (no agent reply since the
 * <em>last</em> customer message). From Chatwoot's {@code execution_delay}: a status episode for conversation
 * events, and for message_created the episode the message starts (a customer message: awaiting an agent, the
 * clock kept from the first unanswered one; an agent reply: awaiting the customer); the rule's conditions are
 * checked when armed as well as when due.
 *
 * @param episode null for a delayed message_created rule (the message decides)
 * @param status  the status a status episode waits in; null for "the status the conversation entered"
 */
record RuleTiming(Episode episode, String status, Duration waitFor, boolean businessHours, boolean fromExecutionDelay) {

    static RuleTiming of(AutomationRuleView rule, List<Condition> conditions) {
        TimeCondition time = TimeCondition.of(conditions);
        if (time != null) return new RuleTiming(time.episode(), time.status(), Duration.ofMinutes(time.minutes()), time.businessHours(), false);
        if (rule.executionDelay() == null) return null;
        Duration wait = Duration.ofMinutes(rule.executionDelay());
        return "message_created".equals(rule.eventName()) ? new RuleTiming(null, null, wait, false, true)
                : new RuleTiming(Episode.STATUS, null, wait, false, true);
    }

    /** Whether a message of this direction starts this rule's episode (for message rules). */
    Episode startedByMessage(boolean incoming) {
        if (episode == null) return incoming ? Episode.AWAITING_AGENT : Episode.AWAITING_CUSTOMER;
        if (episode == Episode.AWAITING_AGENT && incoming || episode == Episode.AWAITING_CUSTOMER && !incoming) return episode;
        return null;
    }

    /** Whether entering {@code status} starts this rule's status episode. */
    boolean startedByStatus(String status, String eventName, boolean creation) {
        if (episode != Episode.STATUS) return false;
        if (fromExecutionDelay) return creation || "conversation_updated".equals(eventName);
        return this.status.equals(status);
    }
}
