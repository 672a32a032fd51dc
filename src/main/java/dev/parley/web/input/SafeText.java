package dev.parley.web.input;

/**
 * Text PostgreSQL can store: no NUL character (text columns refuse it) and no lone UTF-16 surrogate (it has no
 * UTF-8 form). Client text that breaks either rule is refused at the edge instead of failing in the database.
 */
public final class SafeText {

    public static final String PROBLEM = "contains a NUL character or an unpaired surrogate";

    private SafeText() {
    }

    public static boolean isSafe(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++; // the pair is one code point
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
