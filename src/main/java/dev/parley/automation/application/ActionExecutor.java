package dev.parley.automation.application;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Teams;
import dev.parley.attachment.Attachments;
import dev.parley.assignment.Reassignment;
import dev.parley.automation.domain.RuleAction;
import dev.parley.automation.domain.RuleDefinition;
import dev.parley.contact.ContactInput;
import dev.parley.contact.ContactManagement;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageInput;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import dev.parley.shared.Actor;
import dev.parley.shared.UrlSafety;
import dev.parley.webhook.WebhookDeliveries;
import dev.parley.webhook.WebhookPayloads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Carries out one action of a matched rule through the owning module's command API, with the rule as
 * actor, and says what happened in one line ("done: ...", "no change", "skipped: ...").
 */
@Component
class ActionExecutor {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ConversationManagement conversations;
    private final ConversationQueries conversationQueries;
    private final ContactManagement contacts;
    private final ContactQueries contactQueries;
    private final AccountQueries accounts;
    private final Teams teams;
    private final Templates templates;
    private final AutomationMailer mailer;
    private final WebhookDeliveries webhooks;
    private final UrlSafety urlSafety;
    private final WebhookPayloads payloads;
    private final Attachments attachments;
    private final Reassignment reassignment;
    private final dev.parley.sla.SlaPolicies slaPolicies;

    ActionExecutor(Reassignment reassignment, Attachments attachments, ConversationManagement conversations, ConversationQueries conversationQueries, ContactManagement contacts,
                   ContactQueries contactQueries, AccountQueries accounts, Teams teams, Templates templates, AutomationMailer mailer,
                   WebhookDeliveries webhooks, UrlSafety urlSafety, WebhookPayloads payloads, dev.parley.sla.SlaPolicies slaPolicies) {
        this.slaPolicies = slaPolicies;
        this.attachments = attachments;
        this.reassignment = reassignment;
        this.conversations = conversations;
        this.conversationQueries = conversationQueries;
        this.contacts = contacts;
        this.contactQueries = contactQueries;
        this.accounts = accounts;
        this.teams = teams;
        this.templates = templates;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.urlSafety = urlSafety;
        this.payloads = payloads;
    }

    String run(RuleAction action, ConversationView c, String eventName, Actor rule) {
        try {
            return act(action, c, eventName, rule);
        } catch (dev.parley.automation.domain.LiquidSandbox.TemplateRefused e) {
            return "skipped: the template " + e.getMessage();
        }
    }

    private String act(RuleAction action, ConversationView c, String eventName, Actor rule) {
        long a = c.accountId();
        long d = c.displayId();
        return switch (action.name()) {
            case "assign_agent" -> assignAgent(action, c, rule);
            case "assign_team" -> {
                Long team = id(action.firstParam());
                ConversationView after = conversations.assignTeam(a, d, team == null || team == 0 ? null : team, rule);
                yield changed(c.teamId(), after.teamId(), team == null || team == 0 ? "team removed" : "team set to " + team);
            }
            case "add_label" -> labels(c, conversations.addLabels(a, d, strings(action.params()), rule), "labels now ");
            case "remove_label" -> labels(c, conversations.removeLabels(a, d, strings(action.params()), rule), "labels now ");
            case "send_message", "add_private_note" -> {
                String text = templates.render(String.valueOf(action.firstParam()), c);
                boolean note = "add_private_note".equals(action.name());
                MessageView m = conversations.postMessage(a, d, note ? MessageInput.note(text) : MessageInput.outgoing(text), rule);
                yield "done: " + (note ? "private note " : "message ") + m.id() + " \"" + abbreviate(text) + "\"";
            }
            case "send_attachment" -> sendAttachment(action, c, rule);
            case "mute_conversation" -> {
                ConversationView after = conversations.changeStatus(a, d, ConversationStatus.RESOLVED, null, rule, false);
                contacts.update(a, c.contactId(), new ContactInput(null, null, null, null, true, null, null), rule);
                yield "done: resolved and contact blocked" + (after.status() == c.status() ? " (was already resolved)" : "");
            }
            case "snooze_conversation" -> status(c, ConversationStatus.SNOOZED, rule);
            case "resolve_conversation" -> status(c, ConversationStatus.RESOLVED, rule);
            case "open_conversation" -> status(c, ConversationStatus.OPEN, rule);
            case "pending_conversation" -> status(c, ConversationStatus.PENDING, rule);
            case "change_status" -> status(c, ConversationStatus.fromApi(String.valueOf(action.firstParam())), rule);
            case "change_priority" -> {
                Object p = action.firstParam();
                ConversationView after = conversations.changePriority(a, d, p == null ? null : p.toString(), rule);
                yield changed(c.priority(), after.priority(), "priority " + (after.priority() == null ? "removed" : after.priority().apiName()));
            }
            case "set_custom_attribute" -> setCustomAttributes(action, c, rule);
            case "send_webhook_event" -> {
                String url = String.valueOf(action.firstParam());
                String problem = urlSafety.problem(url);
                if (problem != null) yield "skipped: URL " + problem;
                var id = webhooks.enqueue(a, null, url, null, "automation_event." + eventName, webhookPayload(c, eventName), null);
                yield "done: queued delivery " + id + " to " + url;
            }
            case "send_email_to_team" -> emailTeams(action, c, rule);
            case "send_email_transcript" -> emailTranscript(action, c);
            case RuleDefinition.REASSIGN -> reassignment.toAnotherOnlineAgent(c.id(), "rule \"" + rule.name() + "\" took the conversation from "
                    + (c.assigneeId() == null ? "nobody" : agentName(a, c.assigneeId())), rule);
            case "add_sla" -> addSla(action, c, rule);
            default -> "skipped: " + action.name() + " is not supported";
        };
    }

