package dev.parley.shared;

/** A LIKE pattern matching text that contains the given text anywhere, its {@code % _ \} taken literally (ESCAPE '\'). */
public final class LikePattern {

    private LikePattern() {
    }

    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
