package dev.parley.widget.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.attachment.AttachmentJson;
import java.util.List;
import java.util.Map;

/**
 * Chatwoot's widget message ({@code api/v1/widget/models/_message}): what the visitor sees of a message, in the
 * widget API and on the live stream. Content is text; the widget renders it as text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WidgetMessageJson(long id, String content, int messageType, String contentType, Map<String, Object> contentAttributes,
                                long createdAt, long conversationId, String echoId, List<AttachmentJson> attachments,
                                Sender sender) {

    /** The sender's {@code push_event_data}: an agent ({@code type: "user"}) or the visitor ({@code type: "contact"}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sender(long id, String name, String availableName, String avatarUrl, String thumbnail, String type,
                         String availabilityStatus) {
    }
}
