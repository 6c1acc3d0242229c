-- The archive's revision: bumped by every statement that writes editions (publish, revise, remove, migrate-storage),
-- whichever host or tool runs it, with a notification on 'archive_changed' at commit, so that every host's search
-- index follows. One row.
CREATE TABLE archive_revision (revision bigint NOT NULL);
INSERT INTO archive_revision (revision) VALUES (0);

CREATE FUNCTION archive_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE archive_revision SET revision = revision + 1;
    PERFORM pg_notify('archive_changed', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER editions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON editions
    FOR EACH STATEMENT EXECUTE FUNCTION archive_changed();
