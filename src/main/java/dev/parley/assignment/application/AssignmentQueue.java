package dev.parley.assignment.application;

import dev.parley.account.Teams;
import dev.parley.assignment.domain.AgentSelector;
import dev.parley.assignment.domain.Candidate;
import dev.parley.assignment.domain.RoutingRules;
import dev.parley.assignment.domain.Selection;
import dev.parley.assignment.persistence.RoutingRepository;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.JsonCodec;
import dev.parley.shared.Timestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The waiting line of an inbox, with positions and the reason nobody takes each conversation; and past decisions. */
@Service
@Transactional(readOnly = true)
public class AssignmentQueue {

    private static final int SHOWN = 100;

    private final InboxQueries inboxes;
    private final ConversationQueries conversations;
    private final RoutingContext context;
    private final RoutingRepository routing;
    private final Teams teams;
    private final JsonCodec json;

    AssignmentQueue(InboxQueries inboxes, ConversationQueries conversations, RoutingContext context, RoutingRepository routing,
                    Teams teams, JsonCodec json) {
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.context = context;
        this.routing = routing;
        this.teams = teams;
        this.json = json;
    }

    public Map<String, Object> queue(long accountId, long inboxId) {
        InboxView inbox = inboxes.get(accountId, inboxId);
        RoutingRules rules = context.rules(inbox);
        List<Candidate> candidates = context.candidates(inbox, rules);
        List<Map<String, Object>> waiting = new ArrayList<>();
        int position = 1;
        String stopped = context.stopReason(inbox);
        Map<Long, TeamRoute> teamRoutes = new HashMap<>();
        for (ConversationView c : conversations.waiting(inboxId, rules.longestWaitingFirst(), SHOWN, 0)) {
            TeamRoute team = c.teamId() == null ? null : teamRoutes.computeIfAbsent(c.teamId(), t -> TeamRoute.of(teams, accountId, t));
            Selection s = AgentSelector.choose(candidates, rules, team == null ? null : team.members());
            var entry = new LinkedHashMap<String, Object>();
            entry.put("position", position++);
            entry.put("conversation_id", c.displayId());
            entry.put("created_at", Timestamps.unix(c.createdAt()));
            entry.put("waiting_since", Timestamps.unix(c.waitingSince()));
            entry.put("team_id", c.teamId());
            entry.put("reason", stopped != null ? stopped : team != null && team.closedReason() != null ? team.closedReason()
                    : s.assigned() ? "being assigned to " + s.chosen().name() : s.reason());
            waiting.add(entry);
        }
        var agents = candidates.stream().map(c -> {
            var entry = DecisionLog.describe(c);
            entry.put("limit", rules.inboxLimit());
            return entry;
        }).toList();
        var meta = new LinkedHashMap<String, Object>();
        meta.put("inbox_id", inboxId);
        meta.put("enable_auto_assignment", inbox.enableAutoAssignment());
        meta.put("stopped_reason", stopped);
        meta.put("waiting_count", waiting.size());
        meta.put("agents", agents);
        return Map.of("meta", meta, "payload", waiting);
    }

    /** The last routing decision for a conversation (who was chosen and why, or why it waits). */
    public Optional<Map<String, Object>> lastDecision(long conversationId) {
        return routing.decision(conversationId).map(json::readMap);
    }
}
