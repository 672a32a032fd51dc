-- SLA policies (Chatwoot Enterprise's model): thresholds in seconds, counted in calendar time or in the inbox's
-- business hours. A policy applied to a conversation is an applied_sla (one per conversation); each breach is an
-- sla_event recording who had the conversation (assignee, team, inbox) when it happened, once per timer.
CREATE TABLE sla_policies (
    id                             bigserial PRIMARY KEY,
    account_id                     bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name                           text NOT NULL,
    description                    text,
    first_response_time_threshold  double precision,
    next_response_time_threshold   double precision,
    resolution_time_threshold      double precision,
    only_during_business_hours     boolean NOT NULL DEFAULT false,
    created_at                     timestamptz NOT NULL DEFAULT now(),
    updated_at                     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sla_policies_account ON sla_policies (account_id);

CREATE TABLE applied_slas (
    id              bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sla_policy_id   bigint NOT NULL REFERENCES sla_policies (id) ON DELETE CASCADE,
    conversation_id bigint NOT NULL UNIQUE REFERENCES conversations (id) ON DELETE CASCADE,
    sla_status      text NOT NULL DEFAULT 'active',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX applied_slas_account ON applied_slas (account_id, created_at);

CREATE TABLE sla_events (
    id              bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    applied_sla_id  bigint NOT NULL REFERENCES applied_slas (id) ON DELETE CASCADE,
    sla_policy_id   bigint NOT NULL,
    conversation_id bigint NOT NULL,
    inbox_id        bigint NOT NULL,
    assignee_id     bigint,
    team_id         bigint,
    event_type      text NOT NULL CHECK (event_type IN ('frt', 'nrt', 'rt')),
    timer_id        bigint NOT NULL UNIQUE,
    due_at          timestamptz NOT NULL,
    meta            jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL
);
CREATE INDEX sla_events_account ON sla_events (account_id, created_at);
CREATE INDEX sla_events_conversation ON sla_events (conversation_id);
