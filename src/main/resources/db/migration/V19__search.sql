-- Search (issue 13): Chatwoot's search API over conversations, contacts and messages.
-- pg_trgm is a trusted extension (PostgreSQL >= 13): the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Contacts are found by any part of their name, email, phone number or identifier (Chatwoot's ILIKE '%q%'):
-- one lower-cased text of the four, kept by PostgreSQL, under a trigram index that serves ILIKE '%...%'.
ALTER TABLE contacts ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    lower(coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone_number, '') || ' ' || coalesce(identifier, ''))
) STORED;
CREATE INDEX contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops);

-- Conversations by display id, also by part of it as Chatwoot matches ("12" finds #112); newest first.
CREATE INDEX conversations_display_id_trgm ON conversations USING gin ((display_id::text) gin_trgm_ops);
CREATE INDEX conversations_account_created_idx ON conversations (account_id, created_at DESC, id DESC);

-- Messages by words: full-text search with the 'simple' configuration (no stemming, no stop words, so every
-- language works), an expression index rather than a stored column so that adding it rewrites no table.
-- The expression must stay exactly the one the search query uses (search/persistence/SearchRepository.java).
-- No other index is added to messages or to contacts' last_activity_at: both are written on every customer message.
CREATE INDEX messages_content_fts ON messages USING gin (to_tsvector('simple', coalesce(content, '')));
