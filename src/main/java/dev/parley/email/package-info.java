/**
 * The email channel: inboxes of type {@code Channel::Email} (settings checked and passwords encrypted here, through
 * the inbox module's {@code InboxChannel}), mail imported exactly once from IMAP (IDLE, a cursor per inbox) or a raw
 * RFC 822 endpoint into contacts and conversations, and replies sent by SMTP from a durable outbox.
 * Talks to the core only through ContactManagement, ConversationManagement and events; listens to MessageCreated.
 */
package dev.parley.email;
