package dev.parley.conversation;

import dev.parley.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * Chatwoot's {@code conversation_typing_on} / {@code conversation_typing_off}: someone (the customer, or an
 * agent in the reply box; {@code isPrivate} when writing a note) started or stopped typing. Nothing is
 * stored; open dashboards show it and subscribed webhooks receive it.
 */
public record ConversationTypingChanged(UUID eventId, Instant occurredAt, long accountId, long conversationId, long displayId,
                                        long inboxId, boolean typing, boolean isPrivate, Actor causedBy) {
}
