-- Website live-chat widget (issue 14).

-- setup: the settings of an inbox whose channel is Chatwoot's Channel::WebWidget (inbox module)
CREATE TABLE channel_web_widgets (
    inbox_id               BIGINT PRIMARY KEY REFERENCES inboxes (id) ON DELETE CASCADE,
    website_token          TEXT NOT NULL UNIQUE,
    website_url            TEXT,
    widget_color           TEXT NOT NULL DEFAULT '#1f93ff',
    welcome_title          TEXT,
    welcome_tagline        TEXT,
    reply_time             TEXT NOT NULL DEFAULT 'in_a_few_minutes',
    pre_chat_form_enabled  BOOLEAN NOT NULL DEFAULT FALSE,
    pre_chat_form_options  JSONB NOT NULL DEFAULT '{}',
    continuity_via_email   BOOLEAN NOT NULL DEFAULT TRUE,
    selected_feature_flags TEXT[] NOT NULL DEFAULT ARRAY['attachments', 'emoji_picker', 'end_conversation'],
    allowed_domains        TEXT NOT NULL DEFAULT ''
);

-- widget: the secret that signs visitor tokens, shared by every node through the database
CREATE TABLE widget_secrets (
    id     INT PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
);
INSERT INTO widget_secrets (id, secret) VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- widget: what each visitor's live stream carries, numbered per visitor (contact inbox). The head row is
-- locked while an event is added, so numbers commit in order and a reader never skips one still uncommitted.
CREATE TABLE widget_stream_heads (
    contact_inbox_id BIGINT PRIMARY KEY REFERENCES contact_inboxes (id) ON DELETE CASCADE,
    last_seq         BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE widget_stream_events (
    contact_inbox_id BIGINT NOT NULL REFERENCES contact_inboxes (id) ON DELETE CASCADE,
    seq              BIGINT NOT NULL,
    name             TEXT NOT NULL,
    conversation_id  BIGINT NOT NULL,
    message_id       BIGINT,
    data             JSONB NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (contact_inbox_id, seq)
);
CREATE INDEX widget_stream_events_created_idx ON widget_stream_events (created_at);
