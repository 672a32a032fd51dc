package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Membership;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationPage;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.realtime.LiveStreams;
import dev.parley.web.DashboardUser;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The agent dashboard's first screens: sign-in, the conversation list (Mine / Unassigned / All with
 * live counts) and the conversation view (thread, reply or private note, resolve / reopen, assign to
 * me). Pages re-read their fragments when the live stream says something changed.
 */
@Controller
class DashboardController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm").withZone(ZoneOffset.UTC);

    private final DashboardContext context;
    private final ConversationQueries conversations;
    private final ConversationManagement management;
    private final ContactQueries contacts;
    private final InboxQueries inboxes;
    private final AccountQueries accounts;
    private final LiveStreams streams;
    private final SidePanel sidePanel;
    private final Sidebar sidebar;
    private final Clock clock;

    DashboardController(DashboardContext context, ConversationQueries conversations, ConversationManagement management, ContactQueries contacts,
                        InboxQueries inboxes, AccountQueries accounts, LiveStreams streams, SidePanel sidePanel, Sidebar sidebar,
                        Clock clock) {
        this.context = context;
        this.conversations = conversations;
        this.management = management;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.accounts = accounts;
        this.streams = streams;
        this.sidePanel = sidePanel;
        this.sidebar = sidebar;
        this.clock = clock;
    }

    @GetMapping("/app/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        return "app/login";
    }

    @GetMapping("/app")
    String home(@AuthenticationPrincipal DashboardUser user) {
        return "redirect:/app/accounts/" + context.firstAccount(user) + "/conversations?view=mine";
    }

    @GetMapping("/app/accounts/{accountId}/conversations")
    String list(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "mine") String view,
                @RequestParam(defaultValue = "open") String status, @org.springframework.web.bind.annotation.ModelAttribute Scope scope, Model model) {
        listModel(user, accountId, view, status, scope, model);
        Membership me = context.membership(user, accountId);
        model.addAttribute("sidebar", sidebar.of(me));
        model.addAttribute("accounts", accounts.memberships(user.id()).stream()
                .map(m -> Map.of("id", m.accountId(), "name", accounts.account(m.accountId()).name())).toList());
        model.addAttribute("inboxes", inboxes.visibleTo(context.membership(user, accountId)));
        return "app/conversations";
    }

    @GetMapping("/app/accounts/{accountId}/conversations/list")
    String listFragment(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @RequestParam(defaultValue = "mine") String view,
                        @RequestParam(defaultValue = "open") String status, @org.springframework.web.bind.annotation.ModelAttribute Scope scope, Model model) {
        listModel(user, accountId, view, status, scope, model);
        return "app/conversations :: list";
    }

    @GetMapping("/app/accounts/{accountId}/conversations/{displayId}")
    String conversation(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId, Model model) {
        threadModel(user, accountId, displayId, model);
        return "app/conversation";
    }

    @GetMapping("/app/accounts/{accountId}/conversations/{displayId}/thread")
    String thread(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId, Model model) {
        threadModel(user, accountId, displayId, model);
        return "app/conversation :: thread";
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/messages")
    String reply(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                 @RequestParam String content, @RequestParam(name = "private", defaultValue = "false") boolean note) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        management.postMessage(accountId, displayId, note ? MessageInput.note(content) : MessageInput.outgoing(content), me.actor());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/status")
    String status(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                  @RequestParam String status) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        management.changeStatus(accountId, displayId, ConversationStatus.fromApi(status), null, me.actor(), !me.isAdministrator());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/assign-me")
    String assignMe(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                    @RequestParam(defaultValue = "") String back) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        management.assign(accountId, displayId, me.userId(), me.actor());
        return "redirect:" + ("list".equals(back) ? "/app/accounts/" + accountId + "/conversations?view=mine"
                : "/app/accounts/" + accountId + "/conversations/" + displayId);
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/assignee")
    String assignee(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                    @RequestParam(name = "assignee_id", defaultValue = "") String assigneeId) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        if (assigneeId.isBlank()) management.unassign(accountId, displayId, me.actor());
        else management.assign(accountId, displayId, Long.parseLong(assigneeId), me.actor());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/team")
    String team(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                @RequestParam(name = "team_id", defaultValue = "") String teamId) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        management.assignTeam(accountId, displayId, teamId.isBlank() ? null : Long.parseLong(teamId), me.actor());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/priority")
    String priority(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                    @RequestParam(defaultValue = "") String priority) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        management.changePriority(accountId, displayId, priority.isBlank() ? null : priority, me.actor());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/labels")
    String labels(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                  @RequestParam(defaultValue = "") String labels) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        management.replaceLabels(accountId, displayId, java.util.Arrays.stream(labels.split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList(),
                me.actor());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/custom-attribute")
    String customAttribute(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                           @RequestParam String key, @RequestParam(defaultValue = "") String value) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        var change = new java.util.HashMap<String, Object>();
        change.put(key, value.isBlank() ? null : value);
        management.mergeCustomAttributes(accountId, displayId, change, me.actor());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/snooze")
    String snooze(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                  @RequestParam(defaultValue = "") String until) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        java.time.Instant at = switch (until) {
            case "hour" -> clock.instant().plus(Duration.ofHours(1));
            case "tomorrow" -> clock.instant().plus(Duration.ofDays(1));
            case "week" -> clock.instant().plus(Duration.ofDays(7));
            default -> null;
        };
        management.changeStatus(accountId, displayId, ConversationStatus.SNOOZED, at, me.actor(), false);
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    @GetMapping(value = "/app/accounts/{accountId}/stream", produces = "text/event-stream")
    SseEmitter stream(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) Long since) {
        Membership me = context.membership(user, accountId);
        return streams.open(accountId, me.userId(), lastEventId, since);
    }

    /** The list's narrowing: one inbox, team or label, and a sort order (all optional). */
    record Scope(Long inbox, Long team, String label, String sort, Integer page) {
        String query() {
            return (inbox == null ? "" : "&inbox=" + inbox) + (team == null ? "" : "&team=" + team)
                    + (label == null || label.isBlank() ? "" : "&label=" + label) + (sort == null || sort.isBlank() ? "" : "&sort=" + sort);
        }
    }

    private void listModel(DashboardUser user, long accountId, String view, String status, Scope scope, Model model) {
        Scope s = scope == null ? new Scope(null, null, null, null, 1) : scope;
        int pageNumber = s.page() == null || s.page() < 1 ? 1 : s.page();
        Membership me = context.membership(user, accountId);
        String assigneeType = switch (view) {
            case "unassigned" -> "unassigned";
            case "all" -> "all";
            default -> "me";
        };
        ConversationPage page = conversations.list(me, new ConversationFilter(status, assigneeType, s.inbox(), s.team(),
                s.label() == null || s.label().isBlank() ? null : List.of(s.label()), null, s.sort(), pageNumber));
        long inView = switch (assigneeType) {
            case "me" -> page.mineCount();
            case "unassigned" -> page.unassignedCount();
            default -> page.allCount();
        };
        model.addAttribute("scope", s);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("hasNext", (long) pageNumber * ConversationQueries.PAGE_SIZE < inView);
        Map<Long, String> inboxNames = inboxes.visibleTo(me).stream().collect(Collectors.toMap(InboxView::id, InboxView::name));
        Map<Long, String> agentNames = accounts.agents(accountId).stream().collect(Collectors.toMap(AgentView::id, AgentView::availableName));
        List<ConversationCard> cards = page.conversations().stream().map(c -> card(c, inboxNames, agentNames)).toList();
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("view", assigneeType.equals("me") ? "mine" : assigneeType);
        model.addAttribute("status", status);
        model.addAttribute("cards", cards);
        model.addAttribute("counts", Map.of("mine", page.mineCount(), "unassigned", page.unassignedCount(), "all", page.allCount()));
    }

    private ConversationCard card(ConversationView c, Map<Long, String> inboxNames, Map<Long, String> agentNames) {
        String contactName = contacts.find(c.accountId(), c.contactId()).map(ContactView::name).orElse("Unknown");
        String preview = conversations.lastMessage(c.id(), false).map(MessageView::content).orElse("");
        Long waiting = c.waitingSince() == null ? null : Duration.between(c.waitingSince(), clock.instant()).toMinutes();
        return new ConversationCard(c.displayId(), contactName, inboxNames.getOrDefault(c.inboxId(), ""),
                preview.length() > 80 ? preview.substring(0, 77) + "..." : preview,
                c.assigneeId() == null ? null : agentNames.getOrDefault(c.assigneeId(), "agent"), c.status().apiName(), waiting,
                c.priority() == null ? null : c.priority().apiName());
    }

    private void threadModel(DashboardUser user, long accountId, long displayId, Model model) {
        Membership me = context.membership(user, accountId);
        ConversationView c = conversations.visible(me, displayId);
        Map<Long, String> agentNames = accounts.agents(accountId).stream().collect(Collectors.toMap(AgentView::id, AgentView::availableName));
        String contactName = contacts.find(accountId, c.contactId()).map(ContactView::name).orElse("Customer");
        List<ThreadLine> lines = conversations.recentMessages(c.id(), 200).stream().map(m -> new ThreadLine(m.id(), kind(m),
                m.messageType() == MessageType.INCOMING ? contactName
                        : m.senderId() != null ? agentNames.getOrDefault(m.senderId(), "agent")
                        : m.contentAttributes().containsKey("automation_rule_id") ? "Automation" : "",
                m.content(), TIME.format(m.createdAt()), ruleId(m), ruleName(m))).toList();
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("conversation", c);
        model.addAttribute("contactName", contactName);
        model.addAttribute("assigneeName", c.assigneeId() == null ? null : agentNames.get(c.assigneeId()));
        model.addAttribute("lines", lines);
        model.addAttribute("labels", c.labels());
        model.addAttribute("choices", sidePanel.agentChoices(c));
        model.addAttribute("why", sidePanel.why(c));
        model.addAttribute("automationLog", sidePanel.automationLog(c));
        model.addAttribute("contact", contacts.find(accountId, c.contactId()).orElse(null));
        model.addAttribute("previous", conversations.ofContact(accountId, c.contactId()).stream().filter(o -> o.id() != c.id()).limit(5).toList());
        model.addAttribute("teams", sidePanel.teams(accountId));
        model.addAttribute("attributeDefinitions", sidePanel.conversationAttributes(accountId));
        model.addAttribute("notMine", c.assigneeId() == null || c.assigneeId() != me.userId());
    }

    /** The rule behind an activity line or an automated message, for a link to its runs. */
    private static Long ruleId(MessageView m) {
        if (m.contentAttributes().get("automation_rule_id") instanceof Number n) return n.longValue();
        if (m.contentAttributes().get("activity") instanceof Map<?, ?> a && "automation_rule".equals(a.get("actor_type"))
                && a.get("actor_id") instanceof Number n) {
            return n.longValue();
        }
        return null;
    }

    private static String ruleName(MessageView m) {
        return m.contentAttributes().get("activity") instanceof Map<?, ?> a && a.get("actor_name") != null ? a.get("actor_name").toString() : null;
    }

    private static String kind(MessageView m) {
        if (m.messageType() == MessageType.ACTIVITY) return "activity";
        if (m.messageType() == MessageType.INCOMING) return "incoming";
        return m.isPrivate() ? "note" : "outgoing";
    }
}
