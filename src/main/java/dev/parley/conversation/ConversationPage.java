package dev.parley.conversation;

import java.util.List;

/** One page of conversations and the counts of the list's tabs. */
public record ConversationPage(List<ConversationView> conversations, long mineCount, long unassignedCount, long assignedCount,
                               long allCount) {
}
