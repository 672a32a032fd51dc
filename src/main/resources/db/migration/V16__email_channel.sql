-- email channel ----------------------------------------------------------------------------------
-- What a channel shows in the inbox JSON: to everyone (e.g. email, forward_to_email) and to administrators
-- only (its server settings, the raw endpoint's secret). Passwords are never here: the channel keeps them encrypted.
ALTER TABLE inboxes ADD COLUMN channel_attributes JSONB NOT NULL DEFAULT '{}';
ALTER TABLE inboxes ADD COLUMN channel_admin_attributes JSONB NOT NULL DEFAULT '{}';

-- Passwords (AES-GCM, key from parley.email.secret-key) and the raw endpoint's secret, per email inbox.
CREATE TABLE email_inbox_secrets (
    inbox_id        BIGINT PRIMARY KEY REFERENCES inboxes (id) ON DELETE CASCADE,
    imap_password   TEXT,
    smtp_password   TEXT,
    inbound_secret  TEXT NOT NULL,
    forward_token   TEXT NOT NULL UNIQUE
);

-- Where IMAP import stands: the mailbox's UIDVALIDITY and the last UID imported.
CREATE TABLE email_imap_cursors (
    inbox_id      BIGINT PRIMARY KEY REFERENCES inboxes (id) ON DELETE CASCADE,
    uid_validity  BIGINT NOT NULL,
    last_uid      BIGINT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per mail received in an inbox, keyed by Message-ID (or a content hash): the exactly-once guard.
-- A mail that could not be imported keeps its raw bytes and the reason, for administrators.
CREATE TABLE email_received (
    id               BIGSERIAL PRIMARY KEY,
    inbox_id         BIGINT NOT NULL REFERENCES inboxes (id) ON DELETE CASCADE,
    message_key      TEXT NOT NULL,
    status           TEXT NOT NULL,            -- imported, bounce, refused, failed
    automatic        BOOLEAN NOT NULL DEFAULT FALSE, -- an auto-reply, bulk mail or bounce: never answered automatically
    conversation_id  BIGINT,
    message_id       BIGINT,
    raw              BYTEA,
    error            TEXT,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (inbox_id, message_key)
);
CREATE INDEX email_received_failed_idx ON email_received (inbox_id, received_at) WHERE status = 'failed';

-- Outgoing mail: one row per message to send; claimed before sending, marked after. The Message-ID is fixed
-- when the row is written, so a retry sends the same mail and a bounce finds its message.
CREATE TABLE email_outbox (
    id               BIGSERIAL PRIMARY KEY,
    account_id       BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    inbox_id         BIGINT NOT NULL REFERENCES inboxes (id) ON DELETE CASCADE,
    conversation_id  BIGINT NOT NULL,
    display_id       BIGINT NOT NULL,
    message_id       BIGINT NOT NULL UNIQUE,
    mail_message_id  TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending',   -- pending, sending, sent, failed, suppressed
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_at       TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX email_outbox_mail_id_idx ON email_outbox (mail_message_id);
