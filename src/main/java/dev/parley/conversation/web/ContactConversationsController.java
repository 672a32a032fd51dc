package dev.parley.conversation.web;

import dev.parley.account.Membership;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A contact's conversations (Chatwoot's {@code GET /contacts/{id}/conversations}), limited to inboxes the caller sees. */
@RestController
class ContactConversationsController {

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final InboxQueries inboxes;
    private final ConversationPresenter presenter;

    ContactConversationsController(ConversationQueries conversations, ContactQueries contacts, InboxQueries inboxes,
                                   ConversationPresenter presenter) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.presenter = presenter;
    }

    @GetMapping("/api/v1/accounts/{accountId}/contacts/{contactId}/conversations")
    Map<String, Object> index(Membership me, @PathVariable long contactId) {
        contacts.get(me.accountId(), contactId);
        List<Long> visible = inboxes.visibleTo(me).stream().map(InboxView::id).toList();
        return Map.of("payload", presenter.conversations(conversations.ofContact(me.accountId(), contactId).stream()
                .filter(c -> visible.contains(c.inboxId())).toList()));
    }
}
