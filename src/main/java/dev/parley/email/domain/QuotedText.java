package dev.parley.email.domain;

import java.util.regex.Pattern;

/** Splits a plain-text mail into the new reply and the quoted earlier thread ("On ... wrote:", "> " lines). */
public final class QuotedText {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?m)^(On .{1,200}wrote:\\s*$|Le .{1,200}a écrit ?:\\s*$|Am .{1,200}schrieb .{0,100}:\\s*$|-{2,}\\s*Original Message\\s*-{2,}"
                    + "|From: .+\\R(Sent|Date): )");

    private QuotedText() {
    }

    /** [reply, quoted]: the reply is the whole text when nothing looks quoted. */
    public static String[] split(String text) {
        if (text == null) return new String[] {null, null};
        int cut = text.length();
        var header = QUOTE_HEADER.matcher(text);
        if (header.find()) cut = header.start();
        var quoteLine = Pattern.compile("(?m)^>").matcher(text);
        if (quoteLine.find() && quoteLine.start() < cut && text.substring(quoteLine.start()).lines().allMatch(l -> l.startsWith(">") || l.isBlank())) {
            cut = quoteLine.start();
        }
        String reply = text.substring(0, cut).strip();
        if (reply.isEmpty()) return new String[] {text.strip(), null};
        String quoted = text.substring(cut).strip();
        return new String[] {reply, quoted.isEmpty() ? null : quoted};
    }
}
