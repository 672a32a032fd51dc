package dev.parley.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationQueries;
import dev.parley.shared.JsonCodec;
import dev.parley.support.IntegrationTest;
import dev.parley.support.Multipart;
import dev.parley.webhook.WebhookPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook's message_created payload carries the message's attachments in Chatwoot's shape, with working URLs; so does
 * the conversation's last message inside it.
 */
class WebhookAttachmentIntegrationTests extends IntegrationTest {

    @Autowired
    WebhookPayloads payloads;

    @Autowired
    ConversationQueries conversations;

    @Autowired
    JsonCodec json;

    @Test
    void theMessagePayloadListsItsAttachmentsInSnakeCase() {
        var world = AttachmentWorld.create(fixtures, port);
        byte[] png = AttachmentWorld.png(30, 20);
        long messageId = new Multipart().field("content", "for the webhook").file("attachments[]", "w.png", "image/png", png)
                .post(world.messagesUrl(), world.team().agentUser().token()).expect(200).json().get("id").asLong();
        var c = conversations.find(world.team().accountId(), world.displayId()).orElseThrow();
        var m = conversations.message(c.id(), messageId).orElseThrow();

        var body = JsonMapper.builder().build().readTree(json.write(payloads.message(m, c)));

        var attachment = body.get("attachments").get(0);
        assertThat(attachment.get("file_type").asString()).isEqualTo("image");
        assertThat(attachment.get("message_id").asLong()).isEqualTo(messageId);
        assertThat(attachment.get("width").asInt()).isEqualTo(30);
        String dataUrl = attachment.get("data_url").asString();
        assertThat(dataUrl).startsWith("/attachments/").contains("signature=");
        assertThat(AttachmentWorld.get("http://localhost:" + port + dataUrl).body()).isEqualTo(png);
        var last = body.at("/conversation/messages/0");
        assertThat(last.get("id").asLong()).as("the conversation's last message, in its push shape").isEqualTo(messageId);
        assertThat(last.at("/attachments/0/file_type").asString()).isEqualTo("image");
        assertThat(last.at("/attachments/0/message_id").asLong()).isEqualTo(messageId);
    }
}
