/**
 * Search: Chatwoot's search over conversations (by display id or their contact), contacts (any part of name, email,
 * phone number or identifier) and messages (by words, PostgreSQL full-text search), limited to what the caller may
 * see. It owns the search indexes (trigram and full-text, migration V19) and reads the conversation and contact
 * tables read-only, as reporting does; it publishes and listens to nothing.
 */
package dev.parley.search;
