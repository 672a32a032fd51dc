package dev.parley.web.dashboard;

/** One line of the thread: a customer message, a reply, a private note or an activity line. */
record ThreadLine(long id, String kind, String author, String content, String time, Long ruleId, String ruleName) {
}
