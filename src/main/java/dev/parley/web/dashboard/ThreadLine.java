package dev.parley.web.dashboard;

import java.util.List;

/**
 * One line of the thread: a customer message, a reply, a private note or an activity line. {@code delivery}
 * is "Read" or "Sent" for replies (read once the customer has looked since), null otherwise; {@code firstUnread}
 * marks the first customer message the agents had not seen when the page opened; {@code files} its attachments.
 */
record ThreadLine(long id, String kind, String author, String content, String time, Long ruleId, String ruleName, String delivery,
                  boolean firstUnread, List<File> files, Mail mail) {

    /** A line that is not an email. */
    ThreadLine(long id, String kind, String author, String content, String time, Long ruleId, String ruleName, String delivery,
               boolean firstUnread, List<File> files) {
        this(id, kind, author, content, time, ruleId, ruleName, delivery, firstUnread, files, null);
    }

    /**
     * An email's envelope and its original HTML, for email conversations: subject, from, to, CC as the mail had them;
     * the HTML sanitised again here (jsoup's relaxed safelist) before it is written into the page.
     */
    record Mail(String subject, String from, String to, String cc, String html) {

        private static final org.jsoup.safety.Safelist SAFE = org.jsoup.safety.Safelist.relaxed().addProtocols("img", "src", "cid", "http", "https");

        @SuppressWarnings("unchecked")
        static Mail of(java.util.Map<String, Object> contentAttributes) {
            if (!(contentAttributes.get("email") instanceof java.util.Map<?, ?> email)) return null;
            Object html = email.get("html_content") instanceof java.util.Map<?, ?> h ? h.get("full") : null;
            return new Mail(text(email.get("subject")), join(email.get("from")), join(email.get("to")), join(email.get("cc")),
                    html == null ? null : org.jsoup.Jsoup.clean(String.valueOf(html), "", SAFE,
                            new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false)));
        }

        private static String join(Object value) {
            return value instanceof java.util.Collection<?> c ? String.join(", ", c.stream().map(String::valueOf).toList()) : text(value);
        }

        private static String text(Object value) {
            return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
        }
    }

    /**
     * Whether the rule's name is already part of the text ("Assigned to Ann by Route VIPs"): the name itself is
     * then the link to the rule, instead of a second "rule: Route VIPs" after it.
     */
    public boolean namesItsRule() {
        return ruleId != null && ruleName != null && !ruleName.isEmpty() && content != null && content.contains(ruleName);
    }

    public String beforeRuleName() {
        return content.substring(0, content.lastIndexOf(ruleName));
    }

    public String afterRuleName() {
        return content.substring(content.lastIndexOf(ruleName) + ruleName.length());
    }

    /** An attachment as the thread shows it: a thumbnail that opens the image, or a download link with name and size. */
    record File(String name, String url, String thumbUrl, String size) {

        static File of(dev.parley.attachment.AttachmentJson a) {
            return new File(a.fileName(), a.dataUrl(), a.thumbUrl().isEmpty() ? null : a.thumbUrl(), size(a.fileSize()));
        }

        static String size(long bytes) {
            if (bytes < 1024) return bytes + " B";
            if (bytes < 1024 * 1024) return Math.round(bytes / 1024.0) + " KB";
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
    }
}
