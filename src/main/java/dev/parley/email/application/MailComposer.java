package dev.parley.email.application;

import dev.parley.attachment.AttachmentFile;
import dev.parley.attachment.Attachments;
import dev.parley.contact.ContactQueries;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationView;
import dev.parley.conversation.MessageView;
import dev.parley.email.domain.EmailSettings;
import dev.parley.email.persistence.OutboxRepository;
import dev.parley.email.persistence.OutboxRepository.OutboxMail;
import dev.parley.email.persistence.ReceivedMailRepository;
import dev.parley.inbox.InboxView;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes the mail of an outgoing message: From the inbox (its name and address), To the contact, CC/BCC from the
 * reply box, a Reply-To that threads back to the conversation, the Message-ID fixed in the outbox, In-Reply-To and
 * References from the thread, multipart text + HTML, and the message's files.
 */
@Component
class MailComposer {

    private final ConversationQueries conversations;
    private final ContactQueries contacts;
    private final Attachments attachments;
    private final ReceivedMailRepository received;
    private final OutboxRepository outbox;
    private final ReplyAddress replyAddress;

    MailComposer(ConversationQueries conversations, ContactQueries contacts, Attachments attachments, ReceivedMailRepository received,
                 OutboxRepository outbox, ReplyAddress replyAddress) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.attachments = attachments;
        this.received = received;
        this.outbox = outbox;
        this.replyAddress = replyAddress;
    }

    MimeMessage compose(Session session, InboxView inbox, OutboxMail mail) throws MessagingException, IOException {
        ConversationView conversation = conversations.findById(mail.conversationId()).orElseThrow(() -> new MessagingException("the conversation is gone"));
        MessageView message = conversations.message(mail.conversationId(), mail.messageId())
                .orElseThrow(() -> new MessagingException("the message was deleted"));
        String to = contacts.get(conversation.accountId(), conversation.contactId()).email();
        if (to == null) throw new MessagingException("the contact has no email address");
        EmailSettings settings = EmailSettings.of(inbox.channel().all());
        String fixedId = "<" + mail.mailMessageId() + ">";
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", fixedId);
            }
        };
        mime.setFrom(address(settings.email(), inbox.name()));
        mime.setReplyTo(new InternetAddress[] {new InternetAddress(replyAddress.of(settings.email(), inbox.id(), conversation.displayId()))});
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        List<String> cc = addresses(message.contentAttributes().get("cc_emails"));
        List<String> bcc = addresses(message.contentAttributes().get("bcc_emails"));
        if (!cc.isEmpty()) mime.setRecipients(Message.RecipientType.CC, InternetAddress.parse(String.join(",", cc)));
        if (!bcc.isEmpty()) mime.setRecipients(Message.RecipientType.BCC, InternetAddress.parse(String.join(",", bcc)));
        Object subject = conversation.additionalAttributes().get("mail_subject");
        mime.setSubject(subject == null || String.valueOf(subject).isBlank() ? "Your conversation with " + inbox.name()
                : String.valueOf(subject).regionMatches(true, 0, "Re:", 0, 3) ? String.valueOf(subject) : "Re: " + subject, "UTF-8");
        List<String> thread = new ArrayList<>(received.receivedIds(conversation.id()));
        outbox.sentIds(conversation.id()).stream().filter(id -> !id.equals(mail.mailMessageId())).forEach(thread::add);
        if (!thread.isEmpty()) {
            List<String> incoming = received.receivedIds(conversation.id());
            String inReplyTo = incoming.isEmpty() ? thread.get(thread.size() - 1) : incoming.get(incoming.size() - 1);
            mime.setHeader("In-Reply-To", "<" + inReplyTo + ">");
            mime.setHeader("References", String.join(" ", thread.subList(Math.max(0, thread.size() - 20), thread.size()).stream()
                    .map(id -> "<" + id + ">").toList()));
        }
        if (message.contentAttributes().get("automation_rule_id") != null) mime.setHeader("Auto-Submitted", "auto-replied");
        mime.setSentDate(Date.from(message.createdAt()));
        mime.setContent(body(message.content() == null ? "" : message.content(), attachments.filesOf(message.id())));
        mime.saveChanges();
        return mime;
    }

    private static MimeMultipart body(String text, List<AttachmentFile> files) throws MessagingException, IOException {
        var alternative = new MimeMultipart("alternative");
        var plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        alternative.addBodyPart(plain);
        var html = new MimeBodyPart();
        html.setText("<div dir=\"auto\">" + HtmlUtils.htmlEscape(text).replace("\n", "<br>\n") + "</div>", "UTF-8", "html");
        alternative.addBodyPart(html);
        if (files.isEmpty()) return alternative;
        var mixed = new MimeMultipart("mixed");
        var wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        mixed.addBodyPart(wrapper);
        for (AttachmentFile file : files) {
            var part = new MimeBodyPart();
            try (InputStream in = file.source().getInputStream()) {
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(in, file.contentType() == null ? "application/octet-stream" : file.contentType())));
            }
            part.setFileName(file.fileName());
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        return mixed;
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        try {
            return new InternetAddress(email, name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            return new InternetAddress(email);
        }
    }

    /** Chatwoot sends cc_emails / bcc_emails as a comma-separated string; a list is taken too. */
    static List<String> addresses(Object value) {
        if (value == null) return List.of();
        Collection<?> items = value instanceof Collection<?> c ? c : List.of(String.valueOf(value).split("[,;]"));
        return items.stream().map(String::valueOf).map(String::strip).filter(s -> s.contains("@")).distinct().toList();
    }
}
