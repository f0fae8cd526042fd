package org.rulestead.evaluation;

/**
 * What a flag can answer, decided when it is compiled: a matched rule's value, variant and key,
 * the default. Results without a trace do not depend on the context, so the hot path hands out
 * these instances instead of making new ones.
 */
final class Answers {

    private final String flagKey;
    private final Long version;
    private final String environment;
    private final EvaluationResult defaulted;

    Answers(String flagKey, Long version, String environment, Object defaultValue, boolean killSwitched) {
        this.flagKey = flagKey;
        this.version = version;
        this.environment = environment;
        this.defaulted = new EvaluationResult(
                defaultValue,
                Values.truthy(defaultValue),
                null,
                Reason.DEFAULT,
                null,
                flagKey,
                version,
                killSwitched,
                null,
                null);
    }

    String flagKey() {
        return flagKey;
    }

    /** The flag key as bucketing hashes it: a missing key is the empty string. */
    String hashKey() {
        return flagKey == null ? "" : flagKey;
    }

    Long version() {
        return version;
    }

    String environment() {
        return environment;
    }

    EvaluationResult defaulted() {
        return defaulted;
    }

    EvaluationResult match(String ruleKey, Object value, String variant) {
        return new EvaluationResult(
                value, Values.truthy(value), variant, Reason.RULE_MATCH, ruleKey, flagKey, version, false, null, null);
    }

    EvaluationResult failure(EvaluationError error) {
        return EvaluationResult.failure(flagKey, version, error, null);
    }

    /** No identity to bucket by, on the hot path: an error when strict, else the rule is skipped (null). */
    EvaluationResult missingIdentity(EvaluationContext context, String bucketBy) {
        return context.strict() ? failure(EvaluationError.missingTargetingKey(bucketBy, environment)) : null;
    }
}