    /** Chatwoot's {@code add_sla}: applies the policy unless the conversation has one already. */
    private String addSla(RuleAction action, ConversationView c, Actor rule) {
        Long policyId = id(action.firstParam());
        if (policyId == null) return "skipped: no SLA policy given";
        if (slaPolicies.all(c.accountId()).stream().noneMatch(p -> p.id() == policyId)) return "skipped: SLA policy " + policyId + " not found";
        return slaPolicies.apply(c.accountId(), c.id(), policyId, "rule \"" + rule.name() + "\"")
                .map(a -> "done: applied SLA \"" + a.policy().name() + "\"").orElse("no change: the conversation already has an SLA");
    }

    private String assignAgent(RuleAction action, ConversationView c, Actor rule) {
        Object param = action.firstParam();
        if (param == null || "nil".equals(param) || "".equals(param)) {
            ConversationView after = conversations.unassign(c.accountId(), c.displayId(), rule);
            return changed(c.assigneeId(), after.assigneeId(), "unassigned");
        }
        Long userId = "last_responding_agent".equals(param) ? lastRespondingAgent(c) : id(param);
        if (userId == null) return "skipped: no agent has replied in this conversation yet";
        ConversationView after = conversations.assign(c.accountId(), c.displayId(), userId, rule);
        return changed(c.assigneeId(), after.assigneeId(), "assigned to " + agentName(c.accountId(), userId));
    }

    private Long lastRespondingAgent(ConversationView c) {
        List<MessageView> messages = conversationQueries.recentMessages(c.id(), 200);
        for (int i = messages.size() - 1; i >= 0; i--) {
            MessageView m = messages.get(i);
            if (m.messageType() == MessageType.OUTGOING && !m.isPrivate() && "User".equals(m.senderType())) return m.senderId();
        }
        return null;
    }

    private String setCustomAttributes(RuleAction action, ConversationView c, Actor rule) {
        Map<String, Object> onConversation = new LinkedHashMap<>();
        Map<String, Object> onContact = new LinkedHashMap<>();
        for (Object p : action.params()) {
            if (!(p instanceof Map<?, ?> entry) || entry.get("key") == null) continue;
            boolean contact = "contact".equals(entry.get("target"));
            (contact ? onContact : onConversation).put(entry.get("key").toString(), entry.get("value"));
        }
        // Chatwoot's attribute limits, checked for both targets first so a refused value changes nothing
        var tooLong = new dev.parley.shared.Errors().attributeLengths("custom_attributes", onConversation)
                .attributeLengths("custom_attributes", onContact);
        if (!tooLong.isEmpty()) return "skipped: " + tooLong.describe();
        List<String> done = new ArrayList<>();
        if (!onConversation.isEmpty()) {
            ConversationView after = conversations.mergeCustomAttributes(c.accountId(), c.displayId(), onConversation, rule);
            if (!after.customAttributes().equals(c.customAttributes())) done.add("conversation " + onConversation);
        }
        if (!onContact.isEmpty()) {
            var before = contactQueries.get(c.accountId(), c.contactId()).customAttributes();
            var after = contacts.update(c.accountId(), c.contactId(), new ContactInput(null, null, null, null, null, null, onContact), rule);
            if (!after.customAttributes().equals(before)) done.add("contact " + onContact);
        }
        return done.isEmpty() ? "no change" : "done: set " + String.join(" and ", done);
    }

