package dev.parley.email.application;

import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.email.domain.EmailSettings;
import dev.parley.email.persistence.OutboxRepository;
import dev.parley.email.persistence.ReceivedMailRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a public outgoing message of an email inbox (an agent's reply, a rule's send_message) in the outbox, once per
 * message, with its Message-ID fixed now. A rule's message answering an automatic mail (auto-reply, bulk, bounce)
 * is not sent, so two robots never write to each other; the message says why.
 */
@Component
class Outbox {

    static final String NOT_ANSWERING_ROBOTS = "not sent: the customer's last mail was an automatic reply, which automatic messages never answer";

    private final InboxQueries inboxes;
    private final OutboxRepository outbox;
    private final ReceivedMailRepository received;
    private final ConversationManagement conversations;

    Outbox(InboxQueries inboxes, OutboxRepository outbox, ReceivedMailRepository received, ConversationManagement conversations) {
        this.inboxes = inboxes;
        this.outbox = outbox;
        this.received = received;
        this.conversations = conversations;
    }

    @Transactional
    void enqueue(MessageCreated m) {
        if (m.messageType() != MessageType.OUTGOING && m.messageType() != MessageType.TEMPLATE || m.isPrivate()) return;
        InboxView inbox = inboxes.byId(m.inboxId()).filter(i -> EmailInboxChannel.CHANNEL_TYPE.equals(i.channelType())).orElse(null);
        if (inbox == null || outbox.byMessage(m.messageId()).isPresent()) return;
        EmailSettings settings = EmailSettings.of(inbox.channel().all());
        String mailId = "parley." + m.conversationId() + "." + m.messageId() + "." + UUID.randomUUID().toString().substring(0, 8) + "@" + settings.domain();
        boolean automatic = m.automationRuleId() != null || m.causedBy() != null && m.causedBy().isAutomation();
        String refusal = automatic && received.lastWasAutomatic(m.conversationId()) ? NOT_ANSWERING_ROBOTS
                : !settings.smtpEnabled() ? "not sent: the inbox has no SMTP server (turn smtp_enabled on in its settings)" : null;
        outbox.add(m.accountId(), m.inboxId(), m.conversationId(), m.displayId(), m.messageId(), mailId,
                refusal == null ? "pending" : "suppressed", refusal);
        if (refusal != null) conversations.updateMessageStatus(m.accountId(), m.displayId(), m.messageId(), "failed", refusal, Actor.system());
    }
}
