package dev.parley.attachment;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Chatwoot's attachment JSON (its {@code push_event_data}), used by the message JSON, webhook payloads and the
 * dashboard. {@code dataUrl} and {@code thumbUrl} are signed and expire; {@code thumbUrl} is "" when there is none.
 * {@code fileName} is Parley's addition (Chatwoot clients ignore it; the dashboard shows it).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AttachmentJson(long id, long messageId, String fileType, long accountId, String extension, String dataUrl,
                             String thumbUrl, long fileSize, Integer width, Integer height, String fileName) {
}
