-- Evaluation evidence (spec §8.3): when a flag last answered in an environment and how often
-- each variant was served, added up by every node in batches, off the evaluation path.
CREATE TABLE evaluation_evidence (
    flag_key          VARCHAR(128)  NOT NULL,
    environment_key   VARCHAR(64)   NOT NULL,
    variant           VARCHAR(128)  NOT NULL,
    served            BIGINT        NOT NULL,
    last_evaluated_at TIMESTAMP     NOT NULL,
    CONSTRAINT pk_evaluation_evidence PRIMARY KEY (flag_key, environment_key, variant)
);
