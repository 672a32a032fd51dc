package dev.parley.email.application;

import dev.parley.email.domain.AutomaticMail;
import dev.parley.email.domain.ParsedMail;
import dev.parley.email.domain.ParsedMail.Address;
import dev.parley.email.domain.ParsedMail.Bounce;
import dev.parley.email.domain.ParsedMail.MailFile;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Parses a raw RFC 822 mail with Jakarta Mail (Angus): encoded headers, any charset (unknown ones read as UTF-8
 * or Latin-1, never refused), text and HTML parts, attachments and {@code cid:} inline images, bounce reports.
 */
@Component
public class MailParser {

    private static final Session SESSION = session();
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");

    /** Thrown when the bytes are not a mail Parley can read. */
    public static class Unparseable extends Exception {
        Unparseable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ParsedMail parse(byte[] raw) throws Unparseable {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            var body = new Body();
            walk(m, body, false);
            Address from = first(m.getFrom());
            if (from == null) throw new Unparseable("the mail has no From address", null);
            boolean report = m.isMimeType("multipart/report");
            boolean automatic = report || AutomaticMail.isAutomatic(name -> header(m, name), from.email());
            Bounce bounce = report || AutomaticMail.isDaemon(from.email()) ? bounce(body) : null;
            return new ParsedMail(id(header(m, "Message-ID")), id(header(m, "In-Reply-To")), ids(header(m, "References")), from,
                    addresses(m.getRecipients(Message.RecipientType.TO)), addresses(m.getRecipients(Message.RecipientType.CC)),
                    deliveredTo(m), m.getSubject(), m.getSentDate() == null ? null : m.getSentDate().toInstant(), body.text,
                    body.html == null ? null : HtmlMail.sanitise(body.html), body.files, automatic, bounce);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new Unparseable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static final class Body {
        String text;
        String html;
        final List<MailFile> files = new ArrayList<>();
        final StringBuilder reportText = new StringBuilder();
    }

    private void walk(Part part, Body body, boolean inReport) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            boolean report = inReport || part.isMimeType("multipart/report");
            for (int i = 0; i < multipart.getCount(); i++) walk(multipart.getBodyPart(i), body, report);
            return;
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null && !part.isMimeType("text/*");
        if (inReport && (part.isMimeType("message/delivery-status") || part.isMimeType("message/rfc822")
                || part.isMimeType("text/rfc822-headers") || part.isMimeType("message/global-delivery-status"))) {
            body.reportText.append(new String(bytes(part), StandardCharsets.UTF_8)).append('\n');
            return;
        }
        if (!attachment && part.isMimeType("text/plain") && body.text == null) {
            body.text = text(part);
        } else if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = text(part);
        } else {
            String contentId = contentId(part);
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(java.util.Locale.ROOT);
            String name = fileName != null ? fileName : contentId != null ? contentId : "attachment";
            body.files.add(new MailFile(name, type, bytes(part), contentId, contentId != null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())));
        }
        if (inReport && part.isMimeType("text/plain")) body.reportText.append(text(part)).append('\n');
    }

    private static Bounce bounce(Body body) {
        String report = body.reportText.isEmpty() && body.text != null ? body.text : body.reportText.toString();
        Matcher id = MESSAGE_ID.matcher(report);
        String original = id.find() ? id(id.group(1)) : null;
        Matcher diagnostic = DIAGNOSTIC.matcher(report);
        String reason = diagnostic.find() ? diagnostic.group(1).strip() : "the receiving server reported that the mail could not be delivered";
        return new Bounce(original, reason);
    }

    /** A text part in its charset; an unknown or broken charset falls back to UTF-8 (or Latin-1 if that is not valid). */
    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        String charset = new ContentType(part.getContentType()).getParameter("charset");
        try {
            if (charset != null) return new String(bytes, Charset.forName(MimeUtility.javaCharset(charset.strip())));
        } catch (RuntimeException unknownCharset) {
            // fall through to a best guess
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | IOException | RuntimeException e) {
            return "attachment";
        }
    }

    private static String contentId(Part part) throws MessagingException {
        String[] ids = part instanceof BodyPart ? part.getHeader("Content-ID") : null;
        if (ids == null || ids.length == 0) return null;
        return ids[0].strip().replaceAll("^<|>$", "");
    }

    private static String header(MimeMessage m, String name) {
        try {
            String value = m.getHeader(name, " ");
            return value == null ? null : MimeUtility.unfold(value);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<Address> deliveredTo(MimeMessage m) throws MessagingException {
        var found = new ArrayList<Address>();
        for (String name : List.of("Delivered-To", "X-Original-To", "Envelope-To")) {
            String[] values = m.getHeader(name);
            if (values == null) continue;
            for (String v : values) {
                try {
                    found.addAll(addresses(InternetAddress.parseHeader(v, false)));
                } catch (MessagingException ignored) {
                    // a malformed trace header is not worth refusing the mail
                }
            }
        }
        return found;
    }

    private static Address first(jakarta.mail.Address[] addresses) {
        List<Address> all = addresses(addresses);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Address> addresses(jakarta.mail.Address[] addresses) {
        if (addresses == null) return List.of();
        return Arrays.stream(addresses).filter(InternetAddress.class::isInstance).map(InternetAddress.class::cast)
                .filter(a -> a.getAddress() != null && a.getAddress().contains("@"))
                .map(a -> new Address(a.getAddress().strip(), a.getPersonal())).toList();
    }

    static String id(String header) {
        if (header == null) return null;
        Matcher m = ANGLE_ID.matcher(header);
        if (m.find()) return m.group(1);
        String bare = header.strip();
        return bare.isEmpty() || bare.contains(" ") ? null : bare;
    }

    private static List<String> ids(String header) {
        if (header == null) return List.of();
        var ids = new ArrayList<String>();
        Matcher m = ANGLE_ID.matcher(header);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static Session session() {
        var props = new Properties();
        props.put("mail.mime.address.strict", "false");
        props.put("mail.mime.decodetext.strict", "false");
        props.put("mail.mime.decodefilename", "true");
        props.put("mail.mime.parameters.strict", "false");
        props.put("mail.mime.allowutf8", "true");
        return Session.getInstance(props);
    }
}
