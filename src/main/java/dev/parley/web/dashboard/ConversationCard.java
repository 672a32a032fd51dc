package dev.parley.web.dashboard;

import java.util.List;

/** What a conversation card in the list shows. */
record ConversationCard(long displayId, String contactName, String inboxName, String preview, String assigneeName, String status,
                        Long waitingMinutes, String priority, int unread, List<String> labels) {
}
