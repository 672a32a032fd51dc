package dev.parley.conversation;

import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactView;
import dev.parley.conversation.persistence.ConversationRepository;
import dev.parley.shared.Actor;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chatwoot's contact merge (ContactMergeAction), in one transaction: the mergee's conversations and the messages it
 * sent move to the base contact, then the contact module moves its contact inboxes, fills the base's blank fields
 * from it and deletes it. Merging a contact with itself changes nothing. It lives here because conversations are
 * this module's and the contact module must not know them.
 */
@Service
public class ContactMerge {

    private final ContactManagement contacts;
    private final ConversationRepository conversations;

    public ContactMerge(ContactManagement contacts, ConversationRepository conversations) {
        this.contacts = contacts;
        this.conversations = conversations;
    }

    @Transactional
    public ContactView merge(long accountId, long baseId, long mergeeId, Actor actor) {
        List<ContactView> both = contacts.lockForMerge(accountId, baseId, mergeeId);
        if (baseId == mergeeId) return both.get(0);
        conversations.moveToContact(accountId, mergeeId, baseId);
        return contacts.absorb(accountId, both.get(0), both.get(1), actor);
    }
}
