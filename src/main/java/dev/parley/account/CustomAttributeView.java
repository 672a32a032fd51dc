package dev.parley.account;

import java.util.List;

/** A custom attribute definition (for conversations or contacts). */
public record CustomAttributeView(long id, String attributeKey, String attributeDisplayName, String attributeDisplayType,
                                  String attributeModel, String attributeDescription, List<Object> attributeValues,
                                  String regexPattern, String regexCue, String defaultValue) {
}
