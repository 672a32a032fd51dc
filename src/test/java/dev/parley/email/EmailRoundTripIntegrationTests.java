package dev.parley.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.support.Fixtures;
import dev.parley.support.IntegrationTest;
import dev.parley.support.SignInForm;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Against a real mail server (GreenMail on loopback: IMAP with IDLE, SMTP): mail in by IMAP, reply out by SMTP with
 * threading headers, the customer's answer back in the same conversation, robots never answered, bounces marked.
 */
class EmailRoundTripIntegrationTests extends IntegrationTest {

    static final GreenMail MAIL = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    static {
        MAIL.start(); // stopped with the JVM
    }

    static final Duration WAIT = Duration.ofSeconds(30);

    record Mailbox(Fixtures.Team team, JsonNode inbox, String address) {
        long inboxId() {
            return inbox.get("id").asLong();
        }
    }

    private Mailbox mailbox(int imapPort) {
        var team = fixtures.account();
        String address = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        MAIL.setUser(address, address, "imap-pw");
        var settings = new java.util.LinkedHashMap<String, Object>(Map.of("imap_enabled", true, "imap_address", "127.0.0.1",
                "imap_port", imapPort, "imap_login", address, "imap_password", "imap-pw", "imap_enable_ssl", false));
        settings.putAll(Map.of("smtp_enabled", true, "smtp_address", "127.0.0.1", "smtp_port", MAIL.getSmtp().getPort(),
                "smtp_authentication", "none", "smtp_enable_starttls_auto", false));
        JsonNode inbox = EmailInboxes.create(team, address, settings);
        return new Mailbox(team, inbox, address);
    }

    static MimeMessage mail(String from, String to, String subject, String text, String... headers) throws Exception {
        var m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        for (int i = 0; i + 1 < headers.length; i += 2) m.setHeader(headers[i], headers[i + 1]);
        m.saveChanges();
        return m;
    }

    static void deliver(String to, MimeMessage m) {
        MAIL.getUserManager().getUserByEmail(to).deliver(m);
    }

    private List<JsonNode> conversations(Mailbox box) {
        return box.team().admin().get(box.team().path("/conversations?status=all&inbox_id=" + box.inboxId())).expect(200).json()
                .get("data").get("payload").valueStream().toList();
    }

    private List<JsonNode> messages(Mailbox box, long displayId) {
        return box.team().admin().get(box.team().path("/conversations/" + displayId + "/messages")).expect(200).json().get("payload")
                .valueStream().filter(m -> m.get("message_type").asInt() != 2).toList();
    }

    private static List<MimeMessage> receivedBy(String email) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void aCustomerMailIsAnsweredByTheAgentAndTheCustomersReplyThreadsBack() throws Exception {
        Mailbox box = mailbox(MAIL.getImap().getPort());
        EmailInboxes.online(box.team());
        String customer = "mia-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.test";
        var first = new MimeMessage(Session.getInstance(new Properties()));
        first.setFrom(new InternetAddress(customer, "Mia Customer"));
        first.setRecipients(Message.RecipientType.TO, box.address());
        first.setSubject("Broken blender");
        var parts = new MimeMultipart("mixed");
        var text = new MimeBodyPart();
        text.setText("It makes a noise.", "UTF-8");
        parts.addBodyPart(text);
        for (String name : List.of("photo.png", "receipt.txt")) {
            var file = new MimeBodyPart();
            file.setContent(name.endsWith(".png") ? "not really a png" : "paid 20 EUR", "text/plain");
            file.setFileName(name);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            parts.addBodyPart(file);
        }
        first.setContent(parts);
        first.saveChanges();
        String firstId = first.getMessageID();
        deliver(box.address(), first);

        await().atMost(WAIT).until(() -> conversations(box).size() == 1);
        long displayId = conversations(box).get(0).get("id").asLong();
        await().atMost(WAIT).until(() -> box.team().admin().get(box.team().path("/conversations/" + displayId)).expect(200).json()
                .at("/meta/assignee/id").asLong(0) == box.team().agentUser().id());
        JsonNode incoming = messages(box, displayId).get(0);
        assertThat(incoming.get("content").asString()).isEqualTo("It makes a noise.");
        assertThat(incoming.get("attachments").size()).isEqualTo(2);
        assertThat(conversations(box).get(0).get("additional_attributes").get("mail_subject").asString()).isEqualTo("Broken blender");

        // the agent answers from the dashboard's reply box, with a copy to the customer's partner
        var dashboard = new SignInForm(port);
        assertThat(SignInForm.signedIn(dashboard.signIn(box.team().agentUser().email(), "secret123"))).isTrue();
        String conversationPage = "/app/accounts/" + box.team().accountId() + "/conversations/" + displayId;
        assertThat(dashboard.read(conversationPage).body()).contains("id=\"cc-emails\"");
        dashboard.post(conversationPage + "/messages", Map.of("content", "We will send a new one.", "cc_emails", "partner@customer.test"));
        await().atMost(WAIT).until(() -> !receivedBy(customer).isEmpty());
        MimeMessage reply = receivedBy(customer).get(0);
        assertThat(reply.getSubject()).isEqualTo("Re: Broken blender");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(firstId);
        assertThat(reply.getHeader("References", null)).contains(firstId);
        assertThat(reply.getMessageID()).isNotBlank();
        assertThat(reply.getFrom()[0].toString()).contains(box.address());
        assertThat(reply.getReplyTo()[0].toString()).matches(".*\\+c" + displayId + "-[0-9a-f]{10}@acme\\.test");
        assertThat(reply.getHeader("Cc", null)).contains("partner@customer.test");
        assertThat(reply.getContentType()).startsWith("multipart/alternative");

        deliver(box.address(), mail(customer, box.address(), "Re: Broken blender", "Thanks!\n\nOn Monday Support wrote:\n> We will send a new one.",
                "In-Reply-To", reply.getMessageID(), "References", firstId + " " + reply.getMessageID()));
        await().atMost(WAIT).until(() -> messages(box, displayId).size() == 3);
        assertThat(conversations(box)).hasSize(1);
        assertThat(messages(box, displayId).get(2).get("content").asString()).isEqualTo("Thanks!");
    }

