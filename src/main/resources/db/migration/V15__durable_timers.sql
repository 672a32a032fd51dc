-- Durable timers (issue 16): delayed rules, return timers and scheduled messages. A timer is one row; while
-- it is armed (or being fired) it sits in a partial index on the time it next wants attention, so millions of
-- armed timers cost nothing until they are due. It is armed, moved and cancelled in the transaction of the
-- change that causes it; a poller on every node claims due timers in batches (FOR UPDATE SKIP LOCKED, oldest
-- first) with a lease, and fires each in its own transaction that checks the claim is still its own under the
-- row lock, so a timer fires once across crashes, restarts and nodes. Ended rows (fired, skipped, cancelled,
-- failed) stay as the timer's story for the explain log until retention deletes them.
CREATE TABLE timers (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT NOT NULL,           -- who fires it: automation_rule, scheduled_message
    subject         TEXT NOT NULL,           -- what it is about: at most one armed timer per kind and subject
    owner           TEXT,                    -- what made it (e.g. rule:12): cancelled together when that changes
    account_id      BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    conversation_id BIGINT REFERENCES conversations (id) ON DELETE CASCADE,
    state           TEXT NOT NULL DEFAULT 'armed', -- armed, firing, fired, skipped, cancelled, failed
    due_at          TIMESTAMPTZ NOT NULL,    -- when it is meant to fire
    next_try_at     TIMESTAMPTZ NOT NULL,    -- when a poller looks at it next: due_at, a claim's lease end, or a retry
    payload         JSONB NOT NULL DEFAULT '{}',
    armed_at        TIMESTAMPTZ NOT NULL,
    armed_by        TEXT NOT NULL,
    moves           INT NOT NULL DEFAULT 0,
    moved_at        TIMESTAMPTZ,
    moved_by        TEXT,
    claim_token     UUID,
    attempts        INT NOT NULL DEFAULT 0,
    last_error      TEXT,
    ended_at        TIMESTAMPTZ,
    ended_by        TEXT,
    outcome         TEXT
);

CREATE UNIQUE INDEX timers_live_subject ON timers (kind, subject) WHERE state IN ('armed', 'firing');
CREATE INDEX timers_next_try ON timers (next_try_at, id) WHERE state IN ('armed', 'firing');
CREATE INDEX timers_live_owner ON timers (owner) WHERE state IN ('armed', 'firing');
CREATE INDEX timers_conversation ON timers (conversation_id, id);
CREATE INDEX timers_ended ON timers (ended_at) WHERE ended_at IS NOT NULL;

-- Chatwoot's delayed rules (PR #15022): minutes from the event to the rule's run, 10..43200; null runs at once.
ALTER TABLE automation_rules ADD COLUMN execution_delay INTEGER;

-- A run fired by a timer says so: when the timer was armed, by what, how often it moved, when it was due.
ALTER TABLE automation_runs ADD COLUMN timer JSONB;
