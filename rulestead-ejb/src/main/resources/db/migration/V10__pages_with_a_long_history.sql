-- Pages whose cost does not grow with the history (issue 11, item 8).

-- How far the audit hash chain is known to be intact: every event from the first through
-- verified_seq was checked, the last of them hashing to verified_hash. The audit page checks only
-- the events after it and moves it forward; the full check (GET /api/v1/admin/audit/verify, or the
-- page's "Verify the whole chain") walks every event and sets it to what it found intact. A record
-- of checks, not part of the chain: the full check never reads it.
CREATE TABLE audit_chain_checkpoint (
    id               INTEGER      NOT NULL PRIMARY KEY,
    verified_seq     BIGINT       NOT NULL,
    verified_hash    VARCHAR(64)  NOT NULL,
    verified_at      TIMESTAMP,
    full_check_at    TIMESTAMP,
    full_check_valid BOOLEAN
);
INSERT INTO audit_chain_checkpoint (id, verified_seq, verified_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Newest-first pages: each filter the pages use leads an index that ends in the chain position,
-- so a page reads its rows in order from one index range and stops at the page's end. Descending,
-- because Derby reads an index in its own order only (PostgreSQL reads either way).
CREATE INDEX ix_audit_events_newest ON audit_events (chain_seq DESC);
CREATE INDEX ix_audit_events_env_newest ON audit_events (environment_key, chain_seq DESC);
CREATE INDEX ix_audit_events_env_type_newest ON audit_events (environment_key, event_type, chain_seq DESC);
CREATE INDEX ix_audit_events_type_newest ON audit_events (event_type, chain_seq DESC);
CREATE INDEX ix_audit_events_actor_newest ON audit_events (actor_id, chain_seq DESC);
CREATE INDEX ix_audit_events_flag_newest ON audit_events (resource_type, resource_key, chain_seq DESC);
CREATE INDEX ix_audit_events_flag_env_newest
    ON audit_events (resource_type, resource_key, environment_key, chain_seq DESC);
CREATE INDEX ix_audit_events_flag_env_type_newest
    ON audit_events (resource_type, resource_key, environment_key, event_type, chain_seq DESC);
-- ix_audit_events_flag_newest starts with the same columns
DROP INDEX ix_audit_events_resource;

CREATE INDEX ix_change_requests_newest ON change_requests (id DESC);
CREATE INDEX ix_change_requests_env_newest ON change_requests (environment_key, id DESC);
CREATE INDEX ix_change_requests_env_status_newest ON change_requests (environment_key, status, id DESC);
CREATE INDEX ix_change_requests_status_newest ON change_requests (status, id DESC);
CREATE INDEX ix_change_requests_flag_newest ON change_requests (resource_key, id DESC);
-- ix_change_requests_status_newest starts with the same column
DROP INDEX ix_change_requests_status;

-- The overview's engaged kill switches
CREATE INDEX ix_flag_environments_status ON flag_environments (environment_id, status);
