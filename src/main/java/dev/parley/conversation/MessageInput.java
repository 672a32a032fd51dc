package dev.parley.conversation;

import java.util.Map;

/** What a client or a rule asks to post: type is "incoming", "outgoing" or "template" (default outgoing). */
public record MessageInput(String content, String messageType, boolean isPrivate, String contentType,
                           Map<String, Object> contentAttributes, String echoId, String sourceId) {

    public static MessageInput outgoing(String content) {
        return new MessageInput(content, "outgoing", false, null, null, null, null);
    }

    public static MessageInput note(String content) {
        return new MessageInput(content, "outgoing", true, null, null, null, null);
    }

    public static MessageInput incoming(String content) {
        return new MessageInput(content, "incoming", false, null, null, null, null);
    }
}
