package dev.parley.automation.domain;

import java.util.List;

/** One action of a rule: Chatwoot's {@code action_name} and its {@code action_params} (always a list). */
public record RuleAction(String name, List<Object> params) {

    public Object firstParam() {
        return params == null || params.isEmpty() ? null : params.get(0);
    }
}
