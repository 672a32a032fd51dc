package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Membership;
import dev.parley.account.Teams;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationPage;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.CustomFilters;
import dev.parley.conversation.MentionMarkup;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.filter.FilterRow;
import dev.parley.web.dashboard.ConversationListController.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the workspace page shows beside an open conversation (or none): the sidebar, the bulk bar's choices and
 * the list's cards and counts, shared by the list and the conversation routes and by the list's live refresh.
 */
@Component
class ConversationWorkspace {

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final InboxQueries inboxes;
    private final AccountQueries accounts;
    private final Teams teams;
    private final Sidebar sidebar;
    private final CustomFilters folders;
    private final Clock clock;

    ConversationWorkspace(ConversationQueries conversations, ContactQueries contacts, InboxQueries inboxes, AccountQueries accounts, Teams teams,
                          Sidebar sidebar, CustomFilters folders, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.accounts = accounts;
        this.teams = teams;
        this.sidebar = sidebar;
        this.folders = folders;
        this.clock = clock;
    }

    /** The whole page around the list: sidebar, bulk choices, the folder on screen, and the list itself. */
    void page(Membership me, String view, String status, Scope scope, Model model) {
        list(me, view, status, scope, scope.pageNumber(), 1, model);
        model.addAttribute("sidebar", sidebar.of(me));
        model.addAttribute("agents", accounts.agents(me.accountId()));
        model.addAttribute("teams", teams.all(me.accountId()));
        model.addAttribute("folder", scope.folder() == null ? null : folders.get(me, scope.folder()));
    }

    void list(Membership me, String view, String status, Scope scope, int firstPage, int pages, Model model) {
        String assigneeType = ConversationListController.assigneeType(view);
        List<ConversationView> shown = new ArrayList<>();
        ConversationPage page = null;
        List<FilterRow> folderRows = scope.folderRows(folders, me);
        for (int p = firstPage; p < firstPage + pages; p++) {
            page = conversations.list(me, scope.filter(status, assigneeType, p, folderRows));
            shown.addAll(page.conversations());
            if (page.conversations().size() < ConversationQueries.PAGE_SIZE) break;
        }
        long inView = switch (assigneeType) {
            case "me" -> page.mineCount();
            case "unassigned" -> page.unassignedCount();
            default -> page.allCount();
        };
        int lastPage = firstPage + Math.max(1, (shown.size() + ConversationQueries.PAGE_SIZE - 1) / ConversationQueries.PAGE_SIZE) - 1;
        Map<Long, String> inboxNames = inboxes.visibleTo(me).stream().collect(Collectors.toMap(InboxView::id, InboxView::name));
        Map<Long, String> agentNames = accounts.agents(me.accountId()).stream().collect(Collectors.toMap(AgentView::id, AgentView::availableName));
        model.addAttribute("me", me);
        model.addAttribute("accountId", me.accountId());
        model.addAttribute("scope", scope);
        model.addAttribute("pageNumber", firstPage);
        model.addAttribute("nextPage", lastPage + 1);
        model.addAttribute("hasNext", (long) lastPage * ConversationQueries.PAGE_SIZE < inView);
        model.addAttribute("inView", inView);
        model.addAttribute("pin", conversations.lastDisplayId(me.accountId()));
        model.addAttribute("view", assigneeType.equals("me") ? "mine" : assigneeType);
        model.addAttribute("status", status);
        Map<Long, String> contactNames = new java.util.HashMap<>();
        contacts.findAll(me.accountId(), shown.stream().map(ConversationView::contactId).distinct().toList())
                .forEach((id, contact) -> contactNames.put(id, contact.name()));
        Map<Long, ConversationQueries.CardFacts> facts = conversations.cardFacts(shown);
        model.addAttribute("cards", shown.stream().map(c -> card(c, contactNames, facts.get(c.id()), inboxNames, agentNames)).toList());
        model.addAttribute("counts", Map.of("mine", page.mineCount(), "unassigned", page.unassignedCount(), "all", page.allCount()));
    }

    private ConversationCard card(ConversationView c, Map<Long, String> contactNames, ConversationQueries.CardFacts facts,
                                  Map<Long, String> inboxNames, Map<Long, String> agentNames) {
        String contactName = contactNames.getOrDefault(c.contactId(), "Unknown");
        String preview = MentionMarkup.plain(facts.lastMessage() == null ? "" : facts.lastMessage());
        Long waiting = c.waitingSince() == null ? null : Duration.between(c.waitingSince(), clock.instant()).toMinutes();
        return new ConversationCard(c.displayId(), contactName, inboxNames.getOrDefault(c.inboxId(), ""),
                preview.length() > 80 ? preview.substring(0, 77) + "..." : preview,
                c.assigneeId() == null ? null : agentNames.getOrDefault(c.assigneeId(), "agent"), c.status().apiName(), waiting,
                c.priority() == null ? null : c.priority().apiName(), facts.unread(), c.labels());
    }
}
