package dev.parley.assignment;

import dev.parley.assignment.application.AssignmentQueue;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the dashboard shows of routing: the waiting line of an inbox and the last decision for a conversation. */
@Service
public class AssignmentInsights {

    private final AssignmentQueue queue;

    public AssignmentInsights(AssignmentQueue queue) {
        this.queue = queue;
    }

    /** {@code meta} (agents with presence and load) and {@code payload} (waiting conversations with position and reason). */
    public Map<String, Object> queue(long accountId, long inboxId) {
        return queue.queue(accountId, inboxId);
    }

    public Optional<Map<String, Object>> lastDecision(long conversationId) {
        return queue.lastDecision(conversationId);
    }
}
