package dev.parley.assignment.application;

import dev.parley.conversation.ConversationQueries;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net, not the mechanism: once a minute (and shortly after start) any inbox that still
 * has waiting conversations gets a routing pass, in case an event was lost to a bug or a crash.
 */
@Component
class SafetyNetSweep {

    private final AutoAssignment assignment;
    private final ConversationQueries conversations;

    SafetyNetSweep(AutoAssignment assignment, ConversationQueries conversations) {
        this.assignment = assignment;
        this.conversations = conversations;
    }

    @Scheduled(initialDelayString = "${parley.assignment.sweep-initial-delay:PT10S}", fixedDelayString = "${parley.assignment.sweep-interval:PT60S}")
    void sweep() {
        conversations.inboxesWithWaiting().forEach(pair -> assignment.assignWaiting(pair[0], pair[1]));
    }
}
