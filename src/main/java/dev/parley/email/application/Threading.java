package dev.parley.email.application;

import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.email.domain.ParsedMail;
import dev.parley.email.persistence.OutboxRepository;
import dev.parley.email.persistence.ReceivedMailRepository;
import dev.parley.inbox.InboxView;
import java.util.ArrayList;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the conversation a mail belongs to: by the Message-IDs it answers (mail received or sent in this inbox),
 * then by a reply address carrying the conversation, then (when the inbox locks a customer to one conversation)
 * the customer's conversation that is not resolved. Empty means a new conversation.
 */
@Component
public class Threading {

    private final ReceivedMailRepository received;
    private final OutboxRepository outbox;
    private final ReplyAddress replyAddress;
    private final ConversationQueries conversations;

    Threading(ReceivedMailRepository received, OutboxRepository outbox, ReplyAddress replyAddress, ConversationQueries conversations) {
        this.received = received;
        this.outbox = outbox;
        this.replyAddress = replyAddress;
        this.conversations = conversations;
    }

    public Optional<ConversationView> find(InboxView inbox, ParsedMail mail, long contactInboxId) {
        for (String id : mail.answeredIds()) {
            Optional<Long> conversationId = outbox.byMailMessageId(inbox.id(), id).map(OutboxRepository.OutboxMail::conversationId)
                    .or(() -> received.conversationOf(inbox.id(), java.util.List.of(MailImport.key(id))));
            Optional<ConversationView> found = conversationId.flatMap(conversations::findById).filter(c -> c.inboxId() == inbox.id());
            if (found.isPresent()) return found;
        }
        var addresses = new ArrayList<>(mail.to());
        addresses.addAll(mail.cc());
        addresses.addAll(mail.deliveredTo());
        Optional<ConversationView> addressed = replyAddress.displayIdIn(inbox.id(), addresses)
                .flatMap(displayId -> conversations.find(inbox.accountId(), displayId)).filter(c -> c.inboxId() == inbox.id());
        if (addressed.isPresent()) return addressed;
        if (inbox.lockToSingleConversation()) {
            return conversations.latestOfContactInbox(contactInboxId).filter(c -> c.status() != ConversationStatus.RESOLVED);
        }
        return Optional.empty();
    }
}
