package dev.parley.conversation.web;

import dev.parley.conversation.ConversationPage;

/** Chatwoot's conversation counts ({@code meta} of the conversation list, its filter and {@code conversations/meta}). */
record ConversationCountsJson(long mineCount, long unassignedCount, long assignedCount, long allCount) {

    static ConversationCountsJson of(ConversationPage page) {
        return new ConversationCountsJson(page.mineCount(), page.unassignedCount(), page.assignedCount(), page.allCount());
    }
}
