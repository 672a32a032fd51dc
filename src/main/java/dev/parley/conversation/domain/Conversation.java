package dev.parley.conversation.domain;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The conversation aggregate: guards state transitions and records what changed as Chatwoot's change
 * map ({@code attribute -> [before, after]}). A transition that changes nothing records nothing, which
 * is what lets commands publish no event for a no-op.
 */
public final class Conversation {

    private final ConversationView original;
    private ConversationStatus status;
    private Priority priority;
    private Long assigneeId;
    private Long teamId;
    private Instant snoozedUntil;
    private Instant waitingSince;
    private Instant firstReplyCreatedAt;
    private Instant lastActivityAt;
    private Instant contactLastSeenAt;
    private Map<String, Object> customAttributes;
    private List<String> labels;
    private final Map<String, List<Object>> changes = new LinkedHashMap<>();

    private Conversation(ConversationView v) {
        this.original = v;
        this.status = v.status();
        this.priority = v.priority();
        this.assigneeId = v.assigneeId();
        this.teamId = v.teamId();
        this.snoozedUntil = v.snoozedUntil();
        this.waitingSince = v.waitingSince();
        this.firstReplyCreatedAt = v.firstReplyCreatedAt();
        this.lastActivityAt = v.lastActivityAt();
        this.contactLastSeenAt = v.contactLastSeenAt();
        this.customAttributes = v.customAttributes();
        this.labels = v.labels();
    }

    public static Conversation of(ConversationView view) {
        return new Conversation(view);
    }

    /** Sets the status; {@code snoozedUntil} only counts for SNOOZED (null: until the customer writes). */
    public boolean changeStatus(ConversationStatus to, Instant until) {
        Instant newSnooze = to == ConversationStatus.SNOOZED ? until : null;
        if (to == status && Objects.equals(newSnooze, snoozedUntil)) return false;
        if (to != status) record("status", status.apiName(), to.apiName());
        status = to;
        if (!Objects.equals(newSnooze, snoozedUntil)) record("snoozed_until", unix(snoozedUntil), unix(newSnooze));
        snoozedUntil = newSnooze;
        if (to == ConversationStatus.RESOLVED) waitingSince = null; // Chatwoot clears it silently on resolve
        return true;
    }

    public boolean assign(Long userId) {
        if (Objects.equals(userId, assigneeId)) return false;
        record("assignee_id", assigneeId, userId);
        assigneeId = userId;
        return true;
    }

    public boolean changeTeam(Long newTeamId) {
        if (Objects.equals(newTeamId, teamId)) return false;
        record("team_id", teamId, newTeamId);
        teamId = newTeamId;
        return true;
    }

    public boolean changePriority(Priority to) {
        if (to == priority) return false;
        record("priority", priority == null ? null : priority.apiName(), to == null ? null : to.apiName());
        priority = to;
        return true;
    }

    /** Makes the labels exactly these (lower-cased, de-duplicated, in the given order). */
    public boolean replaceLabels(List<String> wanted) {
        List<String> next = new ArrayList<>(new LinkedHashSet<>(wanted.stream().map(l -> l.trim().toLowerCase()).toList()));
        if (new LinkedHashSet<>(next).equals(new LinkedHashSet<>(labels))) return false;
        record("label_list", List.copyOf(labels), List.copyOf(next));
        labels = next;
        return true;
    }

    public boolean addLabels(List<String> toAdd) {
        var next = new ArrayList<>(labels);
        toAdd.stream().map(l -> l.trim().toLowerCase()).filter(l -> !next.contains(l)).forEach(next::add);
        return replaceLabels(next);
    }

    public boolean removeLabels(List<String> toRemove) {
        var lowered = toRemove.stream().map(l -> l.trim().toLowerCase()).toList();
        return replaceLabels(labels.stream().filter(l -> !lowered.contains(l)).toList());
    }

    public boolean replaceCustomAttributes(Map<String, Object> attributes) {
        if (Objects.equals(attributes, customAttributes)) return false;
        record("custom_attributes", customAttributes, attributes);
        customAttributes = attributes;
        return true;
    }

    /**
     * A customer message arrived: a resolved or snoozed conversation opens again (unless the contact is
     * blocked), and the customer starts waiting if they were not already. Returns true when it reopened.
     */
    public boolean receiveIncoming(Instant at, boolean contactBlocked) {
        boolean reopened = false;
        if (!contactBlocked && (status == ConversationStatus.RESOLVED || status == ConversationStatus.SNOOZED)) {
            reopened = changeStatus(ConversationStatus.OPEN, null);
        }
        if (waitingSince == null) {
            record("waiting_since", null, unix(at));
            waitingSince = at;
        }
        lastActivityAt = at;
        return reopened;
    }

    /** An agent answered in public: the first answer is remembered, and the customer no longer waits. */
    public boolean recordHumanReply(Instant at) {
        boolean first = firstReplyCreatedAt == null;
        if (first) {
            record("first_reply_created_at", null, unix(at));
            firstReplyCreatedAt = at;
        }
        if (waitingSince != null) {
            record("waiting_since", unix(waitingSince), null);
            waitingSince = null;
        }
        return first;
    }

    public void touch(Instant at) {
        lastActivityAt = at;
    }

    public void markSeenByContact(Instant at) {
        contactLastSeenAt = at;
    }

    public Map<String, List<Object>> changes() {
        return Map.copyOf(changes);
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    public ConversationView original() {
        return original;
    }

    public ConversationView toView(Instant updatedAt) {
        var o = original;
        return new ConversationView(o.id(), o.accountId(), o.inboxId(), o.contactId(), o.contactInboxId(), o.displayId(), o.uuid(),
                status, priority, assigneeId, teamId, snoozedUntil, waitingSince, firstReplyCreatedAt, lastActivityAt,
                o.agentLastSeenAt(), contactLastSeenAt, o.additionalAttributes(), customAttributes, List.copyOf(labels),
                o.createdAt(), updatedAt);
    }

    private void record(String attribute, Object before, Object after) {
        List<Object> previous = changes.get(attribute);
        Object first = previous == null ? before : previous.get(0);
        if (Objects.equals(first, after)) {
            changes.remove(attribute);
        } else {
            changes.put(attribute, Arrays.asList(first, after));
        }
    }

    private static Long unix(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
