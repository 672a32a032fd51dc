package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import dev.parley.web.DashboardUser;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Bulk actions on the selected conversations of a list: assign, unassign, label, resolve, reopen, pending, snooze. */
@Controller
class BulkActionsPageController {

    private final DashboardContext context;
    private final ConversationQueries conversations;
    private final ConversationManagement management;

    BulkActionsPageController(DashboardContext context, ConversationQueries conversations, ConversationManagement management) {
        this.context = context;
        this.conversations = conversations;
        this.management = management;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/bulk")
    String apply(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId,
                 @RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam(name = "bulk_action") String action,
                 @RequestParam(name = "bulk_value", defaultValue = "") String value, @RequestParam(defaultValue = "mine") String view) {
        Membership me = context.membership(user, accountId);
        int done = 0;
        int refused = 0;
        for (long id : ids == null ? List.<Long>of() : ids) {
            try {
                conversations.visible(me, id);
                switch (action) {
                    case "resolve" -> management.changeStatus(accountId, id, ConversationStatus.RESOLVED, null, me.actor(), false);
                    case "reopen" -> management.changeStatus(accountId, id, ConversationStatus.OPEN, null, me.actor(), false);
                    case "pending" -> management.changeStatus(accountId, id, ConversationStatus.PENDING, null, me.actor(), false);
                    case "snooze" -> management.changeStatus(accountId, id, ConversationStatus.SNOOZED, null, me.actor(), false);
                    case "assign_me" -> management.assign(accountId, id, me.userId(), me.actor());
                    case "unassign" -> management.unassign(accountId, id, me.actor());
                    case "label" -> management.addLabels(accountId, id, List.of(value.split(",")).stream().map(String::trim)
                            .filter(l -> !l.isEmpty()).toList(), me.actor());
                    default -> throw InvalidInput.of("bulk_action", "is not known");
                }
                done++;
            } catch (InvalidInput | ResourceNotFound e) {
                refused++;
            }
        }
        return "redirect:/app/accounts/" + accountId + "/conversations?view=" + view + "&done=" + done + "&refused=" + refused;
    }
}
