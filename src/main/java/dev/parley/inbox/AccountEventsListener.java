package dev.parley.inbox;

import dev.parley.account.AgentRemoved;
import dev.parley.shared.reactors.Reactor;
import dev.parley.shared.reactors.Reacts;
import org.springframework.stereotype.Component;

/** An agent who leaves an account leaves its inboxes too (idempotent: deleting twice deletes nothing). */
@Component
@Reactor("inbox-members")
class AccountEventsListener {

    private final InboxManagement inboxes;

    AccountEventsListener(InboxManagement inboxes) {
        this.inboxes = inboxes;
    }

    @Reacts
    void on(AgentRemoved event) {
        inboxes.removeFromAccount(event.accountId(), event.userId());
    }
}
