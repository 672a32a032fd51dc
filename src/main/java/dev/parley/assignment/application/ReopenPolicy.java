package dev.parley.assignment.application;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.assignment.domain.RoutingRules;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.presence.PresenceQueries;
import dev.parley.presence.PresenceView;
import dev.parley.shared.Actor;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to the assignee when a customer reopens a conversation, per inbox
 * ({@code auto_assignment_config.reopen_assignee}): {@code keep} (Chatwoot: keep unless no longer an
 * inbox member), {@code if_available} (default: keep only if online and within the limit) or
 * {@code never}. A released conversation is then routed like a new one.
 */
@Component
class ReopenPolicy {

    static final String KEEP = "keep";
    static final String IF_AVAILABLE = "if_available";
    static final String NEVER = "never";

    private final ConversationQueries conversations;
    private final ConversationManagement conversationManagement;
    private final InboxQueries inboxes;
    private final PresenceQueries presence;
    private final AccountQueries accounts;
    private final RoutingContext context;
    private final TransactionTemplate transactions;

    ReopenPolicy(ConversationQueries conversations, ConversationManagement conversationManagement, InboxQueries inboxes,
                 PresenceQueries presence, AccountQueries accounts, RoutingContext context, TransactionTemplate transactions) {
        this.conversations = conversations;
        this.conversationManagement = conversationManagement;
        this.inboxes = inboxes;
        this.presence = presence;
        this.accounts = accounts;
        this.context = context;
        this.transactions = transactions;
    }

    /**
     * Applies the policy after a reopen. {@code byCustomerOrTimer} false (an agent or a rule reopened it)
     * keeps the assignee unless they are no longer an inbox member (Chatwoot's AutoAssignmentHandler):
     * choosing to reopen is not a reason to take the conversation from a colleague.
     */
    void apply(long accountId, long conversationId, boolean byCustomerOrTimer) {
        transactions.executeWithoutResult(tx -> {
            ConversationView c = conversations.findById(conversationId).orElse(null);
            if (c == null || c.status() != ConversationStatus.OPEN || c.assigneeId() == null) return;
            InboxView inbox = inboxes.get(accountId, c.inboxId());
            if (context.stopReason(inbox) != null) return; // nobody would route it again: keep the assignee
            String why = byCustomerOrTimer ? reasonToRelease(inbox, c) : notAMember(inbox, c);
            if (why != null) conversationManagement.releaseAssignee(c.id(), c.assigneeId(), why, Actor.assignment());
        });
    }

    private String notAMember(InboxView inbox, ConversationView c) {
        if (inboxes.isMember(inbox.id(), c.assigneeId())) return null;
        return "Unassigned: " + accounts.agent(c.accountId(), c.assigneeId()).map(AgentView::availableName).orElse("the previous agent")
                + " is no longer a member of this inbox";
    }

    /** Null to keep the assignee; otherwise the activity line that explains the release. */
    private String reasonToRelease(InboxView inbox, ConversationView c) {
        long assignee = c.assigneeId();
        String name = accounts.agent(c.accountId(), assignee).map(AgentView::availableName).orElse("the previous agent");
        String policy = String.valueOf(inbox.autoAssignmentConfig().getOrDefault("reopen_assignee", IF_AVAILABLE));
        String gone = notAMember(inbox, c);
        if (gone != null) return gone;
        if (KEEP.equals(policy)) return null;
        if (NEVER.equals(policy)) return "Unassigned: reopened conversations are routed afresh in this inbox";
        PresenceView p = presence.presence(c.accountId(), assignee);
        if (!presence.isOnline(c.accountId(), assignee)) {
            return "Unassigned: " + name + " is " + ("busy".equals(p.availability()) ? "busy" : "offline");
        }
        RoutingRules rules = context.rules(inbox);
        if (rules.inboxLimit() != null) {
            long open = conversations.openCounts(c.accountId(), inbox.id(), List.of(assignee)).getOrDefault(assignee, 0L);
            if (open > rules.inboxLimit()) {
                return "Unassigned: " + name + " already has " + (open - 1) + " open conversations (limit " + rules.inboxLimit() + ")";
            }
        }
        return null;
    }
}
