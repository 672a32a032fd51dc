package dev.parley.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.parley.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** What text may be stored, and that the JSON reader refuses the rest naming where it was (snake_case, as the application's mapper). */
class SafeTextTests {

    private final JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SafeTextModule()).build();

    record Contact(String name, List<String> tags, Map<String, Object> customAttributes) {
    }

    @Test
    void textPostgresqlCanStoreIsSafe() {
        assertThat(SafeText.isSafe("Ada Lovelace")).isTrue();
        assertThat(SafeText.isSafe("smile \uD83D\uDE00")).isTrue(); // a surrogate pair is one code point
        assertThat(SafeText.isSafe("")).isTrue();
    }

    @Test
    void nulAndLoneSurrogatesAreNot() {
        assertThat(SafeText.isSafe("a\u0000b")).isFalse();
        assertThat(SafeText.isSafe("\uD83D")).isFalse(); // high surrogate at the end
        assertThat(SafeText.isSafe("\uD83Dx")).isFalse(); // high surrogate followed by a letter
        assertThat(SafeText.isSafe("x\uDE00")).isFalse(); // low surrogate alone
        assertThat(SafeText.isSafe("\uDE00\uD83D")).isFalse(); // a pair in the wrong order
    }

    @Test
    void theJsonReaderNamesTheFieldWhereverItIs() {
        assertThat(refusedField("{\"name\": \"a\\u0000\"}", Contact.class)).isEqualTo("name");
        assertThat(refusedField("{\"tags\": [\"ok\", \"\\ud800\"]}", Contact.class)).isEqualTo("tags");
        assertThat(refusedField("{\"custom_attributes\": {\"plan\": {\"note\": \"\\u0000\"}}}", Contact.class)).isEqualTo("custom_attributes.plan.note");
        assertThat(refusedField("{\"custom_attributes\": {\"k\\u0000\": 1}}", Contact.class)).isEqualTo("custom_attributes.k\u0000");
        assertThat(refusedField("{\"a\": [{\"b\": \"\\udc00\"}]}", Map.class)).isEqualTo("a.b");
        assertThat(refusedField("{\"a\": \"\\u0000\"}", tools.jackson.databind.JsonNode.class)).isEqualTo("a");
    }

    @Test
    void safeBodiesReadAsBefore() {
        Contact c = mapper.readValue("{\"name\": \"Ada \\ud83d\\ude00\", \"tags\": [\"vip\"], \"custom_attributes\": {\"plan\": \"pro\"}}", Contact.class);
        assertThat(c.name()).isEqualTo("Ada \uD83D\uDE00");
        assertThat(c.tags()).containsExactly("vip");
    }

    private String refusedField(String json, Class<?> type) {
        var thrown = catchThrowable(() -> mapper.readValue(json, type));
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput refused) return refused.errors().keySet().iterator().next();
        }
        throw new AssertionError("not refused: " + json, thrown);
    }
}
