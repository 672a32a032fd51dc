package dev.parley.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FullTextQueryTests {

    @Test
    void everyWordMustOccurAndWordsOfThreeLettersOrMoreAlsoMatchAsPrefixes() {
        assertThat(FullTextQuery.allWords(List.of("refun", "my", "ada@acme.test"))).isEqualTo("'refun':* & 'my' & 'ada@acme.test':*");
    }

    @Test
    void quotesAndBackslashesNeverBecomeOperators() {
        assertThat(FullTextQuery.allWords(List.of("o'neil", "a\\b"))).isEqualTo("'o''neil':* & 'a\\\\b':*");
    }
}
