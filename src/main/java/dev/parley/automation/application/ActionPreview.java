package dev.parley.automation.application;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.automation.domain.RuleAction;
import dev.parley.conversation.ConversationView;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Says what an action would change on a conversation, without changing it (for dry runs). */
@Component
class ActionPreview {

    private final AccountQueries accounts;
    private final Templates templates;
    private final AutomationMailer mailer;

    ActionPreview(AccountQueries accounts, Templates templates, AutomationMailer mailer) {
        this.accounts = accounts;
        this.templates = templates;
        this.mailer = mailer;
    }

    String describe(RuleAction action, ConversationView c) {
        try {
            return preview(action, c);
        } catch (dev.parley.automation.domain.LiquidSandbox.TemplateRefused e) {
            return "would skip: the template " + e.getMessage();
        }
    }

    private String preview(RuleAction action, ConversationView c) {
        Object p = action.firstParam();
        return switch (action.name()) {
            case "assign_agent" -> {
                if (p == null || "nil".equals(p)) yield c.assigneeId() == null ? "no change (already unassigned)" : "would unassign " + name(c, c.assigneeId());
                if ("last_responding_agent".equals(p)) yield "would assign to the last agent who replied";
                Long id = ActionExecutor.id(p);
                yield Objects.equals(id, c.assigneeId()) ? "no change (already assigned)" : "would assign to " + name(c, id);
            }
            case "assign_team" -> {
                Long team = ActionExecutor.id(p);
                Long target = team == null || team == 0 ? null : team;
                yield Objects.equals(target, c.teamId()) ? "no change" : target == null ? "would remove the team" : "would set team " + target;
            }
            case "add_label" -> {
                List<String> missing = strings(action).stream().map(String::toLowerCase).filter(l -> !c.labels().contains(l)).toList();
                yield missing.isEmpty() ? "no change" : "would add " + missing;
            }
            case "remove_label" -> {
                List<String> present = strings(action).stream().map(String::toLowerCase).filter(c.labels()::contains).toList();
                yield present.isEmpty() ? "no change" : "would remove " + present;
            }
            case "send_attachment" -> "would send the rule's file(s) " + action.params();
            case "send_message" -> "would send \"" + templates.render(String.valueOf(p), c) + "\"";
            case "add_private_note" -> "would add the note \"" + templates.render(String.valueOf(p), c) + "\"";
            case "resolve_conversation", "mute_conversation" -> status(c, "resolved") + ("mute_conversation".equals(action.name()) ? " and block the contact" : "");
            case "open_conversation" -> status(c, "open");
            case "pending_conversation" -> status(c, "pending");
            case "snooze_conversation" -> status(c, "snoozed");
            case "change_status" -> status(c, String.valueOf(p));
            case "change_priority" -> {
                String current = c.priority() == null ? "nil" : c.priority().apiName();
                String wanted = p == null ? "nil" : p.toString();
                yield current.equals(wanted) ? "no change" : "would set priority " + wanted;
            }
            case "set_custom_attribute" -> "would set " + action.params();
            case "send_webhook_event" -> "would POST the conversation to " + p;
            case "send_email_to_team", "send_email_transcript" -> mailer.configured() ? "would send email" : "would skip: mail not configured";
            default -> "not supported";
        };
    }

    private static String status(ConversationView c, String to) {
        return c.status().apiName().equals(to) ? "no change" : "would set status " + to;
    }

    private String name(ConversationView c, Long userId) {
        return userId == null ? "nobody" : accounts.agent(c.accountId(), userId).map(AgentView::availableName).orElse("agent " + userId);
    }

    private static List<String> strings(RuleAction action) {
        return action.params() == null ? List.of() : action.params().stream().filter(Objects::nonNull).map(Object::toString).toList();
    }
}
