package dev.parley.email.application;

import dev.parley.attachment.AttachmentLimits;
import dev.parley.attachment.Attachments;
import dev.parley.attachment.Upload;
import dev.parley.email.domain.ParsedMail;
import dev.parley.email.domain.ParsedMail.MailFile;
import dev.parley.email.domain.QuotedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Turns a parsed mail into a conversation message as Chatwoot shapes it: content is the new reply (quoted thread
 * folded away), {@code content_attributes.email} keeps subject, from, to, cc, ids and the full text and HTML; files
 * up to the account's limits become attachments, and the content says which were refused and why.
 */
@Component
class MailMessage {

    static final int MAX_CONTENT = 100_000;
    static final int MAX_HTML = 1_000_000;

    /** What to post: content, attributes and the files kept. */
    record Prepared(String content, Map<String, Object> contentAttributes, List<Upload> files) {
    }

    private final Attachments attachments;

    MailMessage(Attachments attachments) {
        this.attachments = attachments;
    }

    Prepared prepare(long accountId, ParsedMail mail) {
        String[] text = QuotedText.split(mail.text());
        String[] html = HtmlMail.split(mail.html() == null ? null : MailImport.truncate(mail.html(), MAX_HTML));
        String content = text[0] != null ? text[0] : html[0] != null ? HtmlMail.text(html[0]) : "";
        var kept = new ArrayList<Upload>();
        var refused = new ArrayList<String>();
        var inline = new LinkedHashMap<String, String>();
        AttachmentLimits limits = attachments.limits(accountId);
        for (MailFile file : mail.files()) {
            if (kept.size() >= limits.maxFiles()) {
                refused.add(file.fileName() + " (over the limit of " + limits.maxFiles() + " files a message)");
            } else if (file.bytes().length > limits.maxFileBytes()) {
                refused.add(file.fileName() + " (" + AttachmentLimits.megabytes(file.bytes().length) + "; the limit is "
                        + AttachmentLimits.megabytes(limits.maxFileBytes()) + " a file)");
            } else {
                kept.add(new Upload(file.fileName(), file.bytes().length, new ByteArrayResource(file.bytes())));
                if (file.contentId() != null) inline.put(file.contentId(), kept.get(kept.size() - 1).fileName());
            }
        }
        if (!refused.isEmpty()) {
            content = content + "\n\n[" + refused.size() + (refused.size() == 1 ? " attachment was" : " attachments were")
                    + " not kept: " + String.join(", ", refused) + "]";
        }
        if (content.isBlank() && kept.isEmpty()) content = mail.subject() == null || mail.subject().isBlank() ? "(empty mail)" : mail.subject();
        var email = new LinkedHashMap<String, Object>();
        email.put("subject", mail.subject());
        email.put("from", List.of(mail.from().email()));
        email.put("from_name", mail.from().name());
        email.put("to", mail.to().stream().map(ParsedMail.Address::email).toList());
        email.put("cc", mail.cc().stream().map(ParsedMail.Address::email).toList());
        email.put("message_id", mail.messageId());
        email.put("in_reply_to", mail.inReplyTo());
        email.put("references", mail.references());
        email.put("date", mail.date() == null ? null : mail.date().toString());
        email.put("text_content", part(mail.text() == null ? null : MailImport.truncate(mail.text(), MAX_CONTENT), text));
        email.put("html_content", part(mail.html() == null ? null : MailImport.truncate(mail.html(), MAX_HTML), html));
        email.put("auto_reply", mail.automatic());
        email.put("number_of_attachments", mail.files().size());
        if (!inline.isEmpty()) email.put("inline_images", inline);
        if (!refused.isEmpty()) email.put("refused_attachments", refused);
        var attributes = new LinkedHashMap<String, Object>();
        attributes.put("email", email);
        if (!mail.cc().isEmpty()) attributes.put("cc_emails", mail.cc().stream().map(ParsedMail.Address::email).toList());
        return new Prepared(MailImport.truncate(content, MAX_CONTENT), attributes, kept);
    }

    private static Map<String, Object> part(String full, String[] split) {
        var part = new LinkedHashMap<String, Object>();
        part.put("full", full);
        part.put("reply", split[0]);
        part.put("quoted", split[1]);
        return part;
    }
}
