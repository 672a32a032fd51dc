-- Every node keeps the inboxes the public API looks up by identifier (InboxQueries.byIdentifier, a NodeCache): any
-- change to an inbox, by the application or straight SQL, tells every node to forget them, when it commits.
CREATE FUNCTION inboxes_changed_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('parley_node_caches', 'inbox-identifiers:0');
    RETURN NULL;
END $$;

CREATE TRIGGER inboxes_changed_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON inboxes
    FOR EACH STATEMENT EXECUTE FUNCTION inboxes_changed_notice();
