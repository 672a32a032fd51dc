-- Search (issue 13): Chatwoot's search API over conversations, contacts and messages.
-- pg_trgm is a trusted extension (PostgreSQL >= 13): the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Contacts are found by any part of their name, email, phone number or identifier (Chatwoot's ILIKE '%q%'):
-- one lower-cased text of the four, kept by PostgreSQL, under a trigram index that serves ILIKE '%...%'.
ALTER TABLE contacts ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    lower(coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone_number, '') || ' ' || coalesce(identifier, ''))
) STORED;
CREATE INDEX contacts_search_trgm ON contacts USING gin (search_text gin_trgm_ops);

-- Conversations by display id or its first digits ("12" finds #12, #120, #1234): a prefix is a range of this index.
-- (Chatwoot matches any part of the number; trigrams of digits are too common to make that fast at 100,000 conversations.)
CREATE INDEX conversations_display_id_prefix ON conversations (account_id, (display_id::text) text_pattern_ops);
CREATE INDEX conversations_account_created_idx ON conversations (account_id, created_at DESC, id DESC);

-- Messages by words: full-text search with the 'simple' configuration (no stemming, no stop words, so every
-- language works), an expression index rather than a stored column so that adding it rewrites no table.
-- The expression must stay exactly the one the search query uses (search/persistence/SearchRepository.java).
-- No other index is added to messages or to contacts' last_activity_at: both are written on every customer message.
CREATE INDEX messages_content_fts ON messages USING gin (to_tsvector('simple', coalesce(content, '')));
