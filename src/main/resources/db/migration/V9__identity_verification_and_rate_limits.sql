-- A contact whose identifier was once proven with a valid identifier_hash stays verified: a public client
-- that cannot prove it again (no hash, in an inbox without HMAC) may not claim it.
ALTER TABLE contacts ADD COLUMN identity_verified_at TIMESTAMPTZ;
UPDATE contacts c SET identity_verified_at = now()
WHERE EXISTS (SELECT 1 FROM contact_inboxes ci WHERE ci.contact_id = c.id AND ci.hmac_verified);

-- Bucket4j's token buckets (sign-in and public API rate limits), shared by every node on the database.
-- id is a limit name plus a hash of the subject (email, IP, contact); expires_at lets old buckets be swept.
CREATE TABLE rate_limit_buckets (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);
