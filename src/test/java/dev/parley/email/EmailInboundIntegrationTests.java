package dev.parley.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.IntegrationTest;
import dev.parley.support.SignInForm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The raw-message endpoint: mail becomes a conversation once, with its subject, body, files and a safe HTML part. */
class EmailInboundIntegrationTests extends IntegrationTest {

    static final String MAIL = """
            From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <juergen@customer.test>
            To: support@acme.test
            Cc: boss@customer.test
            Subject: =?ISO-8859-1?Q?Bestellung_f=FCr_K=F6ln?=
            Message-ID: <order-42@customer.test>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: quoted-printable

            Gr=FC=DFe, my order has not arrived.

            On Mon, 1 Jan 2026 at 10:00, Support wrote:
            > Thank you for your order
            --alt
            Content-Type: text/html; charset=UTF-8

            <p>Gr&uuml;&szlig;e, my order <b>has not arrived</b>.<script>alert('x')</script><img src="x" onerror="alert(1)"></p>
            <blockquote>Thank you for your order</blockquote>
            --alt--
            --outer
            Content-Type: application/pdf; name="invoice.pdf"
            Content-Disposition: attachment; filename="invoice.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSPj4Kc3RyZWFtCg==
            --outer
            Content-Type: text/csv; name="items.csv"
            Content-Disposition: attachment; filename="items.csv"

            sku,qty
            A-1,2
            --outer--
            """.replace("\n", "\r\n");

    @Test
    void aMailBecomesAnAssignedConversationWithSubjectBodyAndTwoAttachmentsOnce() throws Exception {
        var team = fixtures.account();
        EmailInboxes.online(team);
        JsonNode inbox = EmailInboxes.create(team, "support@acme.test", Map.of());
        String secret = inbox.get("inbound_secret").asString();
        byte[] raw = MAIL.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(EmailInboxes.postRaw(port, inbox, secret, raw)).containsExactly("200", "{\"status\":\"imported\"}");
        assertThat(EmailInboxes.postRaw(port, inbox, secret, raw)).containsExactly("200", "{\"status\":\"duplicate\"}");
        assertThat(EmailInboxes.postRaw(port, inbox, "wrong", raw)[0]).isEqualTo("401");

        JsonNode conversations = team.admin().get(team.path("/conversations?status=all&inbox_id=" + inbox.get("id").asLong())).expect(200)
                .json().get("data").get("payload");
        assertThat(conversations.size()).isEqualTo(1);
        long displayId = conversations.get(0).get("id").asLong();
        assertThat(conversations.get(0).get("additional_attributes").get("mail_subject").asString()).isEqualTo("Bestellung für Köln");
        await().atMost(Duration.ofSeconds(20)).until(() -> team.admin().get(team.path("/conversations/" + displayId)).expect(200).json()
                .at("/meta/assignee/id").asLong(0) == team.agentUser().id());

        var messages = team.admin().get(team.path("/conversations/" + displayId + "/messages")).expect(200).json().get("payload")
                .valueStream().filter(m -> m.get("message_type").asInt() == 0).toList();
        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.get("content").asString()).isEqualTo("Grüße, my order has not arrived.");
        assertThat(message.get("content_type").asString()).isEqualTo("incoming_email");
        assertThat(message.get("attachments").size()).isEqualTo(2);
        JsonNode email = message.get("content_attributes").get("email");
        assertThat(email.get("from").get(0).asString()).isEqualTo("juergen@customer.test");
        assertThat(email.get("cc").get(0).asString()).isEqualTo("boss@customer.test");
        assertThat(email.get("text_content").get("quoted").asString()).contains("Thank you for your order");
        String html = email.get("html_content").get("full").asString();
        assertThat(html).contains("<b>has not arrived</b>").doesNotContain("<script").doesNotContain("onerror").doesNotContain("alert(");
        assertThat(email.get("html_content").get("reply").asString()).doesNotContain("Thank you for your order");
        assertThat(message.get("sender").get("email").asString()).isEqualTo("juergen@customer.test");
        assertThat(message.get("sender").get("name").asString()).isEqualTo("Jürgen Müller");

