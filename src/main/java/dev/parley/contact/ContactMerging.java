package dev.parley.contact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chatwoot's rule for the fields of a merged contact (ContactMergeAction): the base contact's value wins wherever it
 * has one; the mergee's fills what the base leaves blank, key by key inside the attribute maps.
 */
final class ContactMerging {

    private ContactMerging() {
    }

    static ContactView merged(ContactView base, ContactView mergee) {
        return new ContactView(base.id(), base.accountId(), base.name().isBlank() ? mergee.name() : base.name(),
                orElse(base.email(), mergee.email()), orElse(base.phoneNumber(), mergee.phoneNumber()),
                orElse(base.identifier(), mergee.identifier()), deepMerge(mergee.additionalAttributes(), base.additionalAttributes()),
                deepMerge(mergee.customAttributes(), base.customAttributes()), base.blocked(), latest(base, mergee), base.createdAt());
    }

    private static String orElse(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred;
    }

    private static java.time.Instant latest(ContactView a, ContactView b) {
        if (a.lastActivityAt() == null) return b.lastActivityAt();
        if (b.lastActivityAt() == null) return a.lastActivityAt();
        return a.lastActivityAt().isAfter(b.lastActivityAt()) ? a.lastActivityAt() : b.lastActivityAt();
    }

    /** Ruby's {@code under.deep_merge(over)} after compact_blank: nested maps merge, a blank value of {@code over} does not win. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> under, Map<String, Object> over) {
        var result = new LinkedHashMap<>(under);
        over.forEach((key, value) -> {
            if (isBlank(value)) return;
            Object below = result.get(key);
            if (value instanceof Map<?, ?> map && below instanceof Map<?, ?> belowMap) {
                result.put(key, deepMerge((Map<String, Object>) belowMap, (Map<String, Object>) map));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static boolean isBlank(Object value) {
        return value == null || value instanceof String s && s.isBlank() || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof java.util.Collection<?> c && c.isEmpty();
    }
}
