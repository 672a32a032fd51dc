package dev.parley.web.dashboard;

import dev.parley.attachment.Attachments;
import dev.parley.attachment.Upload;
import org.springframework.web.multipart.MultipartFile;
import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Membership;
import dev.parley.contact.ContactQueries;
import dev.parley.contact.ContactView;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MentionMarkup;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import dev.parley.realtime.LiveStreams;
import dev.parley.shared.JsonIds;
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
    private final AccountQueries accounts;
    private final LiveStreams streams;
    private final SidePanel sidePanel;
    private final dev.parley.notification.Notifications notifications;
    private final Clock clock;

    private final Attachments attachments;
    private final ConversationWorkspace workspace;
    private final dev.parley.automation.ReplyTemplates replyTemplates;

    DashboardController(DashboardContext context, ConversationQueries conversations, ConversationManagement management,
                        ContactQueries contacts, AccountQueries accounts, LiveStreams streams, SidePanel sidePanel, Clock clock,
                        dev.parley.notification.Notifications notifications, Attachments attachments,
                        dev.parley.automation.ReplyTemplates replyTemplates, ConversationWorkspace workspace) {
        this.workspace = workspace;
        this.replyTemplates = replyTemplates;
        this.attachments = attachments;
        this.notifications = notifications;
        this.context = context;
        this.conversations = conversations;
        this.management = management;
        this.contacts = contacts;
        this.accounts = accounts;
        this.streams = streams;
        this.sidePanel = sidePanel;
        this.clock = clock;
    }

    @GetMapping("/app")
    String home(@AuthenticationPrincipal DashboardUser user) {
        return "redirect:/app/accounts/" + context.firstAccount(user) + "/conversations?view=mine";
    }

    /**
     * Opening a conversation marks its customer messages read; the first one that was new gets a separator. A card
     * opened in the list (htmx) gets the conversation pane alone; the address opened directly gets the whole
     * workspace, with the list of the conversation's status (mine when it is mine).
     */
    @GetMapping("/app/accounts/{accountId}/conversations/{displayId}")
    String conversation(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                        @RequestHeader(name = "HX-Request", required = false) String fromList, Model model) {
        Membership me = context.membership(user, accountId);
        ConversationView c = conversations.visible(me, displayId);
        Long firstUnread = firstUnread(c);
        management.markSeenByAgent(c.id());
        notifications.conversationRead(me, c.id());
        threadModel(user, accountId, displayId, firstUnread, model);
        if ("true".equals(fromList)) return "app/conversation :: pane";
        workspace.page(me, notMine(c, me) ? "all" : "mine", c.status().apiName(), ConversationListController.Scope.NONE, model);
        return "app/conversations";
    }

    @GetMapping("/app/accounts/{accountId}/conversations/{displayId}/thread")
    String thread(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                  @RequestParam(name = "unread_from", required = false) Long firstUnread, Model model) {
        ConversationView c = conversations.visible(context.membership(user, accountId), displayId);
        management.markSeenByAgent(c.id()); // the thread is on screen: what arrives is seen
        threadModel(user, accountId, displayId, firstUnread, model);
        return "app/conversation :: thread";
    }

    /** The live refresh of the command buttons: they offer only what changes the conversation as it is now. */
    @GetMapping("/app/accounts/{accountId}/conversations/{displayId}/actions")
    String actions(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId, Model model) {
        Membership me = context.membership(user, accountId);
        ConversationView c = conversations.visible(me, displayId);
        model.addAttribute("accountId", accountId);
        model.addAttribute("conversation", c);
        model.addAttribute("notMine", notMine(c, me));
        return "app/conversation :: actions";
    }

    private static boolean notMine(ConversationView c, Membership me) {
        return c.assigneeId() == null || c.assigneeId() != me.userId();
    }

    /** Mark unread: the newest customer message counts as new again; back to the list, as in Chatwoot. */
    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/unread")
    String markUnread(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId) {
        ConversationView c = conversations.visible(context.membership(user, accountId), displayId);
        management.markUnreadByAgent(c.id());
        return "redirect:/app/accounts/" + accountId + "/conversations";
    }

    /**
     * A side-panel or header command on one conversation: the caller must see the conversation; then the
     * command runs and the page is shown again.
     */
    private String onConversation(DashboardUser user, long accountId, long displayId, java.util.function.Consumer<Membership> command) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        command.accept(me);
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    private Long firstUnread(ConversationView c) {
        return conversations.recentMessages(c.id(), 200).stream()
                .filter(m -> m.messageType() == MessageType.INCOMING && (c.agentLastSeenAt() == null || m.createdAt().isAfter(c.agentLastSeenAt())))
                .map(MessageView::id).findFirst().orElse(null);
    }

    /**
     * Sends a reply or a note. A reply started before the customer wrote again is held back once (the draft is
     * kept and the agent is told), so nobody answers a message they have not read; sending again sends it.
     */
    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/messages")
    String reply(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                 @RequestParam(defaultValue = "") String content, @RequestParam(name = "private", defaultValue = "false") boolean note,
                 @RequestParam(name = "attachments[]", required = false) List<MultipartFile> files,
                 @RequestParam(name = "writing_since", required = false) Long writingSince,
                 @RequestParam(name = "send_anyway", defaultValue = "false") boolean sendAnyway,
                 @RequestParam(name = "cc_emails", defaultValue = "") String ccEmails,
                 @RequestParam(name = "bcc_emails", defaultValue = "") String bccEmails,
                 org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Membership me = context.membership(user, accountId);
        ConversationView c = conversations.visible(me, displayId);
        if (!note && !sendAnyway && writingSince != null && customerWroteAfter(c, writingSince)) {
            redirect.addFlashAttribute("draft", content);
            redirect.addFlashAttribute("newerMessage", true);
            return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
        }
        // variables typed or left in the reply ({{contact.name}} ...) are filled as Chatwoot's reply box does
        String filled = replyTemplates.fill(content, c, me.name());
        return onConversation(user, accountId, displayId, caller -> {
            String text = note ? MentionMarkup.fromPlain(filled, accounts.agents(accountId).stream()
                    .collect(Collectors.toMap(AgentView::id, AgentView::availableName))) : filled;
            // a file input left empty still sends one nameless, empty part
            List<Upload> uploads = files == null ? List.of() : files.stream()
                    .filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))).map(Upload::of).toList();
            management.postMessage(accountId, displayId, note ? MessageInput.note(text) : reply(text, ccEmails, bccEmails), uploads,
                    caller.actor());
        });
    }

    /** A reply; an email inbox's CC and BCC go where Chatwoot's reply box puts them (the message's content attributes). */
    private static MessageInput reply(String text, String cc, String bcc) {
        if (cc.isBlank() && bcc.isBlank()) return MessageInput.outgoing(text);
        var copies = new java.util.LinkedHashMap<String, Object>();
        if (!cc.isBlank()) copies.put("cc_emails", cc.trim());
        if (!bcc.isBlank()) copies.put("bcc_emails", bcc.trim());
        return new MessageInput(text, "outgoing", false, null, copies, null, null);
    }

    private boolean customerWroteAfter(ConversationView c, long messageId) {
        return conversations.recentMessages(c.id(), 50).stream().anyMatch(m -> m.messageType() == MessageType.INCOMING && m.id() > messageId);
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/status")
    String status(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                  @RequestParam String status) {
        return onConversation(user, accountId, displayId, me -> {
            management.changeStatus(accountId, displayId, ConversationStatus.fromApi(status), null, me.actor(), !me.isAdministrator());
        });
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/assign-me")
    String assignMe(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                    @RequestParam(defaultValue = "") String back) {
        String conversationPage = onConversation(user, accountId, displayId, me -> management.assign(accountId, displayId, me.userId(), me.actor()));
        return "list".equals(back) ? "redirect:/app/accounts/" + accountId + "/conversations?view=mine" : conversationPage;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/assignee")
    String assignee(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                    @RequestParam(name = "assignee_id", defaultValue = "") String assigneeId, @RequestParam(defaultValue = "") String back) {
        String conversationPage = onConversation(user, accountId, displayId, me -> {
            Long chosen = JsonIds.id("assignee_id", assigneeId);
            if (chosen == null) management.unassign(accountId, displayId, me.actor());
            else management.assign(accountId, displayId, chosen, me.actor());
        });
        return "queue".equals(back) ? "redirect:/app/accounts/" + accountId + "/queue" : conversationPage;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/team")
    String team(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                @RequestParam(name = "team_id", defaultValue = "") String teamId) {
        return onConversation(user, accountId, displayId, me -> {
            management.assignTeam(accountId, displayId, JsonIds.id("team_id", teamId), me.actor());
        });
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/priority")
    String priority(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                    @RequestParam(defaultValue = "") String priority) {
        return onConversation(user, accountId, displayId, me -> {
            management.changePriority(accountId, displayId, priority.isBlank() ? null : priority, me.actor());
        });
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/labels")
    String labels(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                  @RequestParam(defaultValue = "") String labels) {
        return onConversation(user, accountId, displayId, me -> {
            management.replaceLabels(accountId, displayId, java.util.Arrays.stream(labels.split(",")).map(String::trim).filter(l -> !l.isEmpty()).toList(),
                    me.actor());
        });
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/custom-attribute")
    String customAttribute(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                           @RequestParam String key, @RequestParam(defaultValue = "") String value) {
        return onConversation(user, accountId, displayId, me -> {
            var change = new java.util.HashMap<String, Object>();
            change.put(key, value.isBlank() ? null : value);
            management.mergeCustomAttributes(accountId, displayId, change, me.actor());
        });
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/snooze")
    String snooze(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                  @RequestParam(defaultValue = "") String until, @RequestParam(name = "until_at", defaultValue = "") String untilAt,
                  @RequestParam(name = "until_local", defaultValue = "") String untilLocal) {
        return onConversation(user, accountId, displayId, me -> {
            java.time.Instant at = SnoozeUntil.chosen(until, untilAt, untilLocal, clock);
            management.changeStatus(accountId, displayId, ConversationStatus.SNOOZED, at, me.actor(), false);
        });
    }

    @GetMapping(value = "/app/accounts/{accountId}/stream", produces = "text/event-stream")
    SseEmitter stream(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) String since) {
        Membership me = context.membership(user, accountId);
        return streams.open(accountId, me.userId(), lastEventId, since);
    }

    private void threadModel(DashboardUser user, long accountId, long displayId, Long firstUnread, Model model) {
        Membership me = context.membership(user, accountId);
        ConversationView c = conversations.visible(me, displayId);
        Map<Long, String> agentNames = accounts.agents(accountId).stream().collect(Collectors.toMap(AgentView::id, AgentView::availableName));
        String contactName = contacts.find(accountId, c.contactId()).map(ContactView::name).orElse("Customer");
        List<MessageView> recent = conversations.recentMessages(c.id(), 200);
        var files = attachments.ofMessages(recent.stream().map(MessageView::id).toList());
        List<ThreadLine> lines = recent.stream().map(m -> new ThreadLine(m.id(), kind(m),
                m.messageType() == MessageType.INCOMING ? contactName
                        : m.senderId() != null ? agentNames.getOrDefault(m.senderId(), "agent")
                        : m.contentAttributes().containsKey("automation_rule_id") ? "Automation" : "",
                MentionMarkup.plain(m.content()), TIME.format(m.createdAt()), ruleId(m), ruleName(m), delivery(m, c),
                firstUnread != null && m.id() == firstUnread,
                files.getOrDefault(m.id(), List.of()).stream().map(ThreadLine.File::of).toList(), ThreadLine.Mail.of(m.contentAttributes())))
                .toList();
        model.addAttribute("me", me);
        model.addAttribute("accountId", accountId);
        model.addAttribute("conversation", c);
        model.addAttribute("contactName", contactName);
        model.addAttribute("assigneeName", c.assigneeId() == null ? null : agentNames.get(c.assigneeId()));
        model.addAttribute("snoozedUntil", c.snoozedUntil() == null ? null : SnoozeUntil.shown(c.snoozedUntil()));
        model.addAttribute("lines", lines);
        model.addAttribute("lastMessageId", lines.isEmpty() ? 0 : lines.get(lines.size() - 1).id());
        model.addAttribute("labels", c.labels());
        model.addAttribute("choices", sidePanel.agentChoices(c));
        model.addAttribute("why", sidePanel.why(c));
        model.addAttribute("automationLog", sidePanel.automationLog(c));
        model.addAttribute("automationTimers", sidePanel.automationTimers(c));
        model.addAttribute("sla", sidePanel.sla(c));
        model.addAttribute("scheduled", sidePanel.scheduled(c));
        model.addAttribute("emailInbox", sidePanel.emailInbox(c));
        model.addAttribute("contact", contacts.find(accountId, c.contactId()).orElse(null));
        model.addAttribute("previous", conversations.ofContact(accountId, c.contactId()).stream().filter(o -> o.id() != c.id()).limit(5).toList());
        model.addAttribute("teams", sidePanel.teams(accountId));
        model.addAttribute("attributeDefinitions", sidePanel.conversationAttributes(accountId));
        model.addAttribute("unreadFrom", firstUnread);
        model.addAttribute("notMine", notMine(c, me));
    }

    /** Replies the customer has looked at since they were sent are "Read"; other replies are "Sent". */
    private static String delivery(MessageView m, ConversationView c) {
        if (m.messageType() != MessageType.OUTGOING || m.isPrivate()) return null;
        if ("failed".equals(m.status())) {
            Object reason = m.contentAttributes().get("external_error");
            return reason == null ? "Failed" : "Failed: " + reason;
        }
        return c.contactLastSeenAt() != null && !c.contactLastSeenAt().isBefore(m.createdAt()) ? "Read" : "Sent";
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
