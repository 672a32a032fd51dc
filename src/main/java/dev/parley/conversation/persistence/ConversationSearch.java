package dev.parley.conversation.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a conversation list filter, built from the API's parameters. Values always travel as bind
 * parameters; only fixed fragments are concatenated.
 */
public final class ConversationSearch {

    public static final int PAGE_SIZE = 25;

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private String assigneeCondition;
    private final List<Object> assigneeParams = new ArrayList<>();
    private String orderBy = " ORDER BY c.last_activity_at DESC, c.id DESC";
    private int page = 1;

    public ConversationSearch(long accountId) {
        add("c.account_id = ?", accountId);
    }

    public ConversationSearch add(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    public ConversationSearch assignee(String condition, Object... values) {
        assigneeCondition = condition;
        assigneeParams.addAll(List.of(values));
        return this;
    }

    public ConversationSearch orderBy(String orderBy) {
        this.orderBy = orderBy;
        return this;
    }

    public ConversationSearch page(int page) {
        this.page = Math.max(page, 1);
        return this;
    }

    String whereWithoutAssignee() {
        return String.join(" AND ", conditions);
    }

    List<Object> paramsWithoutAssignee() {
        return params;
    }

    String where() {
        return assigneeCondition == null ? whereWithoutAssignee() : whereWithoutAssignee() + " AND " + assigneeCondition;
    }

    List<Object> params() {
        var all = new ArrayList<>(params);
        all.addAll(assigneeParams);
        return all;
    }

    String orderBy() {
        return orderBy;
    }

    int pageSize() {
        return PAGE_SIZE;
    }

    int offset() {
        return (page - 1) * PAGE_SIZE;
    }
}
