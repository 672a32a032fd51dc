package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.assignment.AssignmentInsights;
import dev.parley.automation.AutomationRules;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.inbox.InboxQueries;
import dev.parley.presence.PresenceQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The conversation's side panel: assignee choices with presence and load, the "Why?" of the assignee, the rules that ran. */
@Component
class SidePanel {

    /** An agent in the assignee picker: "Bea · online · 2/3", "Bo · offline (no dashboard open) · 0 open", "... (at the limit)". */
    record AgentChoice(long id, String name, boolean online, String availability, long open, Integer limit) {
        public String label() {
            boolean full = limit != null && open >= limit;
            return name + " · " + PresenceLabels.of(online, availability) + " · " + open + (limit == null ? " open" : "/" + limit)
                    + (full ? " (at the limit)" : "");
        }
    }

    private final AccountQueries accounts;
    private final InboxQueries inboxes;
    private final PresenceQueries presence;
    private final ConversationQueries conversations;
    private final AssignmentInsights assignment;
    private final AutomationRules rules;
    private final dev.parley.account.Teams teamsDirectory;
    private final dev.parley.account.CustomAttributes customAttributes;
    private final SlaPanel slaPanel;
    private final dev.parley.conversation.ScheduledMessages scheduledMessages;

    SidePanel(AccountQueries accounts, InboxQueries inboxes, PresenceQueries presence, ConversationQueries conversations,
              AssignmentInsights assignment, AutomationRules rules, dev.parley.account.Teams teamsDirectory,
              dev.parley.account.CustomAttributes customAttributes, SlaPanel slaPanel,
              dev.parley.conversation.ScheduledMessages scheduledMessages) {
        this.slaPanel = slaPanel;
        this.scheduledMessages = scheduledMessages;
        this.accounts = accounts;
        this.inboxes = inboxes;
        this.presence = presence;
        this.conversations = conversations;
        this.assignment = assignment;
        this.rules = rules;
        this.teamsDirectory = teamsDirectory;
        this.customAttributes = customAttributes;
    }

    List<AgentChoice> agentChoices(ConversationView c) {
        List<Long> members = inboxes.memberIds(c.inboxId());
        Set<Long> online = presence.onlineAmong(c.accountId(), members);
        Map<Long, Long> open = conversations.openCounts(c.accountId(), c.inboxId(), members);
        Object limitValue = inboxes.get(c.accountId(), c.inboxId()).autoAssignmentConfig().get("max_assignment_limit");
        Integer limit = limitValue instanceof Number n ? n.intValue() : null;
        List<AgentChoice> choices = new ArrayList<>();
        for (AgentView a : accounts.agents(c.accountId())) {
            if (!members.contains(a.id())) continue;
            choices.add(new AgentChoice(a.id(), a.availableName(), online.contains(a.id()), presence.presence(c.accountId(), a.id()).availability(),
                    open.getOrDefault(a.id(), 0L), limit));
        }
        choices.sort((x, y) -> Boolean.compare(y.online(), x.online()));
        return choices;
    }

    /** The last routing decision in words: outcome, reason, each candidate's verdict by name; or the queue position. */
    Map<String, Object> why(ConversationView c) {
        Map<String, Object> why = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        accounts.agents(c.accountId()).forEach(a -> names.put(a.id(), a.availableName()));
        assignment.lastDecision(c.id()).ifPresent(d -> {
            why.put("outcome", d.get("outcome"));
            why.put("reason", d.get("reason"));
            Object chosen = d.get("chosen_user_id");
            why.put("chosen", chosen instanceof Number n ? names.getOrDefault(n.longValue(), "agent " + n) : null);
            List<String> candidates = new ArrayList<>();
            if (d.get("candidates") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m && m.get("user_id") instanceof Number id) {
                        candidates.add(names.getOrDefault(id.longValue(), "agent " + id) + ": " + m.get("explanation"));
                    }
                }
            }
            why.put("candidates", candidates);
        });
        if (c.assigneeId() == null && c.status().apiName().equals("open")) {
            Object waiting = assignment.queue(c.accountId(), c.inboxId()).get("payload");
            if (waiting instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m && m.get("conversation_id") instanceof Number id && id.longValue() == c.displayId()) {
                        why.put("position", m.get("position"));
                        why.put("waiting_reason", m.get("reason"));
                    }
                }
            }
        }
        return why;
    }

    List<dev.parley.account.CustomAttributeView> conversationAttributes(long accountId) {
        return customAttributes.all(accountId, "conversation_attribute");
    }

    List<dev.parley.account.TeamView> teams(long accountId) {
        return teamsDirectory.all(accountId);
    }

    List<Map<String, Object>> automationLog(ConversationView c) {
        return rules.conversationLog(c.id(), 30);
    }

    /** The conversation's rule timers, pending first, for the Automation tab. */
    List<Map<String, Object>> automationTimers(ConversationView c) {
        return rules.conversationTimers(c.accountId(), c.id(), 20).stream().map(t -> {
            var shown = new java.util.LinkedHashMap<>(t);
            java.time.Instant due = java.time.Instant.ofEpochSecond(((Number) t.get("due_at")).longValue());
            shown.put("due_iso", due.toString());
            shown.put("due_text", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(due));
            return (Map<String, Object>) shown;
        }).toList();
    }

    /** The conversation's SLA (policy, status, deadlines with time left, breaches), or null without one. */
    Map<String, Object> sla(ConversationView c) {
        return slaPanel.of(c);
    }

    /** The replies and notes scheduled in the conversation and not sent yet, one line each. */
    List<String> scheduled(ConversationView c) {
        var shown = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
        return scheduledMessages.list(c.accountId(), c.displayId()).stream().filter(m -> "scheduled".equals(m.status()))
                .map(m -> (m.isPrivate() ? "Note" : "Reply") + " at " + shown.format(m.scheduledAt()) + ": "
                        + (m.content().length() > 60 ? m.content().substring(0, 59) + "…" : m.content()))
                .toList();
    }

    /** Whether the conversation's inbox is an email inbox: its reply box then offers CC and BCC. */
    boolean emailInbox(ConversationView c) {
        return inboxes.find(c.accountId(), c.inboxId()).map(i -> "Channel::Email".equals(i.channelType())).orElse(false);
    }
}
