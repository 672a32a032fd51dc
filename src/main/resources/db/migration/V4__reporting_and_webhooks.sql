-- reporting: append-only facts taken from conversation events at commit time, never recomputed
CREATE TABLE reporting_events (
    id                      BIGSERIAL PRIMARY KEY,
    account_id              BIGINT NOT NULL,
    inbox_id                BIGINT NOT NULL,
    user_id                 BIGINT,
    team_id                 BIGINT,
    conversation_id         BIGINT NOT NULL,
    name                    TEXT NOT NULL,
    value                   DOUBLE PRECISION NOT NULL DEFAULT 0,
    value_in_business_hours DOUBLE PRECISION NOT NULL DEFAULT 0,
    event_start_time        TIMESTAMPTZ,
    event_end_time          TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL,
    source_event_id         UUID NOT NULL,
    UNIQUE (source_event_id, name)
);
CREATE INDEX reporting_events_account_name_time_idx ON reporting_events (account_id, name, created_at);
CREATE INDEX reporting_events_conversation_idx ON reporting_events (conversation_id, name, created_at);
CREATE INDEX reporting_events_account_user_idx ON reporting_events (account_id, user_id, created_at);

-- webhooks: subscriptions and a durable delivery queue
CREATE TABLE webhooks (
    id            BIGSERIAL PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    inbox_id      BIGINT REFERENCES inboxes (id) ON DELETE CASCADE,
    name          TEXT,
    url           TEXT NOT NULL,
    subscriptions JSONB NOT NULL,
    secret        TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, url)
);

CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    account_id       BIGINT NOT NULL,
    webhook_id       BIGINT REFERENCES webhooks (id) ON DELETE CASCADE,
    url              TEXT NOT NULL,
    secret           TEXT,
    event            TEXT NOT NULL,
    payload          TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    last_status_code INT,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    source_event_id  UUID,
    UNIQUE (source_event_id, url)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC);
