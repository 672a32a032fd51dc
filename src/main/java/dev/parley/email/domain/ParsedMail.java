package dev.parley.email.domain;

import java.time.Instant;
import java.util.List;

/**
 * One received mail, parsed: addresses, threading headers, the text and sanitised HTML bodies, its files, and what
 * marks it as automatic (auto-reply, bulk, bounce) so that nothing answers it automatically.
 */
public record ParsedMail(String messageId, String inReplyTo, List<String> references, Address from, List<Address> to,
                         List<Address> cc, List<Address> deliveredTo, String subject, Instant date, String text, String html,
                         List<MailFile> files, boolean automatic, Bounce bounce) {

    /** A mailbox with its display name (may be null). */
    public record Address(String email, String name) {
        @Override
        public String toString() {
            return name == null || name.isBlank() ? email : name + " <" + email + ">";
        }
    }

    /** A file of the mail: an attachment, or an inline image referred to by {@code cid:contentId}. */
    public record MailFile(String fileName, String contentType, byte[] bytes, String contentId, boolean inline) {
    }

    /** A delivery failure report: the Message-ID of the mail that bounced (if found) and the server's reason. */
    public record Bounce(String originalMessageId, String reason) {
    }

    /** Every Message-ID this mail answers, nearest first (In-Reply-To, then References newest to oldest). */
    public List<String> answeredIds() {
        var ids = new java.util.ArrayList<String>();
        if (inReplyTo != null) ids.add(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) if (!ids.contains(references.get(i))) ids.add(references.get(i));
        return ids;
    }
}
