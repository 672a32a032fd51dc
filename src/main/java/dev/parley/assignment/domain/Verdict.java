package dev.parley.assignment.domain;

/** Why an agent could or could not take the conversation. */
public enum Verdict {
    AVAILABLE("available"),
    OFFLINE("offline"),
    BUSY("busy"),
    INBOX_LIMIT_REACHED("has reached the inbox limit"),
    ACCOUNT_LIMIT_REACHED("has reached the account-wide limit"),
    FAIR_LIMIT_REACHED("has reached the fair-distribution limit"),
    NOT_IN_TEAM("is not in the conversation's team"),
    CURRENT_ASSIGNEE("is the agent the conversation is moved away from");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
