CREATE TRIGGER runtime_snapshots_append_only BEFORE UPDATE OR DELETE ON runtime_snapshots
    FOR EACH ROW EXECUTE FUNCTION rulestead_append_only();
