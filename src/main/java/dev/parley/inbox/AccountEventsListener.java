package dev.parley.inbox;

import dev.parley.account.AgentRemoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An agent who leaves an account leaves its inboxes too (idempotent: deleting twice deletes nothing). */
@Component
class AccountEventsListener {

    private final InboxManagement inboxes;

    AccountEventsListener(InboxManagement inboxes) {
        this.inboxes = inboxes;
    }

    @ApplicationModuleListener
    void on(AgentRemoved event) {
        inboxes.removeFromAccount(event.accountId(), event.userId());
    }
}
