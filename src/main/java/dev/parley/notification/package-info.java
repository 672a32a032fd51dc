/**
 * Notifications: tells an agent what needs her (a conversation assigned to her, a customer message in a
 * conversation she has, a mention in a note), as Chatwoot's notifications API does. Listens to conversation
 * events; publishes {@code NotificationCreated} (the dashboard's bell follows it). Idempotent under
 * redelivery: one notification per source event, person and type.
 */
package dev.parley.notification;
