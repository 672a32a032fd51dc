package dev.parley.automation.domain;

/** What conditions may ask of a message: its type (incoming, outgoing, activity, template) and content. */
public record MessageFacts(String messageType, String content) {
}
