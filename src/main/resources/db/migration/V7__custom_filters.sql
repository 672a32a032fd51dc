-- Chatwoot's custom filters ("folders"): a person's saved advanced filter, shown in the sidebar.
CREATE TABLE custom_filters (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    filter_type TEXT NOT NULL CHECK (filter_type IN ('conversation', 'contact', 'report')),
    query       JSONB NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX custom_filters_owner_idx ON custom_filters (account_id, user_id);
