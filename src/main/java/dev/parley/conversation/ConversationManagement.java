package dev.parley.conversation;

import dev.parley.account.AccountQueries;
import dev.parley.account.Teams;
import dev.parley.attachment.Attachments;
import dev.parley.attachment.Upload;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.application.ConversationChanges;
import dev.parley.conversation.application.MessagePosting;
import dev.parley.conversation.domain.ActivityMessages;
import dev.parley.conversation.domain.ActivityMessages.Reason;
import dev.parley.conversation.domain.Conversation;
import dev.parley.conversation.persistence.ConversationRepository;
import dev.parley.conversation.persistence.MessageRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.shared.Actor;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation module's command API. Every command locks the conversation row, applies the change
 * to the aggregate and, only if something changed, saves it with activity lines and events. Reactors
 * (assignment, automation, ...) call these with their own {@link Actor}.
 */
@Service
@Transactional
public class ConversationManagement {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationChanges changes;
    private final MessagePosting posting;
    private final InboxQueries inboxes;
    private final ContactQueries contacts;
    private final ContactManagement contactManagement;
    private final AccountQueries accounts;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Attachments attachments;

    public ConversationManagement(ConversationRepository conversations, MessageRepository messages, ConversationChanges changes,
                                  MessagePosting posting, InboxQueries inboxes, ContactQueries contacts,
                                  ContactManagement contactManagement, AccountQueries accounts, Teams teams,
                                  ApplicationEventPublisher events, Clock clock, Attachments attachments) {
        this.attachments = attachments;
        this.conversations = conversations;
        this.messages = messages;
        this.changes = changes;
        this.posting = posting;
        this.inboxes = inboxes;
        this.contacts = contacts;
        this.contactManagement = contactManagement;
        this.accounts = accounts;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    public ConversationView create(NewConversation n, Actor actor) {
        var errors = new Errors().oneOf("status", n.status(), ConversationStatus.apiNames());
        if (n.assigneeId() != null && accounts.agent(n.accountId(), n.assigneeId()).isEmpty()) {
            errors.add("assignee_id", "is not an agent of this account");
        }
        if (n.teamId() != null && teams.find(n.accountId(), n.teamId()).isEmpty()) errors.add("team_id", "does not exist");
        errors.attributeLengths("additional_attributes", n.additionalAttributes()).attributeLengths("custom_attributes", n.customAttributes());
        errors.throwIfAny();
        inboxes.get(n.accountId(), n.inboxId());
        ContactView contact = contacts.get(n.accountId(), n.contactId());
        ConversationStatus status = contact.blocked() ? ConversationStatus.RESOLVED
                : n.status() == null ? ConversationStatus.OPEN : ConversationStatus.fromApi(n.status());
        Instant now = clock.instant();
        long displayId = conversations.nextDisplayId(n.accountId());
        ConversationView created = conversations.insert(new ConversationView(0, n.accountId(), n.inboxId(), n.contactId(),
                n.contactInboxId(), displayId, UUID.randomUUID(), status, null, n.assigneeId(), n.teamId(), null,
                now, null, now, null, null, orEmpty(n.additionalAttributes()), orEmpty(n.customAttributes()), List.of(), now, now));
        events.publishEvent(new ConversationCreated(UUID.randomUUID(), now, created.accountId(), created.id(), created.displayId(),
                created.inboxId(), created.contactId(), created.status(), created.assigneeId(), created.teamId(), actor));
        return created;
    }

    /** Sets a status (snoozedUntil only for snoozed); optionally assigns the caller when it reopens an unassigned one. */
    public ConversationView changeStatus(long accountId, long displayId, ConversationStatus to, Instant snoozedUntil, Actor actor,
                                         boolean assignCallerIfOpened) {
        if (to == ConversationStatus.SNOOZED && snoozedUntil != null && !snoozedUntil.isAfter(clock.instant())) {
            throw InvalidInput.of("snoozed_until", "must be in the future");
        }
        Conversation c = Conversation.of(lock(accountId, displayId));
        c.changeStatus(to, snoozedUntil);
        boolean reopened = to == ConversationStatus.OPEN && c.original().status() != ConversationStatus.OPEN;
        if (assignCallerIfOpened && reopened && c.original().assigneeId() == null && actor.isUser()) {
            c.assign(actor.id());
        }
        return changes.save(c, actor, Reason.NONE);
    }

    /**
     * Chatwoot's mute: the conversation is resolved and its contact blocked, so the contact's next messages
     * do not reopen anything; {@code muted} on a conversation is its contact being blocked.
     */
    public ConversationView mute(long accountId, long displayId, Actor actor) {
        ConversationView c = changeStatus(accountId, displayId, ConversationStatus.RESOLVED, null, actor, false);
        block(c, true, actor);
        return c;
    }

    /** Chatwoot's unmute: the contact is unblocked; the conversation keeps its status. */
    public ConversationView unmute(long accountId, long displayId, Actor actor) {
        ConversationView c = lock(accountId, displayId);
        block(c, false, actor);
        return c;
    }

    /** Blocks or unblocks the conversation's contact, with Chatwoot's activity line when that changed something. */
    private void block(ConversationView c, boolean blocked, Actor actor) {
        if (contacts.get(c.accountId(), c.contactId()).blocked() == blocked) return;
        contactManagement.update(c.accountId(), c.contactId(), blocked(blocked), actor);
        changes.activity(c, ActivityMessages.who(actor) + (blocked ? " has muted the conversation" : " has unmuted the conversation"), actor);
    }

    private static dev.parley.contact.ContactInput blocked(boolean blocked) {
        return new dev.parley.contact.ContactInput(null, null, null, null, blocked, null, null);
    }

    /** Chatwoot's toggle without a status: open becomes resolved, anything else becomes open. */
    public ConversationStatus toggledStatus(long accountId, long displayId) {
        ConversationView current = find(accountId, displayId);
        return current.status() == ConversationStatus.OPEN ? ConversationStatus.RESOLVED : ConversationStatus.OPEN;
    }

    /** Manual assignment: any member of the conversation's inbox, or an administrator of the account. */
    public ConversationView assign(long accountId, long displayId, long userId, Actor actor) {
        var agent = accounts.agent(accountId, userId).orElseThrow(() -> InvalidInput.of("assignee_id", "is not an agent of this account"));
        ConversationView current = find(accountId, displayId);
        if (agent.role() != dev.parley.account.Role.ADMINISTRATOR && !inboxes.isMember(current.inboxId(), userId)) {
            throw InvalidInput.of("assignee_id", "is not a member of this conversation's inbox");
        }
        return apply(accountId, displayId, actor, c -> c.assign(userId));
    }

    /**
     * Auto-assignment's command: assigns only if the conversation is still open and unassigned when
     * its row is locked, so a duplicated or late event can never override a person or assign twice.
     */
    public boolean assignIfWaiting(long conversationId, long userId, Actor actor) {
        return assignIfWaiting(conversationId, userId, actor, null);
    }

    /**
     * As {@link #assignIfWaiting(long, long, Actor)} for a member found through the conversation's team
     * after {@code teamChangedBy} set it: the line names who changed the team, as Chatwoot's
     * "Assigned to Alan via Billing by Ada" (the change itself stays auto-assignment's).
     */
    public boolean assignViaTeamIfWaiting(long conversationId, long userId, Actor actor, Actor teamChangedBy) {
        return assignIfWaiting(conversationId, userId, actor, teamChangedBy);
    }

    private boolean assignIfWaiting(long conversationId, long userId, Actor actor, Actor teamChangedBy) {
        Conversation c = Conversation.of(lockById(conversationId));
        if (c.original().status() != ConversationStatus.OPEN || c.original().assigneeId() != null) return false;
        c.assign(userId);
        Long teamId = c.original().teamId();
        String line = teamChangedBy == null || teamId == null ? null
                : "Assigned to " + accounts.agent(c.original().accountId(), userId).map(a -> a.availableName()).orElse("an agent")
                + " via " + teams.find(c.original().accountId(), teamId).map(t -> t.name()).orElse("a deleted team")
                + " by " + ActivityMessages.who(teamChangedBy);
        changes.save(c, actor, Reason.NONE, line);
        return true;
    }

    /** Removes the assignee if it is still {@code expectedAssignee}, with an activity line saying why. */
    public boolean releaseAssignee(long conversationId, long expectedAssignee, String why, Actor actor) {
        Conversation c = Conversation.of(lockById(conversationId));
        if (!java.util.Objects.equals(c.original().assigneeId(), expectedAssignee)) return false;
        c.assign(null);
        changes.save(c, actor, Reason.NONE, why);
        return true;
    }

    public ConversationView unassign(long accountId, long displayId, Actor actor) {
        return apply(accountId, displayId, actor, c -> c.assign(null));
    }

    /** Sets or clears the team; an assignee who is not in the new team is unassigned (Chatwoot's team rule). */
    public ConversationView assignTeam(long accountId, long displayId, Long teamId, Actor actor) {
        List<Long> members = teamId == null ? null : teams.find(accountId, teamId)
                .map(t -> teams.memberIds(accountId, t.id()))
                .orElseThrow(() -> InvalidInput.of("team_id", "does not exist"));
        return apply(accountId, displayId, actor, c -> {
            boolean changed = c.changeTeam(teamId);
            Long assignee = c.original().assigneeId();
            if (changed && members != null && assignee != null && !members.contains(assignee)) c.assign(null);
            return changed;
        });
    }

    public ConversationView changePriority(long accountId, long displayId, String priority, Actor actor) {
        if (priority != null && !"nil".equals(priority) && !priority.isBlank()) {
            new Errors().oneOf("priority", priority, Priority.apiNames()).throwIfAny();
        }
        return apply(accountId, displayId, actor, c -> c.changePriority(Priority.fromApi(priority)));
    }

    public ConversationView replaceLabels(long accountId, long displayId, List<String> labels, Actor actor) {
        return apply(accountId, displayId, actor, c -> c.replaceLabels(checkLabels(labels)));
    }

    public ConversationView addLabels(long accountId, long displayId, List<String> labels, Actor actor) {
        return apply(accountId, displayId, actor, c -> c.addLabels(checkLabels(labels)));
    }

    public ConversationView removeLabels(long accountId, long displayId, List<String> labels, Actor actor) {
        return apply(accountId, displayId, actor, c -> c.removeLabels(labels == null ? List.of() : labels));
    }

    public ConversationView replaceCustomAttributes(long accountId, long displayId, Map<String, Object> attributes, Actor actor) {
        if (attributes == null) throw InvalidInput.of("custom_attributes", "can't be blank");
        new Errors().attributeLengths("custom_attributes", attributes).throwIfAny();
        return apply(accountId, displayId, actor, c -> c.replaceCustomAttributes(new LinkedHashMap<>(attributes)));
    }

    /** Merges attributes into the conversation's custom attributes (a rule's set_custom_attribute). */
    public ConversationView mergeCustomAttributes(long accountId, long displayId, Map<String, Object> attributes, Actor actor) {
        new Errors().attributeLengths("custom_attributes", attributes).throwIfAny();
        return apply(accountId, displayId, actor, c -> {
            var merged = new LinkedHashMap<>(c.original().customAttributes());
            merged.putAll(attributes);
            return c.replaceCustomAttributes(merged);
        });
    }

    public MessageView postMessage(long accountId, long displayId, MessageInput input, Actor actor) {
        return postMessage(accountId, displayId, input, List.of(), actor);
    }

    /**
     * Posts a message with files: all of it is stored or none (files over the account's limits refuse the whole
     * message before anything is written; a failure after rolls the message back and removes the bytes put so far).
     */
    public MessageView postMessage(long accountId, long displayId, MessageInput input, List<Upload> files, Actor actor) {
        attachments.check(accountId, files);
        return posting.post(lock(accountId, displayId), input, files, actor);
    }

    /**
     * A customer's message in their own conversation (the public API): the conversation is locked and found to be
     * the contact's ({@code contactInboxId}) in one read, and the contact the caller read is the sender, so the hot
     * path reads neither twice. A conversation that is not theirs is not found.
     */
    public MessageView postFromContact(long accountId, long displayId, long contactInboxId, MessageInput input, List<Upload> files,
                                       ContactView sender) {
        attachments.check(accountId, files);
        ConversationView locked = conversations.lockByDisplayId(accountId, displayId)
                .filter(c -> c.contactInboxId() != null && c.contactInboxId() == contactInboxId)
                .orElseThrow(() -> new ResourceNotFound("Conversation"));
        return posting.post(locked, input, files, Actor.contact(sender.id(), sender.name()), sender);
    }

    public MessageView deleteMessage(long accountId, long displayId, long messageId, Actor actor) {
        ConversationView c = lock(accountId, displayId);
        MessageView message = messages.find(c.id(), messageId).orElseThrow(() -> new ResourceNotFound("Message"));
        if (message.messageType() == MessageType.ACTIVITY) throw InvalidInput.of("message", "activity messages cannot be deleted");
        var attributes = new LinkedHashMap<>(message.contentAttributes());
        attributes.put("deleted", true);
        messages.softDelete(messageId, attributes);
        attachments.removeFromMessage(messageId);
        events.publishEvent(new MessageUpdated(java.util.UUID.randomUUID(), clock.instant(), accountId, c.id(), displayId, c.inboxId(), messageId,
                actor));
        return messages.find(c.id(), messageId).orElseThrow();
    }

    /**
     * Chatwoot's message status update (an API channel reports delivery): sent, delivered, read or failed with
     * its external error; a read message does not go back to delivered.
     */
    public MessageView updateMessageStatus(long accountId, long displayId, long messageId, String status, String externalError,
                                           Actor actor) {
        new Errors().requireText("status", status)
                .oneOf("status", status, List.of("sent", "delivered", "read", "failed")).throwIfAny();
        ConversationView c = lock(accountId, displayId);
        MessageView message = messages.find(c.id(), messageId).orElseThrow(() -> new ResourceNotFound("Message"));
        if ("read".equals(message.status()) && "delivered".equals(status)) {
            throw InvalidInput.of("status", "cannot go back from read to delivered");
        }
        var attributes = new LinkedHashMap<>(message.contentAttributes());
        if ("failed".equals(status) && externalError != null) attributes.put("external_error", externalError);
        return changeMessage(c, message, status, attributes, actor);
    }

    /** The customer's answer to a form or options message (Chatwoot's {@code submitted_values}). */
    public MessageView submitValues(long accountId, long displayId, long messageId, List<Object> submittedValues, Actor actor) {
        if (submittedValues == null) throw InvalidInput.of("submitted_values", "can't be blank");
        ConversationView c = lock(accountId, displayId);
        MessageView message = messages.find(c.id(), messageId).orElseThrow(() -> new ResourceNotFound("Message"));
        var attributes = new LinkedHashMap<>(message.contentAttributes());
        attributes.put("submitted_values", submittedValues);
        return changeMessage(c, message, message.status(), attributes, actor);
    }

    private MessageView changeMessage(ConversationView c, MessageView message, String status, Map<String, Object> attributes,
                                      Actor actor) {
        if (status.equals(message.status()) && attributes.equals(message.contentAttributes())) return message;
        messages.updateStatus(message.id(), status, attributes);
        events.publishEvent(new MessageUpdated(java.util.UUID.randomUUID(), clock.instant(), c.accountId(), c.id(), c.displayId(),
                c.inboxId(), message.id(), actor));
        return messages.find(c.id(), message.id()).orElseThrow();
    }

    public void markSeenByContact(long accountId, long displayId) {
        ConversationView before = lock(accountId, displayId);
        Conversation c = Conversation.of(before);
        Instant now = clock.instant();
        c.markSeenByContact(now);
        ConversationView seen = c.toView(c.original().updatedAt());
        conversations.update(seen);
        if (hadUnseen(before.contactLastSeenAt(), before)) {
            events.publishEvent(new ConversationSeen(java.util.UUID.randomUUID(), now, accountId, seen.id(), displayId, seen.inboxId(), true, now));
        }
    }

    /** Someone started or stopped typing; announced only (Chatwoot's typing_on / typing_off), nothing is stored. */
    public void typing(long accountId, long displayId, boolean on, boolean isPrivate, Actor actor) {
        ConversationView c = conversations.findByDisplayId(accountId, displayId).orElseThrow(() -> new ResourceNotFound("Conversation"));
        events.publishEvent(new ConversationTypingChanged(java.util.UUID.randomUUID(), clock.instant(), accountId, c.id(), displayId,
                c.inboxId(), on, isPrivate, actor));
    }

    /**
     * A visitor proved to be a known contact (the website widget's verified {@code setUser}): the conversations of
     * their anonymous identity in the inbox, and the messages they wrote there, become the known contact's.
     */
    public void moveToContact(long fromContactInboxId, long fromContactId, long toContactId, long toContactInboxId) {
        List<Long> moved = conversations.moveContactInbox(fromContactInboxId, toContactId, toContactInboxId);
        messages.moveContactSender(moved, fromContactId, toContactId);
    }

    /** An agent opened the conversation: its customer messages so far are read. */
    public void markSeenByAgent(long conversationId) {
        Instant now = clock.instant();
        var before = conversations.findById(conversationId);
        conversations.markAgentSeen(conversationId, now);
        before.filter(c -> hadUnseen(c.agentLastSeenAt(), c)).ifPresent(c -> events.publishEvent(new ConversationSeen(
                java.util.UUID.randomUUID(), now, c.accountId(), c.id(), c.displayId(), c.inboxId(), false, now)));
    }

    /** Whether a look at the conversation saw something new (so looking again and again announces nothing). */
    private static boolean hadUnseen(Instant lastSeen, ConversationView c) {
        return lastSeen == null || (c.lastActivityAt() != null && lastSeen.isBefore(c.lastActivityAt()));
    }

    /**
     * Marks the conversation unread again (Chatwoot's "mark as unread"): the read mark moves to just before
     * the newest customer message, so that message counts as unread. Without customer messages nothing changes.
     */
    public void markUnreadByAgent(long conversationId) {
        messages.lastIncomingAt(conversationId)
                .ifPresent(at -> conversations.markAgentSeen(conversationId, at.minusMillis(1)));
    }

    /** Reopens snoozed conversations whose time has come; safe on several nodes (rows are locked and skipped). */
    public int reopenDueSnoozes(int limit) {
        List<Long> due = conversations.lockDueSnoozes(clock.instant(), limit);
        for (long id : due) {
            Conversation c = Conversation.of(conversations.lockById(id).orElseThrow());
            c.changeStatus(ConversationStatus.OPEN, null);
            changes.save(c, Actor.system(), Reason.SNOOZE_EXPIRED);
        }
        return due.size();
    }

    /** The contact inbox a conversation of this contact in this inbox should use (created on first use). */
    public long contactInboxFor(long accountId, long contactId, long inboxId) {
        return contactManagement.contactInboxFor(accountId, contactId, inboxId).id();
    }

    /**
     * Locks the conversation row until the caller's transaction ends and returns it as it is now: for a
     * reactor (automation) that must check the present before it acts on a conversation.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public ConversationView lockForChange(long conversationId) {
        return lockById(conversationId);
    }

    private ConversationView apply(long accountId, long displayId, Actor actor, Predicate<Conversation> change) {
        Conversation c = Conversation.of(lock(accountId, displayId));
        change.test(c);
        return c.hasChanges() ? changes.save(c, actor, Reason.NONE) : c.original();
    }

    private ConversationView lockById(long conversationId) {
        return conversations.lockById(conversationId).orElseThrow(() -> new ResourceNotFound("Conversation"));
    }

    private ConversationView lock(long accountId, long displayId) {
        return conversations.lockByDisplayId(accountId, displayId).orElseThrow(() -> new ResourceNotFound("Conversation"));
    }

    private ConversationView find(long accountId, long displayId) {
        return conversations.findByDisplayId(accountId, displayId).orElseThrow(() -> new ResourceNotFound("Conversation"));
    }

    private static List<String> checkLabels(List<String> labels) {
        if (labels == null) throw InvalidInput.of("labels", "can't be blank");
        List<String> invalid = labels.stream().filter(l -> !dev.parley.account.Labels.isValidTitle(l)).toList();
        if (!invalid.isEmpty()) throw InvalidInput.of("labels", "contain invalid titles: " + invalid);
        return labels;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }
}
