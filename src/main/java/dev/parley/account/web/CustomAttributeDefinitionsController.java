package dev.parley.account.web;

import dev.parley.account.CustomAttributeView;
import dev.parley.account.CustomAttributes;
import dev.parley.account.Membership;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.InvalidInput;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom attribute definitions. Chatwoot clients send the enums as numbers (display type 0-7, model
 * 0/1) or as names; both are accepted, names are answered.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/custom_attribute_definitions")
class CustomAttributeDefinitionsController {

    private final CustomAttributes definitions;

    CustomAttributeDefinitionsController(CustomAttributes definitions) {
        this.definitions = definitions;
    }

    record DefinitionRequest(String attributeKey, String attributeDisplayName, Object attributeDisplayType,
                             Object attributeModel, String attributeDescription, List<Object> attributeValues,
                             String regexPattern, String regexCue, Object defaultValue) {
        CustomAttributeView toView() {
            return new CustomAttributeView(0, attributeKey, attributeDisplayName,
                    enumName("attribute_display_type", attributeDisplayType, CustomAttributes.DISPLAY_TYPES),
                    enumName("attribute_model", attributeModel, CustomAttributes.MODELS), attributeDescription, attributeValues,
                    regexPattern, regexCue, defaultValue == null ? null : String.valueOf(defaultValue), null, null);
        }
    }

    @GetMapping
    List<CustomAttributeView> index(Membership me, @RequestParam(name = "attribute_model", required = false) String model) {
        return definitions.all(me.accountId(), model == null ? null : enumName("attribute_model", model, CustomAttributes.MODELS));
    }

    @GetMapping("/{id}")
    CustomAttributeView show(Membership me, @PathVariable long id) {
        return definitions.get(me.accountId(), id);
    }

    @PostMapping
    @AdministratorOnly
    CustomAttributeView create(Membership me, @RequestBody DefinitionRequest body) {
        return definitions.create(me.accountId(), body.toView());
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    CustomAttributeView update(Membership me, @PathVariable long id, @RequestBody DefinitionRequest body) {
        return definitions.update(me.accountId(), id, body.toView());
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        definitions.delete(me.accountId(), id);
        return Map.of();
    }

    /** Accepts an enum as its index (number or numeric string) or its name. */
    static String enumName(String field, Object value, List<String> names) {
        if (value == null) return null;
        String text = String.valueOf(value).trim();
        if (text.matches("\\d+")) {
            // a number too large for an int is just another unknown index (not a NumberFormatException)
            if (text.length() < 4 && Integer.parseInt(text) < names.size()) return names.get(Integer.parseInt(text));
            throw InvalidInput.of(field, "must be one of " + String.join(", ", names));
        }
        return text;
    }
}
