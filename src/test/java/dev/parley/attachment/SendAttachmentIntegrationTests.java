package dev.parley.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.IntegrationTest;
import dev.parley.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Chatwoot's send_attachment: a file uploaded with attach_file, sent by a rule as a public message. */
class SendAttachmentIntegrationTests extends IntegrationTest {

    @Test
    void aRuleSendsTheFileKeptWithItToTheCustomer() {
        var world = AttachmentWorld.create(fixtures, port);
        var team = world.team();
        byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String attachUrl = "http://localhost:" + port + "/api/v1/accounts/" + team.accountId() + "/automation_rules/attach_file";
        new Multipart().file("attachment", "price-list.pdf", "application/pdf", pdf).post(attachUrl, team.agentUser().token()).expect(401);
        long blobId = new Multipart().file("attachment", "price-list.pdf", "application/pdf", pdf)
                .post(attachUrl, team.adminUser().token()).expect(200).json().get("blob_id").asLong();

        team.admin().post(team.path("/automation_rules"), Map.of("name", "Price list", "event_name", "message_created",
                "conditions", List.of(Map.of("attribute_key", "content", "filter_operator", "contains", "values", List.of("prices"))),
                "actions", List.of(Map.of("action_name", "send_attachment", "action_params", List.of(blobId))))).expect(200);
        anonymous().post(world.customer().conversationsPath() + "/" + world.displayId() + "/messages",
                Map.of("content", "What are your prices?")).expect(200);

        String messagesPath = world.customer().conversationsPath() + "/" + world.displayId() + "/messages";
        await().atMost(Duration.ofSeconds(10)).until(() -> anonymous().get(messagesPath).json().toString().contains("\"attachments\""));
        JsonNode sent = null;
        for (JsonNode m : anonymous().get(messagesPath).json()) if (m.has("attachments")) sent = m;
        JsonNode attachment = sent.get("attachments").get(0);
        assertThat(attachment.get("file_type").asString()).isEqualTo("file");
        assertThat(attachment.get("extension").asString()).isEqualTo("pdf");
        assertThat(AttachmentWorld.get(attachment.get("data_url").asString()).body()).isEqualTo(pdf);
    }
}
