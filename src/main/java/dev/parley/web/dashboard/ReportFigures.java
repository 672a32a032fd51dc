package dev.parley.web.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Report figures as people read them: counts as numbers, times with their unit ("34 s", "2 min", "1 h 5 min"),
 * and a time with nothing to average (no reply, no resolution in the period) as "—", never 0.
 */
final class ReportFigures {

    static final String MISSING = "—";

    private ReportFigures() {
    }

    /** The figures of a summary (or of one agent's row), each as text. */
    static Map<String, String> shown(Map<String, Object> figures) {
        Map<String, String> shown = new LinkedHashMap<>();
        if (figures == null) return shown;
        figures.forEach((key, value) -> {
            if (value instanceof Map<?, ?>) return;
            shown.put(key, isTime(key) ? time(value, hasBasis(key, figures)) : count(value));
        });
        return shown;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return Math.round(seconds / 60) + " min";
        if (s < 86_400) return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
        return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
    }

    private static boolean isTime(String key) {
        return key.endsWith("_time");
    }

    /** Whether the period has anything a time could be averaged over: a resolution for resolution times, a reply for the others. */
    private static boolean hasBasis(String key, Map<String, Object> figures) {
        String basis = key.contains("resolution") ? firstPresent(figures, "resolutions_count", "resolved_conversations_count")
                : firstPresent(figures, "outgoing_messages_count", "conversations_count");
        return basis == null || !(figures.get(basis) instanceof Number n) || n.doubleValue() > 0;
    }

    private static String firstPresent(Map<String, Object> figures, String... keys) {
        for (String key : keys) if (figures.containsKey(key)) return key;
        return null;
    }

    private static String time(Object value, boolean hasBasis) {
        if (!(value instanceof Number n) || !hasBasis) return MISSING;
        return duration(n.doubleValue());
    }

    private static String count(Object value) {
        return value instanceof Number n ? String.valueOf(Math.round(n.doubleValue())) : value == null ? MISSING : value.toString();
    }
}
