-- First run (issue 13): the installation's onboarding happens once. Its row is the claim: two browsers onboarding a
-- fresh installation at once both insert id 1, the second waits for the first to commit and then finds the row taken.
CREATE TABLE installation_onboarding (
    id           INT PRIMARY KEY CHECK (id = 1),
    account_id   BIGINT,
    completed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Invitations and password resets: single-use, expiring links to set a password. Only the token's SHA-256 is kept, so
-- a copy of the database hands out no working link; a used link keeps its row, so it can say it was used.
CREATE TABLE password_links (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose      TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX password_links_user_idx ON password_links (user_id);

-- "Sign out everywhere": a dashboard session remembers the epoch it was signed in under and ends when it moved on.
ALTER TABLE users ADD COLUMN session_epoch INT NOT NULL DEFAULT 0;
