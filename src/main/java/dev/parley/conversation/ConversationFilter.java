package dev.parley.conversation;

import dev.parley.shared.filter.FilterRow;
import java.util.List;

/**
 * The list filters Chatwoot clients send: status (open by default, "all" for any), assignee_type
 * (me, unassigned, assigned, all), inbox, team, labels (any of), a search text, a sort order, a 1-based
 * page, a conversation_type (mention, participating, unattended; null for any) and advanced filter rows (a
 * saved folder's; null for none).
 */
public record ConversationFilter(String status, String assigneeType, Long inboxId, Long teamId, List<String> labels, String query,
                                 String sortBy, int page, String conversationType, List<FilterRow> advanced) {

    public ConversationFilter(String status, String assigneeType, Long inboxId, Long teamId, List<String> labels, String query,
                              String sortBy, int page) {
        this(status, assigneeType, inboxId, teamId, labels, query, sortBy, page, null, null);
    }

    public ConversationFilter(String status, String assigneeType, Long inboxId, Long teamId, List<String> labels, String query,
                              String sortBy, int page, String conversationType) {
        this(status, assigneeType, inboxId, teamId, labels, query, sortBy, page, conversationType, null);
    }

    /** The sort orders of Chatwoot's list (and their older sort_on_* names). */
    public static final List<String> SORT_ORDERS = List.of("last_activity_at_desc", "last_activity_at_asc", "created_at_desc",
            "created_at_asc", "priority_desc", "priority_asc", "waiting_since_asc", "waiting_since_desc");

    public static final List<String> CONVERSATION_TYPES = List.of("mention", "participating", "unattended");
}
