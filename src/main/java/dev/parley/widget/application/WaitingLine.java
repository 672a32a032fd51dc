package dev.parley.widget.application;

import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visitor's place in the inbox's queue while their conversation waits for an agent (open and unassigned), in the
 * order the assignment module hands conversations out (longest waiting first): {@code {waiting, position}}.
 */
@Component
public class WaitingLine {

    /** Beyond this many ahead, the widget says "many" rather than a number. */
    static final int LOOK_AHEAD = 500;

    private final ConversationQueries conversations;

    WaitingLine(ConversationQueries conversations) {
        this.conversations = conversations;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> of(Visitor visitor) {
        return of(conversations.latestOfContactInbox(visitor.contactInbox().id()).orElse(null));
    }

    @Transactional(readOnly = true)
    public Map<String, Object> of(ConversationView current) {
        var json = new LinkedHashMap<String, Object>();
        boolean waiting = current != null && current.status() == ConversationStatus.OPEN && current.assigneeId() == null;
        json.put("waiting", waiting);
        Integer position = null;
        if (waiting) {
            List<ConversationView> line = conversations.waiting(current.inboxId(), true, LOOK_AHEAD, 0);
            for (int i = 0; i < line.size(); i++) {
                if (line.get(i).id() == current.id()) position = i + 1;
            }
        }
        json.put("position", position);
        return json;
    }
}
