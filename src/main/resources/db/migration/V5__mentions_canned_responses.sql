-- Agents mentioned in private notes ("Mentions" view of the conversation list).
CREATE TABLE mentions (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id      BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mentioned_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (message_id, user_id)
);
CREATE INDEX mentions_user_idx ON mentions (user_id, conversation_id);

-- Saved replies an agent inserts with "/short_code" in the reply box.
CREATE TABLE canned_responses (
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    short_code TEXT NOT NULL,
    content    TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, short_code)
);
