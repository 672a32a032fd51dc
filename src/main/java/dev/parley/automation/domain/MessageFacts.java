package dev.parley.automation.domain;

/**
 * What conditions may ask of a message: its type (incoming, outgoing, activity, template), content, and
 * whether it is a private note (Chatwoot's {@code private_note} condition).
 */
public record MessageFacts(String messageType, String content, boolean privateNote) {

    public MessageFacts(String messageType, String content) {
        this(messageType, content, false);
    }
}
