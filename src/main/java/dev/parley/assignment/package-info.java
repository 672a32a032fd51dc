/**
 * Assignment: routes every open, unassigned conversation to an online agent with room, the moment
 * one exists (new, reopened, unassigned, team changed; backfill when room appears), under an advisory
 * lock per account so limits hold across nodes. Applies the inbox's reopen policy, keeps Chatwoot's
 * assignment policies API, records each decision and serves the queue. Listens to conversation,
 * presence and inbox events; changes conversations only through {@code ConversationManagement}.
 */
package dev.parley.assignment;
