-- The version of an environment's role grants: every grant and revocation there advances it, so
-- an admin's write states the grants it read and a stale one is refused (decisions 17).
ALTER TABLE environments ADD COLUMN grants_version BIGINT DEFAULT 0 NOT NULL;
