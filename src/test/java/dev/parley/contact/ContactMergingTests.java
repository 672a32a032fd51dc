package dev.parley.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactMergingTests {

    @Test
    void theBaseWinsWhereverItHasAValueAndTheMergeeFillsItsBlanksKeyByKey() {
        var base = new ContactView(1, 9, "Bea", null, "+1555", null, Map.of("social", Map.of("x", "bea"), "city", ""),
                Map.of("plan", "gold"), false, Instant.ofEpochSecond(10), Instant.ofEpochSecond(1));
        var mergee = new ContactView(2, 9, "Mo", "mo@x.test", "+1666", "mo-1", Map.of("social", Map.of("x", "mo", "gh", "mo"), "city", "Lyon"),
                Map.of("plan", "silver", "seats", 4), true, Instant.ofEpochSecond(20), Instant.ofEpochSecond(2));

        ContactView merged = ContactMerging.merged(base, mergee);

        assertThat(merged.id()).isEqualTo(1);
        assertThat(merged.name()).isEqualTo("Bea");
        assertThat(merged.email()).isEqualTo("mo@x.test");
        assertThat(merged.phoneNumber()).isEqualTo("+1555");
        assertThat(merged.identifier()).isEqualTo("mo-1");
        assertThat(merged.additionalAttributes()).isEqualTo(Map.of("social", Map.of("x", "bea", "gh", "mo"), "city", "Lyon"));
        assertThat(merged.customAttributes()).isEqualTo(Map.of("plan", "gold", "seats", 4));
        assertThat(merged.blocked()).isFalse();
        assertThat(merged.lastActivityAt()).isEqualTo(Instant.ofEpochSecond(20));
    }
}
