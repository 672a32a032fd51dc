package dev.parley.conversation.application;

import dev.parley.conversation.ConversationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reopens snoozed conversations when their time comes (every {@code parley.snooze.check-interval}). */
@Component
class SnoozeTimer {

    private static final Logger log = LoggerFactory.getLogger(SnoozeTimer.class);
    private final ConversationManagement conversations;

    SnoozeTimer(ConversationManagement conversations) {
        this.conversations = conversations;
    }

    @Scheduled(fixedDelayString = "${parley.snooze.check-interval}", initialDelayString = "${parley.snooze.check-interval}")
    void reopenDue() {
        int reopened;
        do {
            reopened = conversations.reopenDueSnoozes(100);
            if (reopened > 0) log.info("Reopened {} snoozed conversation(s)", reopened);
        } while (reopened == 100);
    }
}
