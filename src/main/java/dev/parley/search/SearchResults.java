package dev.parley.search;

import dev.parley.account.AgentView;
import dev.parley.contact.ContactView;
import dev.parley.inbox.InboxView;
import java.util.List;
import java.util.Map;

/**
 * One page (15, as Chatwoot) of each kind searched, with what showing them needs, read once for the page:
 * the contacts of conversations and message senders, the inboxes, the agents and each conversation's first message.
 */
public record SearchResults(List<ConversationHit> conversations, List<ContactView> contacts, List<MessageHit> messages,
                            Map<Long, ContactView> contactsById, Map<Long, InboxView> inboxes, Map<Long, AgentView> agents,
                            Map<Long, MessageHit> firstMessages) {

    public boolean isEmpty() {
        return conversations.isEmpty() && contacts.isEmpty() && messages.isEmpty();
    }
}