        var browser = new SignInForm(port);
        assertThat(SignInForm.signedIn(browser.signIn(team.adminUser().email(), "secret123"))).isTrue();
        String page = browser.read("/app/accounts/" + team.accountId() + "/conversations/" + displayId).body();
        assertThat(page).contains("Bestellung für Köln").contains("juergen@customer.test").contains("boss@customer.test")
                .contains("<b>has not arrived</b>").doesNotContain("alert(").doesNotContain("onerror");
    }

    @Test
    void administratorsCreateAndEditAnEmailInboxInTheDashboardAndTestItsConnection() {
        var team = fixtures.account();
        var browser = new SignInForm(port);
        assertThat(SignInForm.signedIn(browser.signIn(team.adminUser().email(), "secret123"))).isTrue();
        String base = "/app/accounts/" + team.accountId() + "/inboxes";
        browser.read(base + "/new?channel_type=email"); // the one "New inbox" flow, email chosen
        var created = browser.post(base, Map.of("channel_type", "email", "name", "Mail desk", "email", "desk@acme.test", "imap_enabled", "true",
                "imap_address", "127.0.0.1", "imap_port", "1", "imap_login", "desk", "imap_password", "dashboard-secret"));
        assertThat(created.statusCode()).isEqualTo(302);
        String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
        String form = browser.read(edit).body();
        assertThat(form).contains("desk@acme.test").contains("127.0.0.1").doesNotContain("dashboard-secret");
        String tested = browser.post(edit + "/test", Map.of()).body();
        assertThat(tested).contains("IMAP failed at connect");
        var refused = browser.post(edit, Map.of("name", "Mail desk", "email", "not an address"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("email-error");
    }

    @Test
    void anUnparseableMailIsKeptForAdministratorsAndNeverBlocksTheNext() throws Exception {
        var team = fixtures.account();
        JsonNode inbox = EmailInboxes.create(team, "desk@acme.test", Map.of());
        String secret = inbox.get("inbound_secret").asString();
        byte[] garbage = "Subject: no sender at all\r\n\r\nwho wrote this?".getBytes(StandardCharsets.US_ASCII);
        assertThat(EmailInboxes.postRaw(port, inbox, secret, garbage)).containsExactly("200", "{\"status\":\"failed\"}");
        byte[] next = "From: ok@customer.test\r\nTo: desk@acme.test\r\nSubject: fine\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII);
        assertThat(EmailInboxes.postRaw(port, inbox, secret, next)).containsExactly("200", "{\"status\":\"imported\"}");
        assertThat(EmailInboxes.postRaw(port, inbox, secret, next)).as("no Message-ID: the content hash keys it")
                .containsExactly("200", "{\"status\":\"duplicate\"}");

        String failedPath = team.path("/inboxes/" + inbox.get("id").asLong() + "/email/failed");
        JsonNode failed = team.admin().get(failedPath).expect(200).json().get("payload");
        assertThat(failed.size()).isEqualTo(1);
        assertThat(failed.get(0).get("error").asString()).contains("no From");
        assertThat(team.admin().get(failedPath + "/" + failed.get(0).get("id").asLong() + "/raw").expect(200).body())
                .isEqualTo(new String(garbage, StandardCharsets.US_ASCII));
        team.agent().get(failedPath).expect(401);
        assertThat(team.admin().get(team.path("/conversations?status=all&inbox_id=" + inbox.get("id").asLong())).expect(200).json()
                .at("/data/payload").size()).isEqualTo(1);
    }

    @Test
    void anEmailInboxShowsItsSettingsButNeverItsPasswords() {
        var team = fixtures.account();
        JsonNode inbox = EmailInboxes.create(team, "help@acme.test", Map.of("imap_enabled", true, "imap_address", "127.0.0.1",
                "imap_port", 3993, "imap_login", "help", "imap_password", "imap-secret", "smtp_enabled", true, "smtp_address", "127.0.0.1",
                "smtp_port", 3025, "smtp_login", "help", "smtp_password", "smtp-secret"));
        long id = inbox.get("id").asLong();
        assertThat(inbox.get("channel_type").asString()).isEqualTo("Channel::Email");
        assertThat(inbox.get("imap_port").asInt()).isEqualTo(3993);
        assertThat(inbox.get("forward_to_email").asString()).endsWith("@parley.local");
        String asAdmin = team.admin().get(team.path("/inboxes/" + id)).expect(200).body();
        assertThat(asAdmin).doesNotContain("imap-secret").doesNotContain("smtp-secret").doesNotContain("imap_password");
        JsonNode asAgent = team.agent().get(team.path("/inboxes/" + id)).expect(200).json();
        assertThat(asAgent.get("email").asString()).isEqualTo("help@acme.test");
        assertThat(asAgent.has("imap_address")).isFalse();
        assertThat(asAgent.has("inbound_secret")).isFalse();

        JsonNode changed = team.admin().patch(team.path("/inboxes/" + id), Map.of("channel", Map.of("imap_port", 993, "smtp_password", "new")))
                .expect(200).json();
        assertThat(changed.get("imap_port").asInt()).isEqualTo(993);
        assertThat(changed.get("smtp_address").asString()).isEqualTo("127.0.0.1");
        team.admin().patch(team.path("/inboxes/" + id), Map.of("channel", Map.of("imap_port", 70000))).expect(422);
        team.admin().post(team.path("/inboxes"), Map.of("name", "x", "channel", Map.of("type", "email", "email", "not-an-address"))).expect(422);
        team.agent().post(team.path("/inboxes"), Map.of("name", "x", "channel", Map.of("type", "email", "email", "a@b.test"))).expect(401);
    }
}
