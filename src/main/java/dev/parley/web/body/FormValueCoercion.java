package dev.parley.web.body;

import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Casts string values to the type a field expects, as Rails' attribute types do (for forms, whose values are
 * always strings, and for JSON alike): "1", "t", "on", "yes" are true and "0", "f", "off", "no" false; and a
 * JSON-encoded string where an object or a list is expected (how the Chatwoot SDK sends {@code content_attributes}
 * in a multipart form) is read as that JSON.
 */
public final class FormValueCoercion extends DeserializationProblemHandler {

    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "yes", "y");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "no", "n");

    /** Only parses JSON text into a tree; the target type is then read by the mapper that met the string. */
    private final ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        if (targetType == Boolean.class || targetType == boolean.class) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) return Boolean.TRUE;
            if (FALSE.contains(v)) return Boolean.FALSE;
        }
        return NOT_HANDLED;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg) {
        if (t != JsonToken.VALUE_STRING) return NOT_HANDLED;
        String text = p.getString().trim();
        boolean object = text.startsWith("{") && text.endsWith("}");
        boolean array = text.startsWith("[") && text.endsWith("]");
        if (!object && !array) return NOT_HANDLED;
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException notJson) {
            return NOT_HANDLED;
        }
        return ctxt.readTreeAsValue(tree, targetType);
    }
}
