-- Derby has no way to raise an error from a trigger, so a guard table that refuses every row does
-- it: a trigger that inserts into it fails the statement, whose changes roll back.
CREATE TABLE append_only_guard (
    violation VARCHAR(128) NOT NULL,
    CONSTRAINT ck_append_only_violated CHECK (violation IS NULL)
);

CREATE TRIGGER audit_events_append_only_update AFTER UPDATE ON audit_events
    FOR EACH STATEMENT INSERT INTO append_only_guard VALUES ('audit_events is append-only');
CREATE TRIGGER audit_events_append_only_delete AFTER DELETE ON audit_events
    FOR EACH STATEMENT INSERT INTO append_only_guard VALUES ('audit_events is append-only');

CREATE TRIGGER rulesets_published_immutable AFTER UPDATE ON rulesets
    REFERENCING OLD AS previous FOR EACH ROW WHEN (previous.status = 'PUBLISHED')
    INSERT INTO append_only_guard VALUES ('published rulesets are immutable');
CREATE TRIGGER rulesets_published_undeletable AFTER DELETE ON rulesets
    REFERENCING OLD AS previous FOR EACH ROW WHEN (previous.status = 'PUBLISHED')
    INSERT INTO append_only_guard VALUES ('published rulesets are immutable');
