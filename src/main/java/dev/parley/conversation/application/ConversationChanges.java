package dev.parley.conversation.application;

import dev.parley.account.AccountQueries;
import dev.parley.account.AgentView;
import dev.parley.account.Teams;
import dev.parley.conversation.ConversationAssigneeChanged;
import dev.parley.conversation.ConversationStatusChanged;
import dev.parley.conversation.ConversationTeamChanged;
import dev.parley.conversation.ConversationUpdated;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageCreated;
import dev.parley.conversation.MessageType;
import dev.parley.conversation.MessageView;
import dev.parley.conversation.domain.ActivityMessages;
import dev.parley.conversation.domain.Conversation;
import dev.parley.conversation.persistence.ConversationRepository;
import dev.parley.conversation.persistence.MessageRepository;
import dev.parley.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Saves a changed conversation and tells the world, inside the caller's transaction: writes the row,
 * the activity lines, and publishes the past-tense events with the values true at commit time.
 * A conversation with no recorded change is only saved (e.g. last_activity_at), never announced.
 */
@Component
public class ConversationChanges {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final AccountQueries accounts;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ConversationChanges(ConversationRepository conversations, MessageRepository messages, AccountQueries accounts,
                               Teams teams, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.accounts = accounts;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    public ConversationView save(Conversation conversation, Actor actor, ActivityMessages.Reason reason) {
        return save(conversation, actor, reason, null);
    }

    /** As {@link #save(Conversation, Actor, ActivityMessages.Reason)}, with the assignee line replaced by {@code assigneeLine}. */
    public ConversationView save(Conversation conversation, Actor actor, ActivityMessages.Reason reason, String assigneeLine) {
        Instant now = clock.instant();
        ConversationView before = conversation.original();
        ConversationView after = conversation.toView(now);
        conversations.update(after);
        if (!conversation.hasChanges()) return after;
        var lines = ActivityMessages.describe(before, after, actor, reason, id -> agentName(after.accountId(), id),
                id -> teamName(after.accountId(), id));
        if (assigneeLine != null && !Objects.equals(before.assigneeId(), after.assigneeId())) {
            lines.removeIf(line -> line.startsWith("Conversation unassigned by") || line.startsWith("Assigned to"));
            lines.add(assigneeLine);
        }
        lines.forEach(line -> writeActivity(after, line, actor, now));
        publish(before, after, conversation.changes(), actor, now);
        return after;
    }

    private void publish(ConversationView before, ConversationView after, Map<String, java.util.List<Object>> changes, Actor actor,
                         Instant now) {
        if (before.status() != after.status()) {
            events.publishEvent(new ConversationStatusChanged(UUID.randomUUID(), now, after.accountId(), after.id(), after.displayId(),
                    after.inboxId(), before.status(), after.status(), after.assigneeId(), after.teamId(), after.snoozedUntil(), actor));
        }
        if (!Objects.equals(before.teamId(), after.teamId())) {
            events.publishEvent(new ConversationTeamChanged(UUID.randomUUID(), now, after.accountId(), after.id(), after.displayId(),
                    after.inboxId(), after.status(), before.teamId(), after.teamId(), after.assigneeId(), actor));
        }
        if (!Objects.equals(before.assigneeId(), after.assigneeId())) {
            events.publishEvent(new ConversationAssigneeChanged(UUID.randomUUID(), now, after.accountId(), after.id(),
                    after.displayId(), after.inboxId(), after.status(), before.assigneeId(), after.assigneeId(), actor));
        }
        events.publishEvent(new ConversationUpdated(UUID.randomUUID(), now, after.accountId(), after.id(), after.displayId(),
                after.inboxId(), new LinkedHashMap<>(changes), actor));
    }

    /** Writes one activity line for a change that is not a conversation field (e.g. its contact was muted). */
    public void activity(ConversationView c, String line, Actor actor) {
        writeActivity(c, line, actor, clock.instant());
    }

    /** Stores an activity line (no sender) that remembers who acted, so the dashboard can link a rule. */
    private void writeActivity(ConversationView c, String line, Actor actor, Instant now) {
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("actor_type", actor.kind().name().toLowerCase());
        if (actor.id() != null) attributes.put("actor_id", actor.id());
        if (actor.name() != null) attributes.put("actor_name", actor.name());
        MessageView activity = messages.insert(new MessageView(0, c.accountId(), c.inboxId(), c.id(), MessageType.ACTIVITY, line,
                "text", Map.of("activity", attributes), false, "sent", null, null, null, null, now));
        announceMessage(c, activity, false, false, null, actor);
    }

    public void announceMessage(ConversationView c, MessageView m, boolean humanReply, boolean firstReply, Instant waitingSinceBefore,
                                Actor actor) {
        Object ruleId = m.contentAttributes().get("automation_rule_id");
        events.publishEvent(new MessageCreated(UUID.randomUUID(), m.createdAt(), c.accountId(), c.id(), c.displayId(), c.inboxId(),
                m.id(), m.messageType(), m.isPrivate(), m.senderType(), m.senderId(),
                ruleId instanceof Number n ? n.longValue() : null, humanReply, firstReply, waitingSinceBefore, c.assigneeId(), actor,
                m.content()));
    }

    private String agentName(long accountId, long userId) {
        return accounts.agent(accountId, userId).map(AgentView::availableName).orElse("a former agent");
    }

    private String teamName(long accountId, long teamId) {
        return teams.find(accountId, teamId).map(t -> t.name()).orElse("a deleted team");
    }
}
