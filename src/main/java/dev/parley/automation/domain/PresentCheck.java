package dev.parley.automation.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether what a rule matched at the event still holds on the conversation as it is now, before its
 * actions change anything: its conditions evaluated again on the present snapshot, and for
 * {@code conversation_resolved}/{@code conversation_opened} the status the event was about. A rule
 * reacting to a resolve must not act on a conversation that was reopened (and assigned) since.
 */
public final class PresentCheck {

    private PresentCheck() {
    }

    /** Null when the rule still matches; otherwise what changed, e.g. {@code "status is now open"}. */
    public static String whatChanged(String eventName, List<Condition> conditions, Evaluation atEvent, Snapshot present) {
        String impliedStatus = "conversation_resolved".equals(eventName) ? "resolved" : "conversation_opened".equals(eventName) ? "open" : null;
        if (impliedStatus != null && !impliedStatus.equals(present.status())) return "status is now " + present.status();
        Evaluation now = RuleEvaluator.evaluate(conditions, present);
        if (now.invalid() == null && now.matched()) return null;
        if (now.invalid() != null) return "its conditions cannot be evaluated now (" + now.invalid() + ")";
        List<String> changes = new ArrayList<>();
        for (ConditionResult result : now.conditions()) {
            boolean before = atEvent.conditions().stream().anyMatch(r -> r.index() == result.index() && r.result());
            if (before && !result.result()) changes.add(result.attributeKey() + " is now " + shown(result.seen()));
        }
        return changes.isEmpty() ? "its conditions no longer match" : String.join(", ", changes);
    }

    private static String shown(Object seen) {
        boolean empty = seen == null || "".equals(seen) || seen instanceof java.util.Collection<?> c && c.isEmpty();
        return empty ? "empty" : seen.toString();
    }
}
