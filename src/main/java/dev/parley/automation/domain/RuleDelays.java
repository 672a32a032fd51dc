package dev.parley.automation.domain;

import dev.parley.shared.InvalidInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chatwoot's delayed rules (PR #15022): {@code execution_delay} is whole minutes from 10 to 43200 (30 days) on
 * {@code conversation_created}, {@code conversation_updated} and {@code message_created}; a delayed
 * conversation rule looks at {@code status} and {@code inbox_id} only, and no delayed rule at a change
 * ({@code attribute_changed}), which is over by the time the rule runs.
 */
public final class RuleDelays {

    public static final int MIN_MINUTES = 10;
    public static final int MAX_MINUTES = 43_200;
    public static final Set<String> EVENTS = Set.of("conversation_created", "conversation_updated", "message_created");
    private static final Set<String> CONVERSATION_KEYS = Set.of("status", "inbox_id");

    private RuleDelays() {
    }

    /** The delay in minutes, null for none; 422 for anything but a whole number from 10 to 43200. */
    public static Integer minutes(Object raw) {
        if (raw == null || "".equals(raw)) return null;
        BigDecimal n;
        try {
            n = raw instanceof Number number ? new BigDecimal(number.toString()) : new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("execution_delay", "must be a whole number of minutes");
        }
        if (n.stripTrailingZeros().scale() > 0) throw InvalidInput.of("execution_delay", "must be a whole number of minutes");
        if (n.compareTo(BigDecimal.valueOf(MIN_MINUTES)) < 0 || n.compareTo(BigDecimal.valueOf(MAX_MINUTES)) > 0) {
            throw InvalidInput.of("execution_delay", "must be between " + MIN_MINUTES + " and " + MAX_MINUTES + " minutes");
        }
        return n.intValue();
    }

    /** What is wrong with delaying a rule of this event and these conditions (empty when nothing). */
    public static List<String> check(String eventName, List<Map<String, Object>> rawConditions) {
        List<String> errors = new ArrayList<>();
        if (eventName != null && !EVENTS.contains(eventName)) {
            errors.add("is only possible on conversation_created, conversation_updated and message_created");
        }
        boolean conversationEvent = "conversation_created".equals(eventName) || "conversation_updated".equals(eventName);
        for (Condition c : RuleDefinition.conditions(rawConditions)) {
            if ("attribute_changed".equals(c.operator())) errors.add("cannot be used with attribute_changed conditions");
            else if (conversationEvent && !CONVERSATION_KEYS.contains(c.attributeKey())) {
                errors.add("on " + eventName + " allows only status and inbox_id conditions (not " + c.attributeKey() + ")");
            }
        }
        return errors.stream().distinct().toList();
    }
}
