package org.rulestead.evaluation;

/** What one rule, or one of its gates, decided for a context. */
sealed interface Outcome {

    /** The rule answers with this value (and variant, for splits and experiments). */
    record Match(Object value, String variant) implements Outcome {}

    /** The rule does not apply; the walk goes on with the next rule. */
    record Skip(String reason) implements Outcome {}

    /** The walk stops with an error: no default is served. */
    record Fail(EvaluationError error) implements Outcome {}

    /** A bucketing gate let the identity through; the variant bucket comes along. */
    record Included(String identity, int bucket, int variantBucket) implements Outcome {}

    Skip CONDITIONS_NOT_MET = new Skip("conditions_not_met");
    Skip ROLLOUT_EXCLUDED = new Skip("rollout_excluded");
    Skip TARGETING_KEY_MISSING = new Skip("targeting_key_missing");
    Skip MISSING_ROLLOUT = new Skip("missing_rollout");
    Skip MISSING_EXPERIMENT = new Skip("missing_experiment");
    Skip AUDIENCE_MISSING = new Skip("audience_missing");
    Skip AUDIENCE_ARCHIVED = new Skip("audience_archived");
    Skip AUDIENCE_MISSED = new Skip("audience_missed");
}
