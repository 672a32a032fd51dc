package dev.parley.email.domain;

import java.util.Locale;
import java.util.function.Function;

/**
 * Recognises mail no program should answer (RFC 3834 and common practice): Auto-Submitted other than "no",
 * Precedence bulk/junk/list/auto_reply, X-Autoreply / X-Autorespond, list mail, and mail from mailer-daemon or postmaster.
 */
public final class AutomaticMail {

    private AutomaticMail() {
    }

    /** {@code header} answers a header's first value, or null. */
    public static boolean isAutomatic(Function<String, String> header, String fromEmail) {
        String autoSubmitted = lower(header.apply("Auto-Submitted"));
        if (autoSubmitted != null && !autoSubmitted.startsWith("no")) return true;
        String precedence = lower(header.apply("Precedence"));
        if (precedence != null && (precedence.contains("bulk") || precedence.contains("junk") || precedence.contains("list")
                || precedence.contains("auto_reply"))) return true;
        if ("yes".equals(lower(header.apply("X-Autoreply"))) || header.apply("X-Autorespond") != null) return true;
        if (header.apply("List-Id") != null || header.apply("X-Auto-Response-Suppress") != null && header.apply("X-MS-Exchange-Generated-Message-Source") != null) return true;
        return isDaemon(fromEmail);
    }

    public static boolean isDaemon(String fromEmail) {
        String from = lower(fromEmail);
        return from != null && (from.startsWith("mailer-daemon@") || from.startsWith("postmaster@") || from.equals("mailer-daemon"));
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
