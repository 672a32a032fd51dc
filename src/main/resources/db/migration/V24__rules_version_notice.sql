-- Nodes remember an account's rules version (shared/NodeCaches) and forget it on a notice on parley_node_caches.
-- The application announces its own changes; the trigger that bumps the version now announces every change,
-- straight SQL included, so a node never keeps a version that some write around the application has moved.
-- (PostgreSQL folds identical notices of one transaction into one, so a bulk change sends one per account.)
CREATE OR REPLACE FUNCTION bump_automation_rule_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    account BIGINT;
BEGIN
    IF TG_OP = 'DELETE' THEN account := OLD.account_id; ELSE account := NEW.account_id; END IF;
    INSERT INTO automation_rule_versions AS v (account_id, version) VALUES (account, 1)
    ON CONFLICT (account_id) DO UPDATE SET version = v.version + 1;
    PERFORM pg_notify('parley_node_caches', 'automation-rules-version:' || account);
    RETURN NULL;
END $$;
