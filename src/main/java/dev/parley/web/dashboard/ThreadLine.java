package dev.parley.web.dashboard;

import java.util.List;

/**
 * One line of the thread: a customer message, a reply, a private note or an activity line. {@code delivery}
 * is "Read" or "Sent" for replies (read once the customer has looked since), null otherwise; {@code firstUnread}
 * marks the first customer message the agents had not seen when the page opened; {@code files} its attachments.
 */
record ThreadLine(long id, String kind, String author, String content, String time, Long ruleId, String ruleName, String delivery,
                  boolean firstUnread, List<File> files) {

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
