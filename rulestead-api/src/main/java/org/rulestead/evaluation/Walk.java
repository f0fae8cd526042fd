package org.rulestead.evaluation;

/**
 * What every rule of one evaluation shares: the context, the strict flag in force, the
 * environment of the payload, and the rule's recorder when a trace was asked for.
 */
record Walk(EvaluationContext context, String environment, RuleRecorder recorder) {

    boolean tracing() {
        return recorder != null;
    }

    void warn(DebugTrace.Warning warning) {
        if (recorder != null) {
            recorder.warnings.add(warning);
        }
    }

    /** No identity to bucket by: an error in strict mode, otherwise the rule is skipped with a warning. */
    Outcome missingIdentity(String bucketBy) {
        if (context.strict()) {
            return new Outcome.Fail(EvaluationError.missingTargetingKey(bucketBy, environment));
        }
        warn(DebugTrace.Warning.missingTargetingKey(bucketBy));
        return Outcome.TARGETING_KEY_MISSING;
    }
}
