package dev.parley.contact;

import java.util.Map;

/** Contact fields a client may set; null means "leave as it is" on update. */
public record ContactInput(String name, String email, String phoneNumber, String identifier, Boolean blocked,
                           Map<String, Object> additionalAttributes, Map<String, Object> customAttributes) {
}
