package dev.parley.conversation.application;

import dev.parley.account.AccountQueries;
import dev.parley.attachment.Attachments;
import dev.parley.attachment.Upload;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import dev.parley.conversation.domain.ActivityMessages.Reason;
import dev.parley.conversation.domain.Conversation;
import dev.parley.conversation.persistence.MentionRepository;
import dev.parley.conversation.persistence.MessageRepository;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Posts a message into a locked conversation, in one transaction with what it does to the
 * conversation: a customer message reopens a resolved or snoozed conversation and starts the wait; an
 * agent's public reply sets the first reply time and ends the wait; a rule's message does neither.
 */
@Component
public class MessagePosting {

    static final int MAX_CONTENT = 150_000;

    private final MessageRepository messages;
    private final ConversationChanges changes;
    private final ContactQueries contacts;
    private final ContactManagement contactManagement;
    private final MentionRepository mentions;
    private final AccountQueries accounts;
    private final Clock clock;
    private final Attachments attachments;

    public MessagePosting(MessageRepository messages, ConversationChanges changes, ContactQueries contacts,
                          ContactManagement contactManagement, MentionRepository mentions, AccountQueries accounts, Clock clock,
                          Attachments attachments) {
        this.attachments = attachments;
        this.messages = messages;
        this.mentions = mentions;
        this.accounts = accounts;
        this.changes = changes;
        this.contacts = contacts;
        this.contactManagement = contactManagement;
        this.clock = clock;
    }

    public MessageView post(ConversationView locked, MessageInput input, Actor actor) {
        return post(locked, input, java.util.List.of(), actor);
    }

    public MessageView post(ConversationView locked, MessageInput input, java.util.List<Upload> files, Actor actor) {
        return post(locked, input, files, actor, null);
    }

    /**
     * Posts with the conversation's contact already read in this transaction by the caller ({@code sender}; null:
     * read here), so an incoming message reads its contact once.
     */
    public MessageView post(ConversationView locked, MessageInput input, java.util.List<Upload> files, Actor actor, ContactView sender) {
        MessageType type = check(input, !files.isEmpty());
        if (input.sourceId() != null) {
            var existing = messages.bySourceId(locked.id(), input.sourceId());
            if (existing.isPresent()) return existing.get();
        }
        Instant now = clock.instant();
        Conversation conversation = Conversation.of(locked);
        var attributes = new LinkedHashMap<String, Object>(input.contentAttributes() == null ? Map.of() : input.contentAttributes());
        String senderType = null;
        Long senderId = null;
        Actor changeActor = actor;
        Reason reason = Reason.NONE;
        boolean humanReply = false;
        boolean firstReply = false;
        if (type == MessageType.INCOMING) {
            ContactView contact = sender != null && sender.id() == locked.contactId() ? sender
                    : contacts.get(locked.accountId(), locked.contactId());
            senderType = "Contact";
            senderId = contact.id();
            changeActor = Actor.contact(contact.id(), contact.name());
            if (conversation.receiveIncoming(now, contact.blocked())) reason = Reason.INCOMING_MESSAGE;
            contactManagement.recordActivity(contact, now);
        } else {
            if (actor.isUser()) {
                senderType = "User";
                senderId = actor.id();
            } else if (actor.isAutomation()) {
                attributes.put("automation_rule_id", actor.id());
            }
            humanReply = actor.isUser() && !input.isPrivate() && type == MessageType.OUTGOING;
            if (humanReply) firstReply = conversation.recordHumanReply(now);
            conversation.touch(now);
        }
        MessageView message = messages.insert(new MessageView(0, locked.accountId(), locked.inboxId(), locked.id(), type,
                input.content(), input.contentType() == null ? "text" : input.contentType(), attributes,
                type != MessageType.INCOMING && input.isPrivate(), "sent", senderType, senderId, input.sourceId(), input.echoId(), now));
        attachments.attach(locked.accountId(), message.id(), files);
        if (message.isPrivate() && message.content() != null) recordMentions(message);
        changes.announceMessage(locked, message, humanReply, firstReply, locked.waitingSince(), actor);
        changes.save(conversation, changeActor, reason);
        return message;
    }

    /** Members of the account named in a note's mention markup; ids of non-members are ignored. */
    private void recordMentions(MessageView note) {
        var userIds = new java.util.LinkedHashSet<Long>();
        Matcher m = dev.parley.conversation.MentionMarkup.PATTERN.matcher(note.content());
        while (m.find()) {
            long userId = Long.parseLong(m.group(2));
            if (accounts.agent(note.accountId(), userId).isPresent()) userIds.add(userId);
        }
        if (!userIds.isEmpty()) mentions.record(note.accountId(), note.conversationId(), note.id(), userIds, note.createdAt());
    }

    /** A message needs text unless it carries files (Chatwoot lets a file go alone). */
    private static MessageType check(MessageInput input, boolean withFiles) {
        var errors = new Errors().maxLength("content", input.content(), MAX_CONTENT)
                .maxLength("source_id", input.sourceId(), 255); // looked up through a unique index
        if (!withFiles) errors.requireText("content", input.content());
        String typeName = input.messageType() == null ? "outgoing" : input.messageType();
        MessageType type = null;
        try {
            type = MessageType.fromApi(typeName);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            errors.add("message_type", "must be one of incoming, outgoing, template");
        }
        if (type == MessageType.ACTIVITY) errors.add("message_type", "must be one of incoming, outgoing, template");
        errors.throwIfAny();
        if (type == MessageType.INCOMING && input.isPrivate()) throw InvalidInput.of("private", "an incoming message cannot be private");
        return type;
    }
}
