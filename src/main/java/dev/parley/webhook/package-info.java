/**
 * Webhooks: account webhooks with subscriptions, the API inbox's webhook_url, and one durable delivery
 * queue in PostgreSQL (signed with HMAC-SHA256, retried with exponential backoff for 25 hours, safe on
 * several nodes with FOR UPDATE SKIP LOCKED, visible per webhook). Listens to conversation, message and
 * contact events; automation's send_webhook_event uses the same queue. Payloads are typed records in
 * Chatwoot's webhook_data shapes ({@code WebhookPayloads}, {@code WebhookBody}). Refuses private addresses
 * unless PARLEY_WEBHOOK_ALLOW_PRIVATE is true.
 */
package dev.parley.webhook;
