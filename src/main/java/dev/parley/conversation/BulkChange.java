package dev.parley.conversation;

import java.time.Instant;
import java.util.List;

/**
 * What a bulk action does to each selected conversation (Chatwoot's bulk_actions {@code fields}, {@code labels}
 * and {@code snoozed_until}). {@code setAssignee} / {@code setTeam} say whether the field was given at all, so
 * an explicit null unassigns while a missing field leaves the assignee alone.
 */
public record BulkChange(boolean setAssignee, Long assigneeId, boolean setTeam, Long teamId, ConversationStatus status,
                         Instant snoozedUntil, List<String> addLabels, List<String> removeLabels) {

    public boolean changesNothing() {
        return !setAssignee && !setTeam && status == null && addLabels.isEmpty() && removeLabels.isEmpty();
    }

    public static BulkChange assignee(Long assigneeId) {
        return new BulkChange(true, assigneeId, false, null, null, null, List.of(), List.of());
    }

    public static BulkChange team(Long teamId) {
        return new BulkChange(false, null, true, teamId, null, null, List.of(), List.of());
    }

    public static BulkChange status(ConversationStatus status, Instant snoozedUntil) {
        return new BulkChange(false, null, false, null, status, snoozedUntil, List.of(), List.of());
    }

    public static BulkChange labels(List<String> add) {
        return new BulkChange(false, null, false, null, null, null, add, List.of());
    }
}
