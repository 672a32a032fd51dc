package dev.parley.widget.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.contact.ContactView;
import dev.parley.widget.application.Visitor;
import java.util.Map;

/** The visitor's contact as Chatwoot's widget views show it to the visitor (never another contact's data). */
final class WidgetContactJson {

    private WidgetContactJson() {
    }

    /** {@code GET contact}: the contact with what the pre-chat form needs to know. */
    record Shown(long id, String name, String email, String phoneNumber, String identifier, boolean hasEmail, boolean hasName,
                 boolean hasPhoneNumber, String sourceId, Map<String, Object> customAttributes) {

        static Shown of(Visitor visitor) {
            ContactView c = visitor.contact();
            return new Shown(c.id(), c.name(), c.email(), c.phoneNumber(), c.identifier(), c.email() != null,
                    c.name() != null && !c.name().isBlank(), c.phoneNumber() != null, visitor.contactInbox().sourceId(), c.customAttributes());
        }
    }

    /** Chatwoot's {@code set_user} view: the contact, and a new {@code widget_auth_token} when the visitor became another contact. */
    record Identified(long id, String name, String email, String phoneNumber, String identifier, Map<String, Object> customAttributes,
                      String pubsubToken, @JsonInclude(JsonInclude.Include.NON_NULL) String widgetAuthToken) {

        static Identified of(Visitor v, String widgetAuthToken) {
            ContactView c = v.contact();
            return new Identified(c.id(), c.name(), c.email(), c.phoneNumber(), c.identifier(), c.customAttributes(),
                    v.contactInbox().pubsubToken(), widgetAuthToken);
        }
    }

    /** The contact in the widget's config answer. */
    record InConfig(long id, String name, String email, String phoneNumber, String identifier, String pubsubToken) {

        static InConfig of(Visitor v) {
            ContactView c = v.contact();
            return new InConfig(c.id(), c.name(), c.email(), c.phoneNumber(), c.identifier(), v.contactInbox().pubsubToken());
        }
    }
}
