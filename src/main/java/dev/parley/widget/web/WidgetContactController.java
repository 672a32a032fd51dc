package dev.parley.widget.web;

import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.VisitorIdentity;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The visitor's own contact: read, update, {@code set_user} (identify, HMAC-checked), forget custom attributes. */
@RestController
@RequestMapping("/api/v1/widget/contact")
class WidgetContactController {

    private final VisitorIdentity identity;

    WidgetContactController(VisitorIdentity identity) {
        this.identity = identity;
    }

    /** Chatwoot's contact params, flat or wrapped in {@code contact}. */
    record ContactRequest(String identifier, String identifierHash, String email, String name, String avatarUrl, String phoneNumber,
                          Map<String, Object> customAttributes, Map<String, Object> contact) {
        VisitorIdentity.Claim claim() {
            Map<String, Object> inner = contact == null ? Map.of() : contact;
            return new VisitorIdentity.Claim(pick(identifier, inner, "identifier"), pick(identifierHash, inner, "identifier_hash"),
                    pick(email, inner, "email"), pick(name, inner, "name"), pick(phoneNumber, inner, "phone_number"),
                    customAttributes != null ? customAttributes : attributes(inner.get("custom_attributes")));
        }

        private static String pick(String flat, Map<String, Object> inner, String key) {
            return flat != null ? flat : inner.get(key) == null ? null : inner.get(key).toString();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> attributes(Object value) {
            return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        }
    }

    record DestroyAttributes(List<String> customAttributes) {
    }

    @GetMapping
    WidgetContactJson.Shown show(Visitor visitor) {
        return WidgetContactJson.Shown.of(visitor);
    }

    @PatchMapping
    WidgetContactJson.Identified update(Visitor visitor, @RequestBody ContactRequest body) {
        return answer(identity.identify(visitor, body.claim(), false));
    }

    @PatchMapping("/set_user")
    WidgetContactJson.Identified setUser(Visitor visitor, @RequestBody ContactRequest body) {
        return answer(identity.identify(visitor, body.claim(), true));
    }

    @PostMapping("/destroy_custom_attributes")
    WidgetContactJson.Identified destroyCustomAttributes(Visitor visitor, @RequestBody DestroyAttributes body) {
        return answer(new VisitorIdentity.Outcome(identity.forget(visitor, body.customAttributes()), null));
    }

    /** Chatwoot's {@code set_user} view: the contact, and a new {@code widget_auth_token} when the visitor became another contact. */
    private static WidgetContactJson.Identified answer(VisitorIdentity.Outcome outcome) {
        return WidgetContactJson.Identified.of(outcome.visitor(), outcome.widgetAuthToken());
    }
}
