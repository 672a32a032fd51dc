package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ContactMerge;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.InvalidInput;
import dev.parley.web.DashboardUser;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contacts screen: the list (15 a page, searchable), a contact's page with its conversations (those the caller
 * may see), editing, and merging another contact into it (Chatwoot's contact merge). Agents may do all of it, as in
 * Chatwoot.
 */
@Controller
class ContactsPageController {

    private final DashboardContext context;
    private final ContactQueries contacts;
    private final ContactManagement contactManagement;
    private final ContactMerge merge;
    private final ConversationQueries conversations;
    private final InboxQueries inboxes;

    ContactsPageController(DashboardContext context, ContactQueries contacts, ContactManagement contactManagement, ContactMerge merge,
                           ConversationQueries conversations, InboxQueries inboxes) {
        this.context = context;
        this.contacts = contacts;
        this.contactManagement = contactManagement;
        this.merge = merge;
        this.conversations = conversations;
        this.inboxes = inboxes;
    }

    @GetMapping("/app/accounts/{accountId}/contacts")
    String list(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "1") int page, Model model) {
        Membership me = context.membership(user, accountId);
        long count = contacts.count(accountId, q);
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("q", q);
        model.addAttribute("page", Math.max(page, 1));
        model.addAttribute("count", count);
        model.addAttribute("hasNext", (long) Math.max(page, 1) * ContactQueries.PAGE_SIZE < count);
        model.addAttribute("contacts", contacts.page(accountId, q, page));
        return "app/contacts";
    }

    /** A contact, its conversations, the edit form; {@code merge_q} looks for a contact to merge into it, {@code merge} asks to confirm. */
    @GetMapping("/app/accounts/{accountId}/contacts/{contactId}")
    String contact(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long contactId,
                   @RequestParam(name = "merge_q", defaultValue = "") String mergeQuery, @RequestParam(name = "merge", required = false) Long mergeeId,
                   Model model) {
        Membership me = context.membership(user, accountId);
        ContactView contact = contacts.get(accountId, contactId);
        Map<Long, InboxView> visible = inboxes.visibleTo(me).stream().collect(Collectors.toMap(InboxView::id, Function.identity()));
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("contact", contact);
        model.addAttribute("contactName", SearchRows.nameOf(contact));
        model.addAttribute("inboxes", visible);
        model.addAttribute("conversations", visibleConversations(accountId, contactId, visible));
        model.addAttribute("mergeQuery", mergeQuery);
        model.addAttribute("candidates", mergeQuery.isBlank() ? List.of()
                : contacts.search(accountId, mergeQuery, 1).stream().filter(c -> c.id() != contactId).toList());
        if (mergeeId != null && mergeeId != contactId) {
            ContactView mergee = contacts.get(accountId, mergeeId);
            model.addAttribute("mergee", mergee);
            model.addAttribute("mergeeName", SearchRows.nameOf(mergee));
            model.addAttribute("mergeeConversations", conversations.ofContact(accountId, mergeeId).size());
        }
        return "app/contact";
    }

    @PostMapping("/app/accounts/{accountId}/contacts/{contactId}")
    String edit(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long contactId,
                @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                @RequestParam(name = "phone_number", defaultValue = "") String phoneNumber,
                @RequestParam(defaultValue = "") String identifier, Model model, RedirectAttributes redirect) {
        Membership me = context.membership(user, accountId);
        try {
            contactManagement.update(accountId, contactId, new ContactInput(name, email, phoneNumber, identifier, null, null, null), me.actor());
        } catch (InvalidInput e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorFields", e.errors().keySet());
            return contact(user, accountId, contactId, "", null, model);
        }
        redirect.addFlashAttribute("notice", "Saved.");
        return "redirect:/app/accounts/" + accountId + "/contacts/" + contactId;
    }

    /** Merges {@code mergee_id} into this contact: its conversations come here and it is deleted. */
    @PostMapping("/app/accounts/{accountId}/contacts/{contactId}/merge")
    String merge(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long contactId,
                 @RequestParam(name = "mergee_id") long mergeeId, RedirectAttributes redirect) {
        Membership me = context.membership(user, accountId);
        String mergeeName = SearchRows.nameOf(contacts.get(accountId, mergeeId));
        ContactView base = merge.merge(accountId, contactId, mergeeId, me.actor());
        redirect.addFlashAttribute("notice", mergeeName + " was merged into " + SearchRows.nameOf(base) + ".");
        return "redirect:/app/accounts/" + accountId + "/contacts/" + contactId;
    }

    private List<ConversationView> visibleConversations(long accountId, long contactId, Map<Long, InboxView> visible) {
        return conversations.ofContact(accountId, contactId).stream().filter(c -> visible.containsKey(c.inboxId())).toList();
    }
}
