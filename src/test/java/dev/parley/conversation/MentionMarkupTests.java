package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionMarkupTests {

    private static final Map<Long, String> AGENTS = Map.of(1L, "Anna Lee", 2L, "Annabel Ray", 3L, "Bob Stone");

    @Test
    void aFullNameOrTheOneFirstNameItStartsMentionsTheAgent() {
        assertThat(MentionMarkup.fromPlain("@Anna Lee look", AGENTS)).isEqualTo("[@Anna Lee](mention://user/1/Anna%20Lee) look");
        assertThat(MentionMarkup.fromPlain("thanks @bob!", AGENTS)).isEqualTo("thanks [@Bob Stone](mention://user/3/Bob%20Stone)!");
        assertThat(MentionMarkup.fromPlain("@Annab please", AGENTS)).isEqualTo("[@Annabel Ray](mention://user/2/Annabel%20Ray) please");
    }

    @Test
    void ambiguousUnknownAndEmailTextStaysAsTyped() {
        assertThat(MentionMarkup.fromPlain("@Ann and @zoe", AGENTS)).isEqualTo("@Ann and @zoe");
        assertThat(MentionMarkup.fromPlain("mail bob@example.com", AGENTS)).isEqualTo("mail bob@example.com");
        String markup = "[@Bob Stone](mention://user/3/Bob%20Stone) hi";
        assertThat(MentionMarkup.fromPlain(markup, AGENTS)).isEqualTo(markup);
    }
}
