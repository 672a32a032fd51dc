package dev.parley.email.application;

import dev.parley.conversation.ConversationManagement;
import dev.parley.email.domain.ParsedMail;
import dev.parley.email.persistence.OutboxRepository;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import org.springframework.stereotype.Component;

/** A delivery failure report marks the reply it bounces as failed, with the receiving server's reason. */
@Component
class Bounces {

    private final OutboxRepository outbox;
    private final ConversationManagement conversations;

    Bounces(OutboxRepository outbox, ConversationManagement conversations) {
        this.outbox = outbox;
        this.conversations = conversations;
    }

    /** True when the report named a mail this inbox sent, now marked failed. */
    boolean markBounced(InboxView inbox, ParsedMail.Bounce bounce) {
        if (bounce.originalMessageId() == null) return false;
        var sent = outbox.byMailMessageId(inbox.id(), bounce.originalMessageId());
        if (sent.isEmpty()) return false;
        String reason = "bounced: " + MailImport.truncate(bounce.reason(), 500);
        outbox.markFailed(sent.get().id(), reason);
        conversations.updateMessageStatus(sent.get().accountId(), sent.get().displayId(), sent.get().messageId(), "failed", reason,
                Actor.system());
        return true;
    }
}
