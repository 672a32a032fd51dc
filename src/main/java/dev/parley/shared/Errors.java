package dev.parley.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects field errors while checking a request, then throws them all at once. */
public final class Errors {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{1,14}$");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public Errors add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return this;
    }

    public Errors requireText(String field, String value) {
        if (value == null || value.isBlank()) add(field, "can't be blank");
        return this;
    }

    public Errors maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) add(field, "is too long (maximum is " + max + " characters)");
        return this;
    }

    public Errors email(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) add(field, "is invalid");
        return this;
    }

    public Errors phone(String field, String value) {
        if (value != null && !value.isBlank() && !E164.matcher(value).matches()) add(field, "should be in e164 format");
        return this;
    }

    public Errors oneOf(String field, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) add(field, "must be one of " + String.join(", ", allowed));
        return this;
    }

    /**
     * Chatwoot's JsonbAttributesLengthValidator on a JSON attributes hash (custom_attributes,
     * additional_attributes): a text value longer than 1500 characters or a whole number above
     * 9,999,999,999 is refused, named by its key, with the error on the hash.
     */
    public Errors attributeLengths(String field, Map<String, Object> attributes) {
        if (attributes == null) return this;
        attributes.forEach((key, value) -> {
            if (value instanceof String text && text.length() > MAX_ATTRIBUTE_TEXT) {
                add(field, key + " length should be < " + MAX_ATTRIBUTE_TEXT);
            } else if (isWhole(value) && new java.math.BigInteger(value.toString()).compareTo(MAX_ATTRIBUTE_NUMBER) > 0) {
                add(field, key + " value should be < " + MAX_ATTRIBUTE_NUMBER);
            }
        });
        return this;
    }

    private static final int MAX_ATTRIBUTE_TEXT = 1500;
    private static final java.math.BigInteger MAX_ATTRIBUTE_NUMBER = java.math.BigInteger.valueOf(9_999_999_999L);

    private static boolean isWhole(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof java.math.BigInteger;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors as one sentence ("Custom attributes note length should be < 1500"), as the 422 message says them. */
    public String describe() {
        return new InvalidInput(errors).getMessage();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) throw new InvalidInput(errors);
    }

    /** Blank strings become null, so "" and absent mean the same. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
