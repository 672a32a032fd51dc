package dev.parley.search.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.account.AgentPushJson;
import dev.parley.account.AgentView;
import dev.parley.contact.ContactPushJson;
import dev.parley.contact.ContactView;
import dev.parley.inbox.InboxView;
import dev.parley.search.ConversationHit;
import dev.parley.search.MessageHit;
import dev.parley.search.SearchResults;
import dev.parley.shared.Timestamps;
import java.util.Map;

/** Chatwoot's search partials (app/views/api/v1/accounts/search/_*.json.jbuilder): smaller than the resources' own JSON. */
final class SearchJson {

    private SearchJson() {
    }

    /** _conversation_search_result: the display id as {@code id}; absent parts are empty objects, as jbuilder renders them. */
    record Conversation(long id, long accountId, Long createdAt, Object message, Object contact, Object inbox, Object agent,
                        Map<String, Object> additionalAttributes) {
    }

    /** _contact. */
    record Contact(String email, long id, String name, String phoneNumber, String identifier, Map<String, Object> additionalAttributes,
                   Long lastActivityAt) {
    }

    /** _message: {@code conversation_id} is the display id; {@code sender} (the sender's push_event_data) only when there is one. */
    record Message(long id, String content, int messageType, String contentType, String sourceId, long inboxId, long conversationId,
                   Long createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) Object sender, Object inbox) {
    }

    /** _inbox. */
    record Inbox(long id, long channelId, String name, String channelType) {
    }

    /** _agent. */
    record Agent(long id, String availableName, String email, String name, String role) {
    }

    static Conversation conversation(ConversationHit c, SearchResults found) {
        MessageHit first = found.firstMessages().get(c.id());
        ContactView contact = found.contactsById().get(c.contactId());
        AgentView agent = c.assigneeId() == null ? null : found.agents().get(c.assigneeId());
        return new Conversation(c.displayId(), c.accountId(), Timestamps.unix(c.createdAt()),
                first == null ? Map.of() : message(first, found), contact == null ? Map.of() : contact(contact),
                inbox(found.inboxes().get(c.inboxId())),
                agent == null ? Map.of() : new Agent(agent.id(), agent.availableName(), agent.email(), agent.name(), agent.role().apiName()),
                c.additionalAttributes());
    }

    static Contact contact(ContactView c) {
        return new Contact(c.email(), c.id(), c.name(), c.phoneNumber(), c.identifier(), c.additionalAttributes(),
                Timestamps.unix(c.lastActivityAt()));
    }

    static Message message(MessageHit m, SearchResults found) {
        return new Message(m.id(), m.content(), m.messageType(), m.contentType(), m.sourceId(), m.inboxId(), m.displayId(),
                Timestamps.unix(m.createdAt()), sender(m, found), inbox(found.inboxes().get(m.inboxId())));
    }

    private static Object inbox(InboxView inbox) {
        return inbox == null ? Map.of() : new Inbox(inbox.id(), inbox.id(), inbox.name(), inbox.channelType());
    }

    /** Chatwoot's push_event_data of the sender: a user's or a contact's; null when it is gone. */
    private static Object sender(MessageHit m, SearchResults found) {
        if (m.senderId() == null) return null;
        if ("User".equals(m.senderType())) {
            AgentView a = found.agents().get(m.senderId());
            return a == null ? null : AgentPushJson.of(a);
        }
        ContactView c = found.contactsById().get(m.senderId());
        return c == null ? null : ContactPushJson.of(c);
    }
}
