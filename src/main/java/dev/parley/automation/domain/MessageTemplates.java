package dev.parley.automation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Save-time check of the Liquid templates in a rule's actions: each must render in the sandbox against sample values. */
public final class MessageTemplates {

    private static final Map<String, Object> SAMPLE = Map.of(
            "contact", Map.of("name", "Sample Contact", "email", "sample@example.com", "phone_number", "+10000000000", "id", 1),
            "conversation", Map.of("display_id", 1, "id", 1, "status", "open"),
            "agent", Map.of("name", "Sample Agent", "first_name", "Sample"),
            "inbox", Map.of("name", "Sample Inbox"),
            "account", Map.of("name", "Sample Account"));

    private MessageTemplates() {
    }

    /** One message per refused template, e.g. "send_message template: include is not allowed"; empty when all render. */
    public static List<String> problems(List<Map<String, Object>> actions, LiquidSandbox sandbox) {
        List<String> problems = new ArrayList<>();
        if (actions == null) return problems;
        for (Map<String, Object> action : actions) {
            if (action == null) continue;
            String name = String.valueOf(action.get("action_name"));
            for (String template : templates(name, action.get("action_params"))) {
                try {
                    sandbox.render(template, SAMPLE);
                } catch (LiquidSandbox.TemplateRefused e) {
                    problems.add(name + ": the template is refused (" + e.getMessage() + ")");
                }
            }
        }
        return problems;
    }

    private static List<String> templates(String action, Object params) {
        Object first = params instanceof List<?> list && !list.isEmpty() ? list.get(0) : params;
        return switch (action) {
            case "send_message", "add_private_note", "send_email_transcript" -> first == null ? List.of() : List.of(String.valueOf(first));
            case "send_email_to_team" -> first instanceof Map<?, ?> m && m.get("message") != null ? List.of(String.valueOf(m.get("message"))) : List.of();
            default -> List.of();
        };
    }
}
