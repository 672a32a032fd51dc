package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer ({@code byContact}) or an agent looked at the conversation: what was there by {@code seenAt} is read.
 * Nothing but the read mark changes; dashboards show the customer's "Read", the website widget the agent's.
 */
public record ConversationSeen(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId, long inboxId,
                               boolean byContact, Instant seenAt) {
}
