-- Chatwoot's notifications: what an agent should look at (assigned to her, a new message in her
-- conversation, a mention), once per source event and person.
CREATE TABLE notifications (
    id                BIGSERIAL PRIMARY KEY,
    account_id        BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id           BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    notification_type TEXT NOT NULL,
    conversation_id   BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    display_id        BIGINT NOT NULL,
    message           TEXT NOT NULL,
    actor_name        TEXT,
    read_at           TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    source_event_id   UUID NOT NULL,
    UNIQUE (source_event_id, user_id, notification_type)
);
CREATE INDEX notifications_user_idx ON notifications (account_id, user_id, created_at DESC);
