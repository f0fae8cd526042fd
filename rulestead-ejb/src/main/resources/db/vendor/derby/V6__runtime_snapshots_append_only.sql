CREATE TRIGGER runtime_snapshots_append_only_update AFTER UPDATE ON runtime_snapshots
    FOR EACH STATEMENT INSERT INTO append_only_guard VALUES ('runtime_snapshots is append-only');
CREATE TRIGGER runtime_snapshots_append_only_delete AFTER DELETE ON runtime_snapshots
    FOR EACH STATEMENT INSERT INTO append_only_guard VALUES ('runtime_snapshots is append-only');
