-- The nodes serving this database, as each last reported itself (every five seconds): for the
-- SRE's diagnostics ("which nodes are up, and what do they serve?"), never for coordination.
CREATE TABLE runtime_nodes (
    node_id            VARCHAR(255)  NOT NULL,
    started_at         TIMESTAMP     NOT NULL,
    last_seen_at       TIMESTAMP     NOT NULL,
    stale              BOOLEAN       NOT NULL,
    snapshot_versions  VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_runtime_nodes PRIMARY KEY (node_id)
);
