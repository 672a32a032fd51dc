package dev.parley.automation.application;

import dev.parley.automation.AutomationRuleView;
import dev.parley.automation.persistence.RuleRepository;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import dev.parley.shared.timers.DueTimer;
import dev.parley.shared.timers.TimerHandler;
import dev.parley.shared.timers.TimerResult;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Fires a delayed rule's timer: with the conversation locked, checks that the rule still exists and is on, that
 * the timer is not more than 3 days late (Chatwoot's bound: a server down for a week does not chase customers
 * about last week), and that its episode still holds (same status; no agent reply, or no customer reply, since
 * the message that armed it); then the {@link RuleRunner} evaluates the rule on the conversation as it is now and
 * runs its actions, in this transaction, logging the run with the timer's story.
 */
@Component
class DelayedRuleTimer implements TimerHandler {

    private static final Duration TOO_LATE = Duration.ofDays(3);

    private final RuleRepository rules;
    private final ConversationManagement conversationCommands;
    private final ConversationQueries conversations;
    private final RuleRunner runner;
    private final Clock clock;

    DelayedRuleTimer(RuleRepository rules, ConversationManagement conversationCommands, ConversationQueries conversations, RuleRunner runner,
                     Clock clock) {
        this.rules = rules;
        this.conversationCommands = conversationCommands;
        this.conversations = conversations;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return RuleTimers.KIND;
    }

    @Override
    public void lockSubject(DueTimer timer) {
        conversationCommands.lockForChange(timer.conversationId());
    }

    @Override
    public TimerResult fire(DueTimer timer) {
        long ruleId = ((Number) timer.payload().get("rule_id")).longValue();
        AutomationRuleView rule = rules.find(timer.accountId(), ruleId).orElse(null);
        if (rule == null) return TimerResult.skipped("the rule was deleted");
        ConversationView c = conversations.findById(timer.conversationId()).orElseThrow();
        String ended = !rule.active() ? "the rule is switched off"
                : Duration.between(timer.dueAt(), clock.instant()).compareTo(TOO_LATE) > 0 ? "more than 3 days late"
                : episodeOver(timer, c);
        return runner.fireDelayed(CompiledRule.of(rule), c, timer, ended);
    }

    /** Why the episode the timer was armed in is over, or null while it holds. */
    private String episodeOver(DueTimer timer, ConversationView c) {
        Object anchor = timer.payload().get("anchor_message_id");
        Object assignee = timer.payload().get("assignee_id");
        return switch (String.valueOf(timer.payload().get("episode"))) {
            case "status" -> c.status().apiName().equals(timer.payload().get("status")) ? null : "status is now " + c.status().apiName();
            case "awaiting_agent" -> firstAfter(c, anchor, true) == null ? null : "an agent replied (message " + firstAfter(c, anchor, true) + ")";
            case "awaiting_customer" -> firstAfter(c, anchor, false) == null ? null
                    : "the customer replied (message " + firstAfter(c, anchor, false) + ")";
            case "unassigned" -> c.assigneeId() != null ? "assigned to agent " + c.assigneeId()
                    : c.status() != ConversationStatus.OPEN ? "status is now " + c.status().apiName() : null;
            case "assigned" -> !(assignee instanceof Number a) || !Long.valueOf(a.longValue()).equals(c.assigneeId())
                    ? "the assignee is now " + (c.assigneeId() == null ? "nobody" : "agent " + c.assigneeId())
                    : repliedSince(c, a.longValue(), timer.armedAt()) ? "the assignee replied" : null;
            default -> null;
        };
    }

    private boolean repliedSince(ConversationView c, long agentId, java.time.Instant since) {
        return conversations.recentMessages(c.id(), 50).stream().anyMatch(m -> m.messageType() == MessageType.OUTGOING && !m.isPrivate()
                && "User".equals(m.senderType()) && Long.valueOf(agentId).equals(m.senderId()) && !m.createdAt().isBefore(since));
    }

    /** The first public agent reply (or customer message) after the anchor message, if any. */
    private Long firstAfter(ConversationView c, Object anchor, boolean agentReply) {
        if (!(anchor instanceof Number id)) return null;
        for (MessageView m : conversations.messages(c.id(), null, id.longValue(), true)) {
            boolean match = agentReply ? m.messageType() == MessageType.OUTGOING && "User".equals(m.senderType())
                    : m.messageType() == MessageType.INCOMING;
            if (match) return m.id();
        }
        return null;
    }
}
