package dev.parley.contact.persistence;

import dev.parley.shared.filter.FilterSql.Vocabulary;
import java.util.Map;
import java.util.Set;

/** What Chatwoot's contact filter ({@code POST /contacts/filter}) may name, as columns of contacts {@code ct}. */
public final class ContactFilterColumns {

    public static final Vocabulary VOCABULARY = new Vocabulary("contact", Map.ofEntries(
            Map.entry("name", "ct.name"), Map.entry("email", "ct.email"), Map.entry("phone_number", "ct.phone_number"),
            Map.entry("identifier", "ct.identifier"), Map.entry("blocked", "ct.blocked"),
            Map.entry("created_at", "ct.created_at"), Map.entry("last_activity_at", "ct.last_activity_at"),
            Map.entry("country_code", "ct.additional_attributes->>'country_code'"),
            Map.entry("city", "ct.additional_attributes->>'city'"),
            Map.entry("company", "ct.additional_attributes->>'company_name'"),
            Map.entry("referer", "ct.additional_attributes->>'referer'")),
            Set.of("name", "email", "country_code", "city", "company"), Set.of("created_at", "last_activity_at"), "ct.labels",
            (key, type) -> "(ct.custom_attributes->>'" + key + "')");

    private ContactFilterColumns() {
    }
}
