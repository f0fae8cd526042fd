package org.rulestead.evaluation;

import java.util.Optional;

/**
 * The answer of one evaluation (spec §3.1, decisions 6). On an error, {@code value} is null,
 * {@code reason} is {@code ERROR} and {@code error} says what went wrong; evaluation never throws.
 *
 * @param enabled the truthiness of the value: {@code false} only for {@code false} and null
 * @param flagVersion the version of the ruleset that answered, not of the snapshot
 * @param killSwitch whether an engaged kill switch decided the answer (the reason stays
 *     {@code DEFAULT}, as in the reference)
 * @param trace the debug trace, when it was asked for: it may hold raw attribute values
 */
public record EvaluationResult(
        Object value,
        boolean enabled,
        String variant,
        Reason reason,
        String matchedRule,
        String flagKey,
        Long flagVersion,
        boolean killSwitch,
        EvaluationError error,
        DebugTrace trace) {

    public boolean isError() {
        return error != null;
    }

    public Optional<DebugTrace> debugTrace() {
        return Optional.ofNullable(trace);
    }

    /** The error answer for a flag the runtime does not serve. */
    public static EvaluationResult notFound(String flagKey, EvaluationError error) {
        return failure(flagKey, null, error, null);
    }

    static EvaluationResult failure(String flagKey, Long flagVersion, EvaluationError error, DebugTrace trace) {
        return new EvaluationResult(null, false, null, Reason.ERROR, null, flagKey, flagVersion, false, error, trace);
    }
}
