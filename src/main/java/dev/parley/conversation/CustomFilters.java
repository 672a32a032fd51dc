package dev.parley.conversation;

import dev.parley.account.Membership;
import dev.parley.conversation.persistence.CustomFilterRepository;
import dev.parley.conversation.persistence.ConversationFilterColumns;
import dev.parley.shared.filter.FilterRow;
import dev.parley.shared.filter.FilterSql;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved filters ("folders"), personal as in Chatwoot: each person sees and changes only their own. A
 * conversation filter's query is checked like a filter request, so a saved folder always runs.
 */
@Service
@Transactional
public class CustomFilters {

    public static final List<String> TYPES = List.of("conversation", "contact", "report");
    private final CustomFilterRepository filters;

    public CustomFilters(CustomFilterRepository filters) {
        this.filters = filters;
    }

    public CustomFilterView create(Membership me, String name, String type, Map<String, Object> query) {
        String filterType = type == null || type.isBlank() ? "conversation" : type;
        var errors = new Errors().requireText("name", name).maxLength("name", name, 255).oneOf("filter_type", filterType, TYPES);
        if (query == null) errors.add("query", "can't be blank");
        errors.throwIfAny();
        if ("conversation".equals(filterType)) rows(query);
        return filters.insert(me.accountId(), me.userId(), name.trim(), filterType, query);
    }

    public CustomFilterView update(Membership me, long id, String name, Map<String, Object> query) {
        CustomFilterView current = get(me, id);
        if (name != null && name.isBlank()) throw InvalidInput.of("name", "can't be blank");
        if (query != null && "conversation".equals(current.filterType())) rows(query);
        filters.update(id, name == null ? null : name.trim(), query);
        return get(me, id);
    }

    public void delete(Membership me, long id) {
        get(me, id);
        filters.delete(id);
    }

    @Transactional(readOnly = true)
    public CustomFilterView get(Membership me, long id) {
        return filters.find(me.accountId(), me.userId(), id).orElseThrow(() -> new ResourceNotFound("Custom filter"));
    }

    @Transactional(readOnly = true)
    public List<CustomFilterView> all(Membership me, String type) {
        if (type != null) new Errors().oneOf("filter_type", type, TYPES).throwIfAny();
        return filters.all(me.accountId(), me.userId(), type);
    }

    /** The filter rows of a conversation query ({@code {payload: [...]}}), refused as a filter request would be. */
    public static List<FilterRow> rows(Map<String, Object> query) {
        Object payload = query == null ? null : query.get("payload");
        if (!(payload instanceof List<?>)) throw InvalidInput.of("query", "must hold a payload list of conditions");
        List<FilterRow> rows = FilterRow.parse(payload);
        FilterSql.of(rows, ConversationFilterColumns.VOCABULARY);
        return rows;
    }
}
