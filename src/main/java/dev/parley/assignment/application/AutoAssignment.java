package dev.parley.assignment.application;

import dev.parley.account.Teams;
import dev.parley.assignment.domain.AgentSelector;
import dev.parley.assignment.domain.Candidate;
import dev.parley.assignment.domain.RoutingRules;
import dev.parley.assignment.domain.Selection;
import dev.parley.assignment.persistence.RoutingRepository;
import dev.parley.conversation.ConversationManagement;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationView;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands waiting conversations to available agents. Each batch runs in its own transaction under the
 * account's advisory lock, re-reads load from the database and assigns through
 * {@link ConversationManagement#assignIfWaiting}, so limits hold with concurrent events and several
 * nodes, and a repeated event changes nothing.
 */
@Service
public class AutoAssignment {

    static final int BATCH = 50;

    private final RoutingContext context;
    private final RoutingRepository routing;
    private final ConversationQueries conversations;
    private final ConversationManagement conversationManagement;
    private final InboxQueries inboxes;
    private final Teams teams;
    private final DecisionLog decisions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final io.micrometer.core.instrument.Timer routingDelay;

    AutoAssignment(RoutingContext context, RoutingRepository routing, ConversationQueries conversations,
                   ConversationManagement conversationManagement, InboxQueries inboxes, Teams teams, DecisionLog decisions,
                   TransactionTemplate transactions, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.routingDelay = io.micrometer.core.instrument.Timer.builder("parley.assignment.routing.delay")
                .description("From a conversation starting to wait for an agent to its auto-assignment").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.context = context;
        this.routing = routing;
        this.conversations = conversations;
        this.conversationManagement = conversationManagement;
        this.inboxes = inboxes;
        this.teams = teams;
        this.decisions = decisions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Assigns as many waiting conversations of the inbox as there is room for; returns how many. */
    public int assignWaiting(long accountId, long inboxId) {
        int total = 0;
        int skipped = 0;
        while (true) {
            int offset = skipped;
            BatchResult batch = transactions.execute(tx -> assignBatch(accountId, inboxId, offset));
            if (batch == null) return total;
            total += batch.assigned();
            skipped += batch.skipped();
            if (batch.exhausted()) return total;
        }
    }

    /** The inboxes an agent works in. */
    public List<Long> inboxesOf(long accountId, long userId) {
        return inboxes.inboxIdsOf(accountId, userId);
    }

    /** Backfills every inbox the agent works in (room appeared: came online, finished a conversation...). */
    public int backfillFor(long accountId, long userId) {
        return inboxes.inboxIdsOf(accountId, userId).stream().mapToInt(inbox -> assignWaiting(accountId, inbox)).sum();
    }

    /**
     * Chatwoot's team rule: a conversation given to a team finds an assignee among the team, even with
     * inbox auto-assignment off. {@code teamChangedBy} (who set the team) is named in the activity line.
     */
    public boolean routeToTeam(long accountId, long conversationId, Actor teamChangedBy) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            routing.lockAccount(accountId);
            Optional<ConversationView> found = conversations.findById(conversationId);
            if (found.isEmpty()) return false;
            ConversationView c = found.get();
            if (c.status() != ConversationStatus.OPEN || c.assigneeId() != null || c.teamId() == null) return false;
            if (teams.find(accountId, c.teamId()).map(t -> !t.allowAutoAssign()).orElse(true)) return false;
            InboxView inbox = inboxes.get(accountId, c.inboxId());
            RoutingRules rules = context.rules(inbox);
            List<Candidate> candidates = context.candidates(inbox, rules);
            Selection s = AgentSelector.choose(candidates, rules, new HashSet<>(teams.memberIds(accountId, c.teamId())));
            return s.assigned() && hand(c, s, rules, new CandidatePool(candidates), teamChangedBy) || record(c, s, rules);
        }));
    }

    /**
     * The return timer: hands an open, assigned conversation to another online agent with room (the inbox's policy
     * and limits, the conversation's team), in the caller's transaction, and records the decision with {@code why},
     * so "Why?" tells it. Returns what happened in one line.
     */
    public String reassignAway(long conversationId, String why, Actor actor) {
        ConversationView c = conversations.findById(conversationId).orElseThrow();
        if (c.assigneeId() == null) return "skipped: the conversation has no assignee";
        if (c.status() != ConversationStatus.OPEN) return "skipped: the conversation is " + c.status().apiName();
        routing.lockAccount(c.accountId());
        InboxView inbox = inboxes.get(c.accountId(), c.inboxId());
        RoutingRules rules = context.rules(inbox);
        long from = c.assigneeId();
        List<Candidate> candidates = context.candidates(inbox, rules);
        Selection s = AgentSelector.choose(candidates.stream().filter(x -> x.userId() != from).toList(), rules,
                c.teamId() == null ? null : new HashSet<>(teams.memberIds(c.accountId(), c.teamId())));
        var verdicts = new java.util.LinkedHashMap<>(s.verdicts());
        verdicts.put(from, dev.parley.assignment.domain.Verdict.CURRENT_ASSIGNEE);
        if (!s.assigned()) {
            decisions.record(c, new Selection(null, why + "; kept, because " + s.reason(), verdicts), rules);
            return "skipped: no other agent can take it (" + s.reason() + ")";
        }
        conversationManagement.assign(c.accountId(), c.displayId(), s.chosen().userId(), actor);
        routing.recordAssignment(c.accountId(), c.inboxId(), s.chosen().userId(), c.id(), clock.instant());
        decisions.record(c, new Selection(s.chosen(), why + "; moved to " + s.chosen().name() + ": " + s.reason(), verdicts), rules);
        return "done: moved from agent " + from + " to " + s.chosen().name();
    }

    private BatchResult assignBatch(long accountId, long inboxId, int offset) {
        routing.lockAccount(accountId);
        Optional<InboxView> found = inboxes.find(accountId, inboxId);
        if (found.isEmpty() || !found.get().enableAutoAssignment()) return new BatchResult(0, 0, true);
        InboxView inbox = found.get();
        RoutingRules rules = context.rules(inbox);
        List<ConversationView> waiting = conversations.waiting(inboxId, rules.longestWaitingFirst(), BATCH, offset);
        if (waiting.isEmpty()) return new BatchResult(0, 0, true);
        String stopped = context.stopReason(inbox);
        if (stopped != null) {
            // a disabled policy: nothing is assigned, and each waiting conversation can tell why
            waiting.forEach(c -> decisions.recordWaiting(c, stopped, rules));
            return new BatchResult(0, waiting.size(), waiting.size() < BATCH);
        }
        CandidatePool pool = new CandidatePool(context.candidates(inbox, rules));
        Map<Long, TeamRoute> teamRoutes = new HashMap<>();
        int assigned = 0;
        int skipped = 0;
        for (ConversationView c : waiting) {
            TeamRoute team = c.teamId() == null ? null : teamRoutes.computeIfAbsent(c.teamId(), t -> TeamRoute.of(teams, accountId, t));
            if (team != null && team.closedReason() != null) {
                // the team keeps its conversations for a manual assignment (Chatwoot's allow_auto_assign: false)
                decisions.recordWaiting(c, team.closedReason(), rules);
                skipped++;
                continue;
            }
            Selection s = AgentSelector.choose(pool.candidates(), rules, team == null ? null : team.members());
            if (s.assigned() && hand(c, s, rules, pool, null)) {
                assigned++;
                continue;
            }
            record(c, s, rules);
            if (team == null) return new BatchResult(assigned, skipped, true); // nobody at all has room
            skipped++;
        }
        return new BatchResult(assigned, skipped, waiting.size() < BATCH);
    }

    private boolean hand(ConversationView c, Selection s, RoutingRules rules, CandidatePool pool, Actor teamChangedBy) {
        long userId = s.chosen().userId();
        boolean done = teamChangedBy == null ? conversationManagement.assignIfWaiting(c.id(), userId, Actor.assignment())
                : conversationManagement.assignViaTeamIfWaiting(c.id(), userId, Actor.assignment(), teamChangedBy);
        if (!done) return false;
        Instant now = clock.instant();
        pool.assigned(s.chosen(), now);
        Instant waitingSince = c.waitingSince() != null ? c.waitingSince() : c.updatedAt();
        if (waitingSince != null) routingDelay.record(java.time.Duration.between(waitingSince, now).isNegative() ? java.time.Duration.ZERO
                : java.time.Duration.between(waitingSince, now));
        routing.recordAssignment(c.accountId(), c.inboxId(), userId, c.id(), now);
        decisions.record(c, s, rules);
        return true;
    }

    private boolean record(ConversationView c, Selection s, RoutingRules rules) {
        decisions.record(c, new Selection(null, s.reason(), s.verdicts()), rules);
        return false;
    }

    /** What one transaction did: assigned, passed over (team conversations nobody can take), and whether the queue ran out. */
    record BatchResult(int assigned, int skipped, boolean exhausted) {
    }
}
