package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.Membership;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationPage;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MentionMarkup;
import dev.parley.contact.ContactQueries;
import java.util.HashMap;
import dev.parley.assignment.AssignmentInsights;
import dev.parley.inbox.InboxView;
import dev.parley.inbox.InboxQueries;
import dev.parley.web.DashboardUser;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Queue & workload: per inbox, who waits and why; per agent, presence and load. Live. */
@Controller
class QueueController {

    private static final int WAITING_SHOWN = 100; // as many as the assignment queue lists, in either order

    private final DashboardContext context;
    private final InboxQueries inboxes;
    private final AssignmentInsights assignment;
    private final ConversationQueries conversations;
    private final AccountQueries accounts;
    private final java.time.Clock clock;
    private final ContactQueries contacts;

    QueueController(DashboardContext context, InboxQueries inboxes, AssignmentInsights assignment, ConversationQueries conversations,
                    AccountQueries accounts, java.time.Clock clock, ContactQueries contacts) {
        this.contacts = contacts;
        this.context = context;
        this.inboxes = inboxes;
        this.assignment = assignment;
        this.conversations = conversations;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The account's counters at the top of the screen (what the caller may see). */
    record Counters(long open, long unassigned, long unattended, long pending) {
    }

    /** One inbox's section: its queue and its agents; rows says who waits (contact and last message) by display id. */
    record InboxQueue(InboxView inbox, Map<String, Object> queue, Map<Long, Waiting> rows) {
    }

    /** What a queue row shows of a waiting conversation besides its number, as the conversation cards do. */
    record Waiting(String contactName, String preview) {
    }

    @GetMapping("/app/accounts/{accountId}/queue")
    String page(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, Model model) {
        model(user, accountId, model);
        return "app/queue";
    }

    @GetMapping("/app/accounts/{accountId}/queue/fragment")
    String fragment(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, Model model) {
        model(user, accountId, model);
        return "app/queue :: queues";
    }

    private void model(DashboardUser user, long accountId, Model model) {
        Membership me = context.membership(user, accountId);
        List<InboxQueue> queues = inboxes.visibleTo(me).stream().map(i -> new InboxQueue(i, assignment.queue(accountId, i.id()), waiting(accountId, i))).toList();
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("queues", queues);
        ConversationPage open = conversations.list(me, new ConversationFilter("open", "all", null, null, null, null, null, 1));
        long unattended = conversations.list(me, new ConversationFilter("open", "all", null, null, null, null, null, 1, "unattended")).allCount();
        long pending = conversations.list(me, new ConversationFilter("pending", "all", null, null, null, null, null, 1)).allCount();
        model.addAttribute("counters", new Counters(open.allCount(), open.unassignedCount(), unattended, pending));
        model.addAttribute("now", clock.instant().getEpochSecond());
        model.addAttribute("agents", me.isAdministrator() ? accounts.agents(accountId) : List.of());
    }

    /** Contact name and last message of the conversations waiting in the inbox (a few queries, not one per row). */
    private Map<Long, Waiting> waiting(long accountId, InboxView inbox) {
        // the queue lists the first 100 in the inbox's order (longest or newest waiting first): both ends cover it
        Map<Long, ConversationView> byId = new java.util.LinkedHashMap<>();
        conversations.waiting(inbox.id(), true, WAITING_SHOWN, 0).forEach(c -> byId.put(c.id(), c));
        conversations.waiting(inbox.id(), false, WAITING_SHOWN, 0).forEach(c -> byId.put(c.id(), c));
        List<ConversationView> waiting = List.copyOf(byId.values());
        if (waiting.isEmpty()) return Map.of();
        Map<Long, String> names = new HashMap<>();
        contacts.findAll(accountId, waiting.stream().map(ConversationView::contactId).distinct().toList())
                .forEach((id, contact) -> names.put(id, contact.name()));
        Map<Long, ConversationQueries.CardFacts> facts = conversations.cardFacts(waiting);
        Map<Long, Waiting> rows = new HashMap<>();
        for (ConversationView c : waiting) {
            String preview = MentionMarkup.plain(facts.get(c.id()).lastMessage());
            rows.put(c.displayId(), new Waiting(names.getOrDefault(c.contactId(), "Unknown"),
                    preview.length() > 80 ? preview.substring(0, 77) + "..." : preview));
        }
        return rows;
    }
}
