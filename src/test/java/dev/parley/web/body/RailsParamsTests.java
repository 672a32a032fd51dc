package dev.parley.web.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class RailsParamsTests {

    @Test
    void nestsBracketNotationAsRack() {
        var params = new RailsParams().add("contact[name]", "x").add("contact[address][city]", "Oslo").add("labels[]", "a")
                .add("labels[]", "b").add("rows[][k]", "1").add("rows[][v]", "2").add("rows[][k]", "3").add("plain", "p").toMap();
        assertThat(params).isEqualTo(Map.of("contact", Map.of("name", "x", "address", Map.of("city", "Oslo")), "labels", List.of("a", "b"),
                "rows", List.of(Map.of("k", "1", "v", "2"), Map.of("k", "3")), "plain", "p"));
    }

    @Test
    void refusesAKeyUsedAsBothAListAndAHashOrNestedTooDeep() {
        assertThatThrownBy(() -> new RailsParams().add("a[]", "1").add("a[b]", "2")).isInstanceOf(RailsParams.InvalidParameters.class);
        assertThatThrownBy(() -> new RailsParams().add("a", "1").add("a[b]", "2")).isInstanceOf(RailsParams.InvalidParameters.class);
        assertThatThrownBy(() -> new RailsParams().add("a" + "[x]".repeat(100), "1")).isInstanceOf(RailsParams.InvalidParameters.class);
    }

    record Twin(String content, Boolean isPrivate, @com.fasterxml.jackson.annotation.JsonProperty("private") Boolean privateFlag) {
    }

    @Test
    void twin() {
        var converter = new RailsBodyConverter(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());
        Twin t = (Twin) converter.convertForm(Map.of("private", "1", "content", "x"), ResolvableType.forClass(Twin.class));
        assertThat(t.privateFlag()).as(t.toString()).isTrue();
    }

    record Message(String content, @com.fasterxml.jackson.annotation.JsonProperty("private") Boolean privateFlag, Integer priority,
                   Map<String, Object> contentAttributes, List<String> labels) {
    }

    @Test
    void castsFormStringsByTheTargetType() {
        var converter = new RailsBodyConverter(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build());
        for (String yes : List.of("1", "true", "t", "on")) {
            Message m = (Message) converter.convertForm(Map.of("private", yes), ResolvableType.forClass(Message.class));
            assertThat(m.privateFlag()).as(yes).isTrue();
        }
        Message m = (Message) converter.convertForm(Map.of("private", "0", "priority", "3", "content_attributes", "{\"in_reply_to\": 4}",
                "labels", "single"), ResolvableType.forClass(Message.class));
        assertThat(m.privateFlag()).isFalse();
        assertThat(m.priority()).isEqualTo(3);
        assertThat(m.contentAttributes()).containsEntry("in_reply_to", 4);
        assertThat(m.labels()).containsExactly("single");
        Message empty = (Message) converter.convertForm(Map.of("priority", ""), ResolvableType.forClass(Message.class));
        assertThat(empty.priority()).isNull();
    }
}
