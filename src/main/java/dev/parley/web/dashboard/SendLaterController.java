package dev.parley.web.dashboard;

import dev.parley.account.Membership;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ScheduledMessages;
import dev.parley.shared.InvalidInput;
import dev.parley.web.DashboardUser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reply box's "Send later": the reply or note written now is scheduled (the scheduled messages API) for the
 * time picked, which the browser sends in UTC ({@code send_at}); without script the picked local time counts as UTC.
 */
@Controller
class SendLaterController {

    private final DashboardContext context;
    private final ConversationQueries conversations;
    private final ScheduledMessages scheduled;

    SendLaterController(DashboardContext context, ConversationQueries conversations, ScheduledMessages scheduled) {
        this.context = context;
        this.conversations = conversations;
        this.scheduled = scheduled;
    }

    @PostMapping("/app/accounts/{accountId}/conversations/{displayId}/scheduled-messages")
    String schedule(@AuthenticationPrincipal DashboardUser user, @PathVariable long accountId, @PathVariable long displayId,
                    @RequestParam(defaultValue = "") String content, @RequestParam(name = "private", defaultValue = "false") boolean note,
                    @RequestParam(name = "send_at", defaultValue = "") String sendAt,
                    @RequestParam(name = "send_at_local", defaultValue = "") String sendAtLocal) {
        Membership me = context.membership(user, accountId);
        conversations.visible(me, displayId);
        scheduled.schedule(accountId, displayId, content, note, when(sendAt, sendAtLocal), me.actor());
        return "redirect:/app/accounts/" + accountId + "/conversations/" + displayId;
    }

    private static Instant when(String utc, String local) {
        try {
            if (!utc.isBlank()) return Instant.parse(utc);
            if (!local.isBlank()) return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("scheduled_at", "is not a date and time");
        }
        throw InvalidInput.of("scheduled_at", "can't be blank");
    }
}
