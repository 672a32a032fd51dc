package dev.parley.conversation;

import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chatwoot's mention markup in private notes, {@code [@Name](mention://user/42/Name)}: written by clients,
 * read by Parley to record mentions, and shown to people as "@Name".
 */
public final class MentionMarkup {

    public static final Pattern PATTERN = Pattern.compile("\\[@([^\\]]*)]\\(mention://user/(\\d{1,18})/[^)]*\\)");

    private MentionMarkup() {
    }

    /** The text with every mention shown as "@Name". */
    public static String plain(String content) {
        return content == null ? null : PATTERN.matcher(content).replaceAll(m -> Matcher.quoteReplacement("@" + m.group(1)));
    }

    /**
     * Turns "@Full Name" of the given agents (id to name) into mention markup, longest names first so
     * "@Ann Lee" wins over "@Ann"; then "@Ann" alone, when exactly one agent's first name starts with it.
     * Text that already holds markup keeps it.
     */
    public static String fromPlain(String content, Map<Long, String> agents) {
        if (content == null || !content.contains("@")) return content;
        String result = content;
        var byLength = agents.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .sorted(Comparator.comparingInt((Map.Entry<Long, String> e) -> e.getValue().length()).reversed()).toList();
        for (var agent : byLength) {
            String name = agent.getValue();
            Pattern plainMention = Pattern.compile("(?<![\\[\\w])@" + Pattern.quote(name) + "(?![\\w])", Pattern.CASE_INSENSITIVE);
            result = plainMention.matcher(result).replaceAll(Matcher.quoteReplacement(
                    markup(agent.getKey(), name)));
        }
        return byFirstName(result, byLength);
    }

    private static final Pattern SHORT_MENTION = Pattern.compile("(?<![\\[\\w])@([\\p{L}\\p{N}_.'-]{2,40})(?![\\p{L}\\p{N}_])");

    /** "@Anna" or "@Ann": the one agent whose first name starts with it (case-insensitive); ambiguous or unknown text stays as typed. */
    private static String byFirstName(String content, java.util.List<Map.Entry<Long, String>> agents) {
        return SHORT_MENTION.matcher(content).replaceAll(m -> {
            String typed = m.group(1).toLowerCase(java.util.Locale.ROOT);
            var matching = agents.stream().filter(a -> a.getValue().trim().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT).startsWith(typed)).toList();
            return Matcher.quoteReplacement(matching.size() == 1 ? markup(matching.get(0).getKey(), matching.get(0).getValue()) : m.group());
        });
    }

    private static String markup(long id, String name) {
        return "[@" + name + "](mention://user/" + id + "/" + name.replace(" ", "%20") + ")";
    }
}
