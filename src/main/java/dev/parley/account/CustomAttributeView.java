package dev.parley.account;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.List;

/** A custom attribute definition (for conversations or contacts), with Chatwoot's ISO timestamps. */
public record CustomAttributeView(long id, String attributeKey, String attributeDisplayName, String attributeDisplayType,
                                  String attributeModel, String attributeDescription, List<Object> attributeValues,
                                  String regexPattern, String regexCue, String defaultValue,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSX", timezone = "UTC") Instant createdAt,
                                  @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSX", timezone = "UTC") Instant updatedAt) {
}
