package dev.parley.web.dashboard;

/**
 * One line of the thread: a customer message, a reply, a private note or an activity line. {@code delivery}
 * is "Read" or "Sent" for replies (read once the customer has looked since), null otherwise; {@code firstUnread}
 * marks the first customer message the agents had not seen when the page opened.
 */
record ThreadLine(long id, String kind, String author, String content, String time, Long ruleId, String ruleName, String delivery,
                  boolean firstUnread) {
}