    @Test
    void anAutoReplyIsNeverAnsweredByARuleAndABounceMarksTheReplyFailed() throws Exception {
        Mailbox box = mailbox(MAIL.getImap().getPort());
        box.team().admin().post(box.team().path("/automation_rules"), Map.of("name", "Acknowledge", "event_name", "message_created",
                "conditions", List.of(Map.of("attribute_key", "message_type", "filter_operator", "equal_to", "values", List.of("incoming"))),
                "actions", List.of(Map.of("action_name", "send_message", "action_params", List.of("We got your mail."))))).expect(200);
        String human = "human-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.test";
        String robot = "robot-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.test";
        deliver(box.address(), mail(human, box.address(), "Question", "Is it open?"));
        deliver(box.address(), mail(robot, box.address(), "Out of office", "I am away.", "Auto-Submitted", "auto-replied"));

        await().atMost(WAIT).until(() -> receivedBy(human).size() == 1);
        await().atMost(WAIT).until(() -> conversations(box).size() == 2);
        long robotConversation = conversations(box).stream()
                .filter(c -> c.at("/meta/sender/email").asString("").equals(robot)).findFirst().orElseThrow().get("id").asLong();
        await().atMost(WAIT).until(() -> messages(box, robotConversation).stream().anyMatch(m -> m.get("message_type").asInt() == 1
                && "failed".equals(m.get("status").asString())));
        assertThat(receivedBy(robot)).isEmpty();

        MimeMessage ack = receivedBy(human).get(0);
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        var report = new MimeMessage(Session.getInstance(new Properties()));
        report.setFrom(new InternetAddress("MAILER-DAEMON@customer.test"));
        report.setRecipients(Message.RecipientType.TO, box.address());
        report.setSubject("Undelivered Mail Returned to Sender");
        var reportParts = new MimeMultipart("report; report-type=delivery-status");
        var explanation = new MimeBodyPart();
        explanation.setText("Your mail could not be delivered.");
        reportParts.addBodyPart(explanation);
        var status = new MimeBodyPart();
        status.setContent("Reporting-MTA: dns; customer.test\r\n\r\nFinal-Recipient: rfc822; " + human
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 mailbox unknown\r\n", "message/delivery-status");
        reportParts.addBodyPart(status);
        var headers = new MimeBodyPart();
        headers.setContent("Message-ID: " + ack.getMessageID() + "\r\nSubject: Re: Question\r\n", "text/rfc822-headers");
        reportParts.addBodyPart(headers);
        report.setContent(reportParts);
        report.saveChanges();
        deliver(box.address(), report);

        long humanConversation = conversations(box).stream()
                .filter(c -> c.at("/meta/sender/email").asString("").equals(human)).findFirst().orElseThrow().get("id").asLong();
        await().atMost(WAIT).until(() -> messages(box, humanConversation).stream().anyMatch(m -> m.get("message_type").asInt() == 1
                && "failed".equals(m.get("status").asString())));
        JsonNode failed = messages(box, humanConversation).stream().filter(m -> m.get("message_type").asInt() == 1).findFirst().orElseThrow();
        assertThat(failed.at("/content_attributes/external_error").asString()).contains("550 5.1.1 mailbox unknown");
        assertThat(receivedBy(human)).hasSize(1);
        assertThat(conversations(box)).hasSize(2);
    }

    @Test
    void testingTheConnectionSaysWhichStepFailed() {
        Mailbox box = mailbox(MAIL.getImap().getPort());
        String test = box.team().path("/inboxes/" + box.inboxId() + "/email/test_connection");
        JsonNode ok = box.team().admin().post(test, Map.of()).expect(200).json().get("payload");
        assertThat(ok.valueStream().map(r -> r.get("ok").asBoolean()).toList()).containsExactly(true, true);

        box.team().admin().patch(box.team().path("/inboxes/" + box.inboxId()), Map.of("channel", Map.of("imap_password", "wrong",
                "smtp_address", "no-such-host.invalid"))).expect(200);
        JsonNode failed = box.team().admin().post(test, Map.of()).expect(200).json().get("payload");
        assertThat(failed.get(0).get("step").asString()).isEqualTo("login");
        assertThat(failed.get(1).get("step").asString()).isEqualTo("DNS");
        box.team().agent().post(test, Map.of()).expect(401);
    }

    @Test
    void mailThatArrivesWhileTheImapConnectionIsCutIsAllImportedWhenItComesBack() throws Exception {
        try (TcpProxy proxy = new TcpProxy(MAIL.getImap().getPort())) {
            Mailbox box = mailbox(proxy.port());
            String customer = "cut-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.test";
            deliver(box.address(), mail(customer, box.address(), "Before", "first"));
            await().atMost(WAIT).until(() -> conversations(box).size() == 1);

            proxy.cut();
            for (int i = 0; i < 20; i++) deliver(box.address(), mail(customer, box.address(), "During " + i, "mail " + i));
            proxy.restore();

            await().atMost(Duration.ofSeconds(60)).until(() -> conversations(box).size() == 21);
        }
    }
}
