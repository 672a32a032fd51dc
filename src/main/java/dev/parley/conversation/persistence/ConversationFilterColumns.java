package dev.parley.conversation.persistence;

import dev.parley.shared.filter.FilterSql.Vocabulary;
import java.util.Map;
import java.util.Set;

/** What Chatwoot's conversation filter may name, as columns of conversations {@code c} (and its contact). */
public final class ConversationFilterColumns {

    private static final String CONTACT = " FROM contacts ct WHERE ct.id = c.contact_id)";

    public static final Vocabulary VOCABULARY = new Vocabulary("conversation, contact", Map.ofEntries(
            Map.entry("status", "c.status"), Map.entry("assignee_id", "c.assignee_id"), Map.entry("inbox_id", "c.inbox_id"),
            Map.entry("team_id", "c.team_id"), Map.entry("priority", "c.priority"), Map.entry("display_id", "c.display_id"),
            Map.entry("id", "c.display_id"), Map.entry("created_at", "c.created_at"), Map.entry("last_activity_at", "c.last_activity_at"),
            Map.entry("browser_language", "c.additional_attributes->>'browser_language'"),
            Map.entry("conversation_language", "c.additional_attributes->>'conversation_language'"),
            Map.entry("referer", "c.additional_attributes->>'referer'"), Map.entry("mail_subject", "c.additional_attributes->>'mail_subject'"),
            Map.entry("email", "(SELECT ct.email" + CONTACT),
            Map.entry("phone_number", "(SELECT ct.phone_number" + CONTACT),
            Map.entry("name", "(SELECT ct.name" + CONTACT),
            Map.entry("country_code", "(SELECT ct.additional_attributes->>'country_code'" + CONTACT),
            Map.entry("city", "(SELECT ct.additional_attributes->>'city'" + CONTACT),
            Map.entry("company", "(SELECT ct.additional_attributes->>'company'" + CONTACT)),
            Set.of("email", "country_code", "city", "company", "name"), Set.of("created_at", "last_activity_at"), "c.labels",
            (key, type) -> "contact_attribute".equals(type)
                    ? "(SELECT ct.custom_attributes->>'" + key + "'" + CONTACT : "(c.custom_attributes->>'" + key + "')");

    private ConversationFilterColumns() {
    }
}
