package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chatwoot's JsonbAttributesLengthValidator limits, at their edges. */
class ErrorsTests {

    @Test
    void attributeLimitsAtTheirEdges() {
        var ok = new LinkedHashMap<String, Object>(Map.of("text", "x".repeat(1500), "number", 9_999_999_999L, "float", 1.0e12,
                "nested", Map.of("deep", "x".repeat(2000)), "flag", true));
        assertThat(new Errors().attributeLengths("custom_attributes", ok).isEmpty()).isTrue();

        var bad = new LinkedHashMap<String, Object>();
        bad.put("note", "x".repeat(1501));
        bad.put("order", 10_000_000_000L);
        bad.put("huge", new BigInteger("99999999999999999999999"));
        Errors errors = new Errors().attributeLengths("additional_attributes", bad);
        assertThat(errors.describe()).isEqualTo("Additional attributes note length should be < 1500, "
                + "Additional attributes order value should be < 9999999999, Additional attributes huge value should be < 9999999999");
        assertThat(new Errors().attributeLengths("custom_attributes", null).isEmpty()).isTrue();
    }
}
