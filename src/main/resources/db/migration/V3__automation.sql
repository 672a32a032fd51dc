-- automation: Chatwoot's rules, with Parley's order (position), stop_processing, self-protection and an explainable log
CREATE TABLE automation_rules (
    id                  BIGSERIAL PRIMARY KEY,
    account_id          BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    description         TEXT,
    event_name          TEXT NOT NULL,
    conditions          JSONB NOT NULL DEFAULT '[]',
    actions             JSONB NOT NULL DEFAULT '[]',
    active              BOOLEAN NOT NULL DEFAULT TRUE,
    position            INT,
    stop_processing     BOOLEAN NOT NULL DEFAULT FALSE,
    runtime_error_count INT NOT NULL DEFAULT 0,
    disabled_reason     TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX automation_rules_account_event_idx ON automation_rules (account_id, event_name) WHERE active;

CREATE TABLE automation_rule_executions (
    id              BIGSERIAL PRIMARY KEY,
    account_id      BIGINT NOT NULL,
    rule_id         BIGINT NOT NULL REFERENCES automation_rules (id) ON DELETE CASCADE,
    event_id        UUID NOT NULL,
    event_name      TEXT NOT NULL,
    conversation_id BIGINT NOT NULL,
    display_id      BIGINT NOT NULL,
    matched         BOOLEAN NOT NULL DEFAULT FALSE,
    skipped_reason  TEXT,
    conditions      JSONB NOT NULL DEFAULT '[]',
    actions         JSONB NOT NULL DEFAULT '[]',
    executed_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (rule_id, event_id)
);
CREATE INDEX automation_rule_executions_rule_idx ON automation_rule_executions (rule_id, executed_at DESC);
CREATE INDEX automation_rule_executions_conversation_idx ON automation_rule_executions (conversation_id, executed_at DESC);
CREATE INDEX automation_rule_executions_time_idx ON automation_rule_executions (executed_at);
