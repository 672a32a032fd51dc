-- Issue 12: events are appended once to a log in the command's transaction; each reactor (automation, assignment,
-- reporting, webhooks, notifications, inbox membership) reads the log in batches past its own cursor and advances
-- the cursor in the transaction that handled the batch.
--
-- tx is the appending transaction's id. A reader takes only rows of transactions older than the oldest one still
-- running (pg_snapshot_xmin), so a row can never appear behind a cursor that already passed it (a bigserial alone
-- can: ids are handed out before commit). Rows are read in (tx, id) order, which keeps the order of one
-- conversation's events: its commands take the conversation's row lock, so they commit one after another.
CREATE TABLE event_log (
    id           bigserial PRIMARY KEY,
    tx           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_type   text        NOT NULL,
    payload      text        NOT NULL,
    published_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX event_log_position ON event_log (tx, id);

CREATE TABLE reactor_cursors (
    reactor    text PRIMARY KEY,
    tx         xid8        NOT NULL,
    id         bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- An event whose handling failed in a reactor: retried later with backoff, never blocking the events behind it.
CREATE TABLE reactor_failures (
    reactor         text        NOT NULL,
    event_id        bigint      NOT NULL,
    event_type      text        NOT NULL,
    payload         text        NOT NULL,
    error           text,
    attempts        int         NOT NULL DEFAULT 1,
    next_attempt_at timestamptz NOT NULL,
    failed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (reactor, event_id)
);
