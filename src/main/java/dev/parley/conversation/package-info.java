/**
 * Core: conversations and their messages (a message changes conversation state in one transaction),
 * labels on conversations, activity messages, the per-account display id and the snooze timer. Its
 * narrow command API {@link dev.parley.conversation.ConversationManagement} is what the reactors call
 * back with their {@link dev.parley.shared.Actor}. Publishes {@code ConversationCreated},
 * {@code ConversationStatusChanged}, {@code ConversationAssigneeChanged}, {@code ConversationTeamChanged},
 * {@code ConversationUpdated} and {@code MessageCreated}; depends on no reactor and listens to nothing.
 * A message's push data ({@code MessageJson}, built by {@code MessagePushData}) is shared by the API and the
 * webhook payloads.
 */
package dev.parley.conversation;
