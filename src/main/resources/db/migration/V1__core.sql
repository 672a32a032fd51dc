-- Parley core schema: tenancy, setup, parties, conversations and the event publication registry.

-- Spring Modulith's JDBC event publication registry (schema v2): at-least-once delivery of module events.
CREATE TABLE event_publication (
    id                     UUID PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMPTZ NOT NULL,
    completion_date        TIMESTAMPTZ,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMPTZ
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- tenancy -----------------------------------------------------------------------------------------
CREATE TABLE accounts (
    id              BIGSERIAL PRIMARY KEY,
    name            TEXT NOT NULL,
    locale          TEXT NOT NULL DEFAULT 'en',
    domain          TEXT,
    support_email   TEXT,
    status          TEXT NOT NULL DEFAULT 'active',
    last_display_id BIGINT NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT NOT NULL,
    display_name  TEXT,
    email         TEXT NOT NULL,
    password_hash TEXT,
    access_token  TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_uniq ON users (lower(email));

CREATE TABLE account_users (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('agent', 'administrator')),
    availability TEXT NOT NULL DEFAULT 'offline' CHECK (availability IN ('online', 'busy', 'offline')),
    auto_offline BOOLEAN NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, user_id)
);
CREATE INDEX account_users_user_idx ON account_users (user_id);

CREATE TABLE teams (
    id                BIGSERIAL PRIMARY KEY,
    account_id        BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    description       TEXT,
    allow_auto_assign BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, name)
);

CREATE TABLE team_members (
    team_id    BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE labels (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    description     TEXT,
    color           TEXT NOT NULL DEFAULT '#1f93ff',
    show_on_sidebar BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, title)
);

CREATE TABLE custom_attribute_definitions (
    id                     BIGSERIAL PRIMARY KEY,
    account_id             BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    attribute_key          TEXT NOT NULL,
    attribute_display_name TEXT NOT NULL,
    attribute_display_type TEXT NOT NULL,
    attribute_model        TEXT NOT NULL,
    attribute_description  TEXT,
    attribute_values       JSONB NOT NULL DEFAULT '[]',
    regex_pattern          TEXT,
    regex_cue              TEXT,
    default_value          TEXT,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, attribute_model, attribute_key)
);

-- setup -------------------------------------------------------------------------------------------
CREATE TABLE inboxes (
    id                            BIGSERIAL PRIMARY KEY,
    account_id                    BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                          TEXT NOT NULL,
    channel_type                  TEXT NOT NULL DEFAULT 'Channel::Api',
    inbox_identifier              TEXT NOT NULL UNIQUE,
    webhook_url                   TEXT,
    hmac_token                    TEXT NOT NULL,
    hmac_mandatory                BOOLEAN NOT NULL DEFAULT FALSE,
    enable_auto_assignment        BOOLEAN NOT NULL DEFAULT TRUE,
    auto_assignment_config        JSONB NOT NULL DEFAULT '{}',
    lock_to_single_conversation   BOOLEAN NOT NULL DEFAULT FALSE,
    greeting_enabled              BOOLEAN NOT NULL DEFAULT FALSE,
    greeting_message              TEXT,
    timezone                      TEXT NOT NULL DEFAULT 'UTC',
    created_at                    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX inboxes_account_idx ON inboxes (account_id);

CREATE TABLE inbox_members (
    inbox_id   BIGINT NOT NULL REFERENCES inboxes (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (inbox_id, user_id)
);

-- parties -----------------------------------------------------------------------------------------
CREATE TABLE contacts (
    id                    BIGSERIAL PRIMARY KEY,
    account_id            BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                  TEXT NOT NULL DEFAULT '',
    email                 TEXT,
    phone_number          TEXT,
    identifier            TEXT,
    additional_attributes JSONB NOT NULL DEFAULT '{}',
    custom_attributes     JSONB NOT NULL DEFAULT '{}',
    blocked               BOOLEAN NOT NULL DEFAULT FALSE,
    last_activity_at      TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contacts_email_uniq ON contacts (account_id, lower(email));
CREATE UNIQUE INDEX contacts_identifier_uniq ON contacts (account_id, identifier);
CREATE UNIQUE INDEX contacts_phone_uniq ON contacts (account_id, phone_number);

CREATE TABLE contact_inboxes (
    id            BIGSERIAL PRIMARY KEY,
    contact_id    BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    inbox_id      BIGINT NOT NULL REFERENCES inboxes (id) ON DELETE CASCADE,
    source_id     TEXT NOT NULL,
    hmac_verified BOOLEAN NOT NULL DEFAULT FALSE,
    pubsub_token  TEXT NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (inbox_id, source_id)
);
CREATE INDEX contact_inboxes_contact_idx ON contact_inboxes (contact_id);

-- core --------------------------------------------------------------------------------------------
CREATE TABLE conversations (
    id                     BIGSERIAL PRIMARY KEY,
    account_id             BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    inbox_id               BIGINT NOT NULL REFERENCES inboxes (id) ON DELETE CASCADE,
    contact_id             BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    contact_inbox_id       BIGINT REFERENCES contact_inboxes (id) ON DELETE SET NULL,
    display_id             BIGINT NOT NULL,
    uuid                   UUID NOT NULL UNIQUE,
    status                 TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'pending', 'snoozed')),
    priority               TEXT CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    assignee_id            BIGINT REFERENCES users (id) ON DELETE SET NULL,
    team_id                BIGINT REFERENCES teams (id) ON DELETE SET NULL,
    snoozed_until          TIMESTAMPTZ,
    waiting_since          TIMESTAMPTZ,
    first_reply_created_at TIMESTAMPTZ,
    last_activity_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    agent_last_seen_at     TIMESTAMPTZ,
    contact_last_seen_at   TIMESTAMPTZ,
    additional_attributes  JSONB NOT NULL DEFAULT '{}',
    custom_attributes      JSONB NOT NULL DEFAULT '{}',
    labels                 TEXT[] NOT NULL DEFAULT '{}',
    version                BIGINT NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, display_id)
);
CREATE INDEX conversations_account_status_idx ON conversations (account_id, status, last_activity_at DESC);
CREATE INDEX conversations_inbox_idx ON conversations (inbox_id, status);
CREATE INDEX conversations_assignee_idx ON conversations (assignee_id, status);
CREATE INDEX conversations_contact_idx ON conversations (contact_id);
CREATE INDEX conversations_snoozed_idx ON conversations (snoozed_until) WHERE status = 'snoozed';
CREATE INDEX conversations_labels_idx ON conversations USING gin (labels);

CREATE TABLE messages (
    id                 BIGSERIAL PRIMARY KEY,
    account_id         BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    inbox_id           BIGINT NOT NULL,
    conversation_id    BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_type       SMALLINT NOT NULL,
    content            TEXT,
    content_type       TEXT NOT NULL DEFAULT 'text',
    content_attributes JSONB NOT NULL DEFAULT '{}',
    private            BOOLEAN NOT NULL DEFAULT FALSE,
    status             TEXT NOT NULL DEFAULT 'sent',
    sender_type        TEXT,
    sender_id          BIGINT,
    source_id          TEXT,
    echo_id            TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);
CREATE UNIQUE INDEX messages_source_uniq ON messages (conversation_id, source_id) WHERE source_id IS NOT NULL;
