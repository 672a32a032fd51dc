package dev.parley.conversation.domain;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Writes the activity lines a change leaves in the thread, in Chatwoot's English (its §11), always
 * naming who acted: an agent, a contact, "Automation System (rule: ...)", "Auto-assignment" or "System".
 */
public final class ActivityMessages {

    /** Why the status changed, when it was not a plain request. */
    public enum Reason { NONE, INCOMING_MESSAGE, SNOOZE_EXPIRED }

    private ActivityMessages() {
    }

    public static List<String> describe(ConversationView before, ConversationView after, Actor actor, Reason reason,
                                        LongFunction<String> agentName, LongFunction<String> teamName) {
        var lines = new ArrayList<String>();
        String who = who(actor);
        status(before, after, actor, reason, who, lines);
        boolean teamChanged = !Objects.equals(before.teamId(), after.teamId());
        boolean assigneeChanged = !Objects.equals(before.assigneeId(), after.assigneeId());
        if (teamChanged) {
            if (after.teamId() == null) {
                lines.add("Unassigned from " + teamName.apply(before.teamId()) + " by " + who);
            } else if (assigneeChanged && after.assigneeId() != null) {
                lines.add("Assigned to " + agentName.apply(after.assigneeId()) + " via " + teamName.apply(after.teamId()) + " by " + who);
            } else {
                lines.add("Assigned to " + teamName.apply(after.teamId()) + " by " + who);
            }
        }
        if (assigneeChanged && !(teamChanged && after.teamId() != null && after.assigneeId() != null)) {
            if (after.assigneeId() == null) {
                lines.add("Conversation unassigned by " + who);
            } else if (actor.isUser() && Objects.equals(actor.id(), after.assigneeId())) {
                lines.add(who + " self-assigned this conversation");
            } else {
                lines.add("Assigned to " + agentName.apply(after.assigneeId()) + " by " + who);
            }
        }
        labels(before, after, who, lines);
        priority(before, after, who, lines);
        return lines;
    }

    /** "Automation System (rule: Unassign on resolve)" for rules; the plain display name otherwise. */
    public static String who(Actor actor) {
        if (actor.isAutomation() && actor.name() != null) return "Automation System (rule: " + actor.name() + ")";
        return actor.displayName();
    }

    private static void status(ConversationView before, ConversationView after, Actor actor, Reason reason, String who,
                               List<String> lines) {
        if (before.status() == after.status()) return;
        if (reason == Reason.INCOMING_MESSAGE) {
            lines.add("System reopened the conversation due to a new incoming message.");
            return;
        }
        if (reason == Reason.SNOOZE_EXPIRED) {
            lines.add("Conversation was reopened by System because the snooze ended");
            return;
        }
        if (actor.kind() == Actor.Kind.CONTACT && after.status() == ConversationStatus.RESOLVED) {
            lines.add("Conversation was resolved by " + capitalize(actor.name()));
            return;
        }
        lines.add(switch (after.status()) {
            case RESOLVED -> "Conversation was marked resolved by " + who;
            case OPEN -> "Conversation was reopened by " + who;
            case PENDING -> "Conversation was marked as pending by " + who;
            case SNOOZED -> "Conversation was snoozed by " + who;
        });
    }

    private static void labels(ConversationView before, ConversationView after, String who, List<String> lines) {
        List<String> added = after.labels().stream().filter(l -> !before.labels().contains(l)).toList();
        List<String> removed = before.labels().stream().filter(l -> !after.labels().contains(l)).toList();
        if (!added.isEmpty()) lines.add(who + " added " + String.join(", ", added));
        if (!removed.isEmpty()) lines.add(who + " removed " + String.join(", ", removed));
    }

    private static void priority(ConversationView before, ConversationView after, String who, List<String> lines) {
        if (before.priority() == after.priority()) return;
        if (after.priority() == null) {
            lines.add(who + " removed the priority");
        } else if (before.priority() == null) {
            lines.add(who + " set the priority to " + after.priority().apiName());
        } else {
            lines.add(who + " changed the priority from " + before.priority().apiName() + " to " + after.priority().apiName());
        }
    }

    private static String capitalize(String name) {
        if (name == null || name.isBlank()) return "the contact";
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
