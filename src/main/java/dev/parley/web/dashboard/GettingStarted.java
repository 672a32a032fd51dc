package dev.parley.web.dashboard;

import dev.parley.account.AccountQueries;
import dev.parley.account.Membership;
import dev.parley.conversation.ConversationQueries;
import dev.parley.inbox.InboxQueries;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The checklist an administrator sees on a new account until it is done: create an inbox, invite agents, go online,
 * put the chat on the website (ticked by the first conversation). Templates reach it as {@code @gettingStarted}.
 */
@Component("gettingStarted")
public class GettingStarted {

    /** One step: done or not, and where to do it (null: in the header). */
    public record Step(String id, String title, String hint, boolean done, String href) {
    }

    private final InboxQueries inboxes;
    private final AccountQueries accounts;
    private final ConversationQueries conversations;
    private final DashboardContext context;

    GettingStarted(InboxQueries inboxes, AccountQueries accounts, ConversationQueries conversations, DashboardContext context) {
        this.inboxes = inboxes;
        this.accounts = accounts;
        this.conversations = conversations;
        this.context = context;
    }

    /** The steps for an administrator of an account not yet set up; empty once every step is done, and for agents. */
    public List<Step> steps(Membership me) {
        if (!me.isAdministrator()) return List.of();
        String base = "/app/accounts/" + me.accountId();
        List<Step> steps = List.of(
                new Step("inbox", "Create an inbox", "Where your customers' conversations arrive; choose who answers them.",
                        !inboxes.visibleTo(me).isEmpty(), base + "/inboxes/new"),
                new Step("agents", "Invite your agents", "Each gets a link to set a password.", accounts.agents(me.accountId()).size() > 1,
                        base + "/agents"),
                new Step("online", "Go online", "Choose Online in the menu at the top: conversations are routed to agents who are online.",
                        "online".equals(context.availability(me)), null),
                new Step("website", "Put the chat on your website",
                        "Your site sends customers' messages to the inbox through the public client API (the inbox identifier is on its page); "
                                + "the first conversation ticks this off.",
                        !conversations.latest(me.accountId(), 1).isEmpty(), base + "/settings#inboxes"));
        return steps.stream().allMatch(Step::done) ? List.of() : steps;
    }
}
