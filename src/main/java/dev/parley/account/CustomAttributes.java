package dev.parley.account;

import dev.parley.account.persistence.CustomAttributeRepository;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Custom attribute definitions for conversations and contacts, with Chatwoot's type and model names. */
@Service
@Transactional
public class CustomAttributes {

    public static final List<String> DISPLAY_TYPES =
            List.of("text", "number", "currency", "percent", "link", "date", "list", "checkbox");
    public static final List<String> MODELS = List.of("conversation_attribute", "contact_attribute");
    private static final Pattern KEY = Pattern.compile("^[a-z0-9_]+$");

    private final CustomAttributeRepository definitions;

    public CustomAttributes(CustomAttributeRepository definitions) {
        this.definitions = definitions;
    }

    public CustomAttributeView create(long accountId, CustomAttributeView d) {
        var errors = new Errors().requireText("attribute_display_name", d.attributeDisplayName())
                .requireText("attribute_key", d.attributeKey()).requireText("attribute_display_type", d.attributeDisplayType())
                .requireText("attribute_model", d.attributeModel())
                .maxLength("attribute_key", d.attributeKey(), 255).maxLength("attribute_display_name", d.attributeDisplayName(), 255)
                .oneOf("attribute_display_type", d.attributeDisplayType(), DISPLAY_TYPES)
                .oneOf("attribute_model", d.attributeModel(), MODELS);
        if (d.attributeKey() != null && !d.attributeKey().isBlank() && !KEY.matcher(d.attributeKey()).matches()) {
            errors.add("attribute_key", "may only contain lower-case letters, digits and underscores");
        }
        if ("list".equals(d.attributeDisplayType()) && (d.attributeValues() == null || d.attributeValues().isEmpty())) {
            errors.add("attribute_values", "can't be blank for a list");
        }
        errors.throwIfAny();
        if (definitions.keyTaken(accountId, d.attributeModel(), d.attributeKey())) {
            throw InvalidInput.of("attribute_key", "has already been taken");
        }
        return definitions.insert(accountId, withValues(d));
    }

    public CustomAttributeView update(long accountId, long id, CustomAttributeView changes) {
        CustomAttributeView current = get(accountId, id);
        if (changes.attributeDisplayName() != null && changes.attributeDisplayName().isBlank()) {
            throw InvalidInput.of("attribute_display_name", "can't be blank");
        }
        var merged = new CustomAttributeView(id, current.attributeKey(),
                or(changes.attributeDisplayName(), current.attributeDisplayName()), current.attributeDisplayType(),
                current.attributeModel(), or(changes.attributeDescription(), current.attributeDescription()),
                changes.attributeValues() == null ? current.attributeValues() : changes.attributeValues(),
                or(changes.regexPattern(), current.regexPattern()), or(changes.regexCue(), current.regexCue()),
                or(changes.defaultValue(), current.defaultValue()), current.createdAt(), current.updatedAt());
        definitions.update(id, merged);
        return get(accountId, id);
    }

    public void delete(long accountId, long id) {
        get(accountId, id);
        definitions.delete(id);
    }

    @Transactional(readOnly = true)
    public CustomAttributeView get(long accountId, long id) {
        return definitions.find(accountId, id).orElseThrow(() -> new ResourceNotFound("Custom attribute definition"));
    }

    /** All definitions, or those of one model ({@code conversation_attribute} / {@code contact_attribute}). */
    @Transactional(readOnly = true)
    public List<CustomAttributeView> all(long accountId, String model) {
        return definitions.all(accountId, model);
    }

    private static CustomAttributeView withValues(CustomAttributeView d) {
        return d.attributeValues() != null ? d : new CustomAttributeView(d.id(), d.attributeKey(), d.attributeDisplayName(),
                d.attributeDisplayType(), d.attributeModel(), d.attributeDescription(), List.of(), d.regexPattern(),
                d.regexCue(), d.defaultValue(), null, null);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

}
