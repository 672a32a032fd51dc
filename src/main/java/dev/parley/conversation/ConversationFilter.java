package dev.parley.conversation;

import java.util.List;

/**
 * The list filters Chatwoot clients send: status (open by default, "all" for any), assignee_type
 * (me, unassigned, assigned, all), inbox, team, labels (any of), a search text and a 1-based page.
 */
public record ConversationFilter(String status, String assigneeType, Long inboxId, Long teamId, List<String> labels, String query,
                                 String sortBy, int page) {
}
