package dev.parley.assignment.web;

import dev.parley.account.Membership;
import dev.parley.assignment.application.AssignmentQueue;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.inbox.InboxQueries;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Why conversations wait, and why one went where it went. */
@RestController
class AssignmentQueueController {

    private final AssignmentQueue queue;
    private final InboxQueries inboxes;
    private final ConversationQueries conversations;

    AssignmentQueueController(AssignmentQueue queue, InboxQueries inboxes, ConversationQueries conversations) {
        this.queue = queue;
        this.inboxes = inboxes;
        this.conversations = conversations;
    }

    @GetMapping("/api/v1/accounts/{accountId}/inboxes/{inboxId}/assignment_queue")
    Map<String, Object> queue(Membership me, @PathVariable long inboxId) {
        inboxes.visible(me, inboxId);
        return queue.queue(me.accountId(), inboxId);
    }

    @GetMapping("/api/v1/accounts/{accountId}/conversations/{displayId}/assignment_decision")
    Map<String, Object> decision(Membership me, @PathVariable long displayId) {
        ConversationView c = conversations.visible(me, displayId);
        return Map.of("payload", queue.lastDecision(c.id()).orElse(Map.of()));
    }
}
