package dev.parley.conversation;

import dev.parley.account.Membership;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one change to many conversations, each in its own transaction with its own events, so one
 * conversation that refuses (not visible, assignee not in its inbox) does not undo the others. The
 * result lists what changed and why the rest were refused.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class BulkChanges {

    /** Most conversations one bulk action touches. */
    public static final int MAX = 1000;

    private final ConversationQueries queries;
    private final ConversationManagement management;

    public BulkChanges(ConversationQueries queries, ConversationManagement management) {
        this.queries = queries;
        this.management = management;
    }

    /** What a bulk action did: the display ids it was applied to and, per refused id, the reason. */
    public record Result(List<Long> applied, Map<Long, String> refused) {
    }

    public Result apply(Membership me, List<Long> displayIds, BulkChange change) {
        if (change.changesNothing()) throw InvalidInput.of("fields", "name at least one change (assignee_id, team_id, status or labels)");
        if (displayIds.size() > MAX) throw InvalidInput.of("ids", "can hold at most " + MAX + " conversations");
        var applied = new ArrayList<Long>();
        var refused = new LinkedHashMap<Long, String>();
        for (long id : displayIds.stream().distinct().toList()) {
            try {
                queries.visible(me, id);
                applyTo(me, id, change);
                applied.add(id);
            } catch (ResourceNotFound e) {
                refused.put(id, "not found");
            } catch (InvalidInput e) {
                refused.put(id, e.getMessage());
            }
        }
        return new Result(applied, refused);
    }

    private void applyTo(Membership me, long id, BulkChange change) {
        long accountId = me.accountId();
        if (change.status() != null) management.changeStatus(accountId, id, change.status(), change.snoozedUntil(), me.actor(), false);
        if (change.setTeam()) management.assignTeam(accountId, id, change.teamId(), me.actor());
        if (change.setAssignee()) {
            if (change.assigneeId() == null) management.unassign(accountId, id, me.actor());
            else management.assign(accountId, id, change.assigneeId(), me.actor());
        }
        if (!change.addLabels().isEmpty()) management.addLabels(accountId, id, change.addLabels(), me.actor());
        if (!change.removeLabels().isEmpty()) management.removeLabels(accountId, id, change.removeLabels(), me.actor());
    }
}
