package dev.parley.conversation.web;

import dev.parley.account.Membership;
import dev.parley.conversation.BulkChange;
import dev.parley.conversation.BulkChanges;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.JsonIds;
import dev.parley.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chatwoot's {@code POST /bulk_actions}: {@code {type: "Conversation", ids, fields: {assignee_id, team_id, status},
 * labels: {add, remove}, snoozed_until}}. Parley also takes {@code filter} (the list's parameters) instead of ids,
 * to act on every conversation a view matches, and answers with what it applied and what it refused.
 */
@RestController
class BulkActionsController {

    private final BulkChanges bulk;
    private final ConversationQueries queries;

    BulkActionsController(BulkChanges bulk, ConversationQueries queries) {
        this.bulk = bulk;
        this.queries = queries;
    }

    @PostMapping("/api/v1/accounts/{accountId}/bulk_actions")
    Map<String, Object> apply(Membership me, @PathVariable long accountId, @RequestBody Map<String, Object> body) {
        Object type = body.get("type");
        if (type != null && !"Conversation".equals(type)) throw InvalidInput.of("type", "must be Conversation");
        List<Long> ids = body.containsKey("filter") ? matching(me, map("filter", body.get("filter"))) : JsonIds.ids("ids", body.get("ids"));
        if (!body.containsKey("filter") && ids.isEmpty()) throw InvalidInput.of("ids", "can't be blank");
        BulkChanges.Result result = bulk.apply(me, ids, change(body));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("count", result.applied().size());
        answer.put("ids", result.applied());
        answer.put("refused", result.refused().entrySet().stream().map(e -> Map.of("id", e.getKey(), "reason", e.getValue())).toList());
        return answer;
    }

    private List<Long> matching(Membership me, Map<String, Object> filter) {
        return queries.matchingDisplayIds(me, new ConversationFilter(text(filter.get("status")), text(filter.get("assignee_type")),
                JsonIds.id("inbox_id", filter.get("inbox_id")), JsonIds.id("team_id", filter.get("team_id")),
                filter.get("labels") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null, text(filter.get("q")),
                text(filter.get("sort_by")), 1, text(filter.get("conversation_type"))), BulkChanges.MAX);
    }

    private static BulkChange change(Map<String, Object> body) {
        Map<String, Object> fields = map("fields", body.get("fields"));
        Map<String, Object> labels = map("labels", body.get("labels"));
        String status = text(fields.get("status"));
        new Errors().oneOf("status", status, ConversationStatus.apiNames()).throwIfAny();
        Object snoozed = body.containsKey("snoozed_until") ? body.get("snoozed_until") : fields.get("snoozed_until");
        return new BulkChange(fields.containsKey("assignee_id"), JsonIds.id("assignee_id", fields.get("assignee_id")),
                fields.containsKey("team_id"), zeroIsNone(JsonIds.id("team_id", fields.get("team_id"))),
                status == null ? null : ConversationStatus.fromApi(status),
                snoozed instanceof Number n ? Timestamps.fromUnix(n.longValue()) : null, strings("labels", labels.get("add")),
                strings("labels", labels.get("remove")));
    }

    private static Long zeroIsNone(Long id) {
        return id != null && id == 0 ? null : id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String field, Object value) {
        if (value == null) return Map.of();
        if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw InvalidInput.of(field, "must be an object");
    }

    private static List<String> strings(String field, Object value) {
        if (value == null) return List.of();
        if (value instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        throw InvalidInput.of(field, "must be a list of label titles");
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
