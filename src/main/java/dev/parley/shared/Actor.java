package dev.parley.shared;

/**
 * Who caused a change. Explicit in every command and event (never a thread-local), so listeners on
 * other threads know whether a person, a contact, a rule or the server acted.
 *
 * @param kind  what sort of actor
 * @param id    user, contact or rule id; null for the system and auto-assignment
 * @param name  the name shown in activity messages
 * @param depth how many automation steps led here (0 for people), to stop rule chains
 */
public record Actor(Kind kind, Long id, String name, int depth) {

    /** The sorts of actor Parley knows. */
    public enum Kind { USER, CONTACT, AUTOMATION_RULE, ASSIGNMENT, SYSTEM }

    public static Actor user(long userId, String name) {
        return new Actor(Kind.USER, userId, name, 0);
    }

    public static Actor contact(long contactId, String name) {
        return new Actor(Kind.CONTACT, contactId, name, 0);
    }

    public static Actor rule(long ruleId, String ruleName, int depth) {
        return new Actor(Kind.AUTOMATION_RULE, ruleId, ruleName, depth);
    }

    public static Actor assignment() {
        return new Actor(Kind.ASSIGNMENT, null, "Auto-assignment", 0);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null, "System", 0);
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }

    public boolean isAutomation() {
        return kind == Kind.AUTOMATION_RULE;
    }

    /** The name an activity message shows for this actor (Chatwoot: "Automation System" for rules). */
    public String displayName() {
        return switch (kind) {
            case AUTOMATION_RULE -> "Automation System";
            case USER, CONTACT -> name;
            case ASSIGNMENT -> "Auto-assignment";
            case SYSTEM -> "System";
        };
    }
}
