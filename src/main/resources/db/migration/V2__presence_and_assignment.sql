-- presence: the effective reachability of each account user, projected from availability and heartbeats
CREATE TABLE agent_presence (
    account_id        BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    user_id           BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    availability      TEXT NOT NULL DEFAULT 'offline',
    auto_offline      BOOLEAN NOT NULL DEFAULT TRUE,
    last_heartbeat_at TIMESTAMPTZ,
    online            BOOLEAN NOT NULL DEFAULT FALSE,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, user_id)
);
CREATE INDEX agent_presence_heartbeat_idx ON agent_presence (last_heartbeat_at) WHERE online AND auto_offline;

-- assignment: policies (Chatwoot's assignment_policies), their inboxes, and what auto-assignment did
CREATE TABLE assignment_policies (
    id                       BIGSERIAL PRIMARY KEY,
    account_id               BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                     TEXT NOT NULL,
    description              TEXT,
    assignment_order         TEXT NOT NULL DEFAULT 'round_robin' CHECK (assignment_order IN ('round_robin', 'balanced')),
    conversation_priority    TEXT NOT NULL DEFAULT 'earliest_created' CHECK (conversation_priority IN ('earliest_created', 'longest_waiting')),
    fair_distribution_limit  INT NOT NULL DEFAULT 100 CHECK (fair_distribution_limit > 0),
    fair_distribution_window INT NOT NULL DEFAULT 3600 CHECK (fair_distribution_window > 0),
    account_capacity_limit   INT CHECK (account_capacity_limit > 0),
    enabled                  BOOLEAN NOT NULL DEFAULT TRUE,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, name)
);

CREATE TABLE inbox_assignment_policies (
    inbox_id   BIGINT PRIMARY KEY REFERENCES inboxes (id) ON DELETE CASCADE,
    policy_id  BIGINT NOT NULL REFERENCES assignment_policies (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE auto_assignments (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT NOT NULL,
    inbox_id        BIGINT NOT NULL,
    user_id         BIGINT NOT NULL,
    conversation_id BIGINT NOT NULL,
    assigned_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX auto_assignments_inbox_user_idx ON auto_assignments (inbox_id, user_id, assigned_at DESC);

CREATE TABLE assignment_decisions (
    conversation_id BIGINT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    account_id      BIGINT NOT NULL,
    inbox_id        BIGINT NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    outcome         TEXT NOT NULL,
    chosen_user_id  BIGINT,
    explanation     JSONB NOT NULL
);

CREATE INDEX conversations_waiting_idx ON conversations (inbox_id, created_at) WHERE status = 'open' AND assignee_id IS NULL;
