package dev.parley.search;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a tsquery (PostgreSQL's text form) from words the 'simple' parser produced: every word must occur, and a
 * word of three letters or more also matches longer words it begins ("refun" finds "refund"), so results come
 * while typing. Each word is quoted, so no character of it is ever read as a tsquery operator.
 */
final class FullTextQuery {

    private static final int PREFIX_FROM = 3;

    private FullTextQuery() {
    }

    static String allWords(List<String> words) {
        return words.stream().map(FullTextQuery::term).collect(Collectors.joining(" & "));
    }

    private static String term(String word) {
        String quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
        return word.codePointCount(0, word.length()) >= PREFIX_FROM ? quoted + ":*" : quoted;
    }
}
