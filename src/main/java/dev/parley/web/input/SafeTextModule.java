package dev.parley.web.input;

import dev.parley.shared.InvalidInput;
import java.util.ArrayDeque;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string a request body is read into (a record's field, an untyped map or list, a JSON tree) is checked
 * with {@link SafeText} as Jackson reads it, so no endpoint can hand PostgreSQL a NUL or a lone surrogate.
 * The refusal ({@code InvalidInput}, a 422 naming the field) travels out inside Jackson's read exception and is
 * unwrapped by the error handler. Spring Boot adds every {@code JacksonModule} bean to the mapper it reads with.
 */
@Component
public class SafeTextModule extends SimpleModule {

    public SafeTextModule() {
        super("parley-safe-text");
        addDeserializer(JsonNode.class, checkedTree()); // trees are built outside the modifier below
        setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean checked = type == String.class || type == Object.class || JsonNode.class.isAssignableFrom(type);
                return checked ? new Checking(deserializer) : deserializer;
            }

            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type, KeyDeserializer deserializer) {
                return type.getRawClass() == String.class ? new CheckingKeys(deserializer) : deserializer;
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueDeserializer<JsonNode> checkedTree() {
        return (ValueDeserializer) new Checking(JsonNodeDeserializer.getDeserializer(JsonNode.class));
    }

    /** The keys of a typed map ({@code Map<String, Object> custom_attributes}) are client text as well. */
    static final class CheckingKeys extends KeyDeserializer {

        private final KeyDeserializer standard;

        CheckingKeys(KeyDeserializer standard) {
            this.standard = standard;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            // the parser stands on the key, so the path already ends with it
            if (!SafeText.isSafe(key)) throw InvalidInput.of(Checking.field(ctxt.getParser().streamReadContext()), SafeText.PROBLEM);
            return standard == null ? key : standard.deserializeKey(key, ctxt);
        }
    }

    /** Reads with the standard deserializer, then looks at what came out. */
    static final class Checking extends DelegatingDeserializer {

        Checking(ValueDeserializer<?> standard) {
            super(standard);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> standard) {
            return new Checking(standard);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            UnsafeText.refuse(field(p.streamReadContext()), value);
            return value;
        }

        /** "contact.name" for the value just read: the object keys from the root down, array positions left out. */
        static String field(TokenStreamContext context) {
            var names = new ArrayDeque<String>();
            for (TokenStreamContext c = context; c != null; c = c.getParent()) {
                if (c.inObject() && c.currentName() != null) names.addFirst(c.currentName());
            }
            return String.join(".", names);
        }
    }
}
