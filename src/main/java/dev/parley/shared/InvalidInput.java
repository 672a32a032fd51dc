package dev.parley.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Client input that cannot be accepted; carries one or more messages per field (snake_case names). */
public class InvalidInput extends RuntimeException {

    private final Map<String, List<String>> errors;

    public InvalidInput(Map<String, List<String>> errors) {
        super(describe(errors));
        this.errors = Map.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    /** "Email is invalid, Name can't be blank", the way Rails joins full messages. */
    private static String describe(Map<String, List<String>> errors) {
        var parts = new java.util.ArrayList<String>();
        new LinkedHashMap<>(errors).forEach((field, messages) -> messages.forEach(m -> parts.add(humanize(field) + " " + m)));
        return String.join(", ", parts);
    }

    private static String humanize(String field) {
        String words = field.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
