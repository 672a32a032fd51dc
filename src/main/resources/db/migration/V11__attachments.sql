-- Files on messages (Chatwoot's attachments). The bytes live in the storage (file system or S3), under storage_key;
-- a row is written in the same transaction as its message, so there is never a message without its files.
CREATE TABLE attachments (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_id   BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    file_type    TEXT NOT NULL,          -- image, audio, video, file
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,          -- detected from the bytes, never the client's word
    file_size    BIGINT NOT NULL,
    width        INT,
    height       INT,
    storage_key  TEXT NOT NULL UNIQUE,
    thumb_key    TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX attachments_message ON attachments (message_id);

-- Files kept for an automation rule's send_attachment action (Chatwoot's automation_rules/attach_file), not yet on a message.
CREATE TABLE attachment_blobs (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    file_size    BIGINT NOT NULL,
    storage_key  TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Keys written to the storage before their transaction committed; a row still here after a while is an orphan
-- (the transaction rolled back or the node died) and the cleanup deletes its bytes.
CREATE TABLE attachment_pending_keys (
    storage_key TEXT PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Per-account limits; an account without a row has the defaults (40 MB a file, 15 files a message).
CREATE TABLE attachment_limits (
    account_id     BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    max_file_bytes BIGINT NOT NULL,
    max_files      INT NOT NULL
);

-- The secret that signs download URLs, shared by every node through the database.
CREATE TABLE attachment_secrets (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
);
INSERT INTO attachment_secrets (id, secret) VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