    private String emailTeams(RuleAction action, ConversationView c, Actor rule) {
        if (!mailer.configured()) return "skipped: mail not configured";
        Object first = action.firstParam();
        if (!(first instanceof Map<?, ?> params)) return "skipped: expected {message, team_ids}";
        String message = templates.render(String.valueOf(params.get("message")), c);
        List<String> recipients = new ArrayList<>();
        Object teamIds = params.get("team_ids");
        if (teamIds instanceof List<?> ids) {
            for (Object t : ids) {
                Long teamId = id(t);
                if (teamId == null) continue;
                teams.find(c.accountId(), teamId).ifPresent(team -> teams.memberIds(c.accountId(), team.id())
                        .forEach(u -> accounts.agent(c.accountId(), u).map(AgentView::email).ifPresent(recipients::add)));
            }
        }
        if (recipients.isEmpty()) return "skipped: the teams have no members";
        int sent = mailer.send(recipients.stream().distinct().toList(), "Conversation #" + c.displayId() + ": " + rule.name(),
                message + "\n\nThis email has been sent via automation rule actions.");
        return "done: emailed " + sent + " team member(s)";
    }

    private String emailTranscript(RuleAction action, ConversationView c) {
        if (!mailer.configured()) return "skipped: mail not configured";
        List<String> recipients = new ArrayList<>();
        for (String entry : String.valueOf(action.firstParam()).split(",")) {
            String rendered = templates.render(entry.trim(), c).trim();
            if (EMAIL.matcher(rendered).matches()) recipients.add(rendered);
        }
        if (recipients.isEmpty()) return "skipped: no valid email address";
        StringBuilder transcript = new StringBuilder("Transcript of conversation #" + c.displayId() + "\n\n");
        for (MessageView m : conversationQueries.allPublicMessages(c.id())) {
            transcript.append(m.messageType() == MessageType.INCOMING ? "Customer: " : "Agent: ").append(m.content()).append('\n');
        }
        return "done: transcript sent to " + mailer.send(recipients, "Conversation #" + c.displayId() + " transcript", transcript.toString())
                + " address(es)";
    }

    /** Chatwoot: the conversation's webhook payload plus {@code "event": "automation_event.<event_name>"}. */
    private dev.parley.webhook.WebhookBody webhookPayload(ConversationView c, String eventName) {
        return dev.parley.webhook.WebhookBody.of(payloads.conversation(c), "automation_event." + eventName);
    }

    private String status(ConversationView c, ConversationStatus to, Actor rule) {
        ConversationView after = conversations.changeStatus(c.accountId(), c.displayId(), to, null, rule, false);
        return after.status() == c.status() && to == c.status() ? "no change" : "done: status " + after.status().apiName();
    }

    private static String labels(ConversationView before, ConversationView after, String prefix) {
        return before.labels().equals(after.labels()) ? "no change" : "done: " + prefix + after.labels();
    }

    private static String changed(Object before, Object after, String what) {
        return Objects.equals(before, after) ? "no change" : "done: " + what;
    }

    private String agentName(long accountId, long userId) {
        return accounts.agent(accountId, userId).map(AgentView::availableName).orElse("agent " + userId);
    }

    static Long id(Object value) {
        if (value == null || "nil".equals(value) || "".equals(value)) return null;
        if (value instanceof Number n) return n.longValue();
        String text = value.toString().trim();
        return text.matches("-?\\d+") ? Long.parseLong(text) : null;
    }

    private static List<String> strings(List<Object> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(Object::toString).toList();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /**
     * Chatwoot's send_attachment: a public message from the rule carrying copies of the files kept with the rule
     * (uploaded with attach_file; params are their blob ids). Ids of files this account does not have are skipped.
     */
    private String sendAttachment(RuleAction action, ConversationView c, Actor rule) {
        List<Long> ids = action.params() == null ? List.of() : action.params().stream().map(p -> {
            try {
                return Long.valueOf(String.valueOf(p));
            } catch (NumberFormatException e) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
        var files = attachments.keptFiles(c.accountId(), ids);
        if (files.isEmpty()) return "skipped: no file of this account among " + action.params();
        MessageView m = conversations.postMessage(c.accountId(), c.displayId(), new MessageInput(null, "outgoing", false, null, null, null, null),
                files, rule);
        return "done: message " + m.id() + " with " + files.size() + " file(s)";
    }
}
