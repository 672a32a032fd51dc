package dev.parley.reporting;

import java.util.List;

/**
 * What a report is about: the account, one agent, inbox, team or label. Resolutions, response and
 * reply times belong to the agent recorded in the event; conversation and message counts, like
 * Chatwoot's, to the conversation's current assignee, team and labels.
 */
public record Scope(String type, Long id, String label) {

    public static final List<String> TYPES = List.of("account", "agent", "inbox", "team", "label");

    /** SQL condition on reporting_events {@code e} for facts credited to a person (resolutions, response times). */
    String creditedEvents() {
        return switch (type) {
            case "agent" -> "e.user_id = " + id;
            case "inbox" -> "e.inbox_id = " + id;
            case "team" -> "e.conversation_id IN (SELECT c.id FROM conversations c WHERE c.team_id = " + id + ")";
            case "label" -> "e.conversation_id IN (SELECT c.id FROM conversations c WHERE c.labels @> ARRAY[?]::text[])";
            default -> "true";
        };
    }

    /** SQL condition on reporting_events {@code e} for message facts (by the conversation's current assignee for agents). */
    String messageEvents() {
        return "agent".equals(type)
                ? "e.conversation_id IN (SELECT c.id FROM conversations c WHERE c.assignee_id = " + id + ")"
                : creditedEvents();
    }

    /** SQL condition on conversations {@code c}. */
    String conversations() {
        return switch (type) {
            case "agent" -> "c.assignee_id = " + id;
            case "inbox" -> "c.inbox_id = " + id;
            case "team" -> "c.team_id = " + id;
            case "label" -> "c.labels @> ARRAY[?]::text[]";
            default -> "true";
        };
    }

    boolean needsLabelParameter() {
        return "label".equals(type);
    }
}
