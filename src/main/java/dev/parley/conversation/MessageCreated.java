package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * A message was stored. {@code humanReply} is true for a public outgoing message written by an agent
 * (what counts for first response and reply time); {@code firstReply} when it was the first one;
 * {@code waitingSinceBefore} is when the customer had started waiting, if they were. {@code content} is the
 * message's text as stored (null for a message without text, and in events logged before it was carried).
 */
public record MessageCreated(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId,
                             long inboxId, long messageId, MessageType messageType, boolean isPrivate, String senderType,
                             Long senderId, Long automationRuleId, boolean humanReply, boolean firstReply,
                             Instant waitingSinceBefore, Long assigneeId, Actor causedBy, String content) {
}
