-- Automation cost per event that does not grow with the number of rules (issue 12).

-- Every node caches an account's compiled rules; this version, bumped in the same transaction as any
-- change to the account's rules (by the trigger, whatever the writer), tells it when to reload.
CREATE TABLE automation_rule_versions (
    account_id BIGINT PRIMARY KEY,
    version    BIGINT NOT NULL
);

CREATE FUNCTION bump_automation_rule_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    account BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN account := OLD.account_id; ELSE account := NEW.account_id; END IF;
    INSERT INTO automation_rule_versions AS v (account_id, version) VALUES (account, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER automation_rules_bump_version AFTER INSERT OR UPDATE OR DELETE ON automation_rules
    FOR EACH ROW EXECUTE FUNCTION bump_automation_rule_version();

INSERT INTO automation_rule_versions (account_id, version) SELECT DISTINCT account_id, 1 FROM automation_rules;

-- The explain log: one row per event, which is also the event's claim (unique event_id), holding the
-- evaluation of every rule of the event keyed by rule id. rule_ids keeps the order the rules ran in;
-- skipped_reason is set when the whole event was skipped (caused by automation) and then evaluations is empty.
CREATE TABLE automation_runs (
    id               BIGSERIAL PRIMARY KEY,
    account_id       BIGINT NOT NULL,
    event_id         UUID NOT NULL UNIQUE,
    event_name       TEXT NOT NULL,
    conversation_id  BIGINT NOT NULL,
    display_id       BIGINT NOT NULL,
    rule_ids         BIGINT[] NOT NULL DEFAULT '{}',
    matched_rule_ids BIGINT[] NOT NULL DEFAULT '{}',
    skipped_reason   TEXT,
    evaluations      JSONB NOT NULL DEFAULT '{}',
    executed_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX automation_runs_rules_idx ON automation_runs USING gin (rule_ids);
CREATE INDEX automation_runs_conversation_idx ON automation_runs (conversation_id, executed_at DESC);
CREATE INDEX automation_runs_account_idx ON automation_runs (account_id, executed_at);
CREATE INDEX automation_runs_time_idx ON automation_runs (executed_at);

-- The log is kept: each event's per-rule rows become one run.
INSERT INTO automation_runs (account_id, event_id, event_name, conversation_id, display_id, rule_ids, matched_rule_ids, evaluations,
                             executed_at)
SELECT min(account_id), event_id, min(event_name), min(conversation_id), min(display_id), array_agg(rule_id ORDER BY id),
       coalesce(array_agg(rule_id ORDER BY id) FILTER (WHERE matched), '{}'),
       jsonb_object_agg(rule_id::text, jsonb_build_object('matched', matched, 'skipped_reason', skipped_reason, 'conditions', conditions,
                                                          'actions', actions)),
       min(executed_at)
FROM automation_rule_executions GROUP BY event_id;

DROP TABLE automation_rule_executions;
