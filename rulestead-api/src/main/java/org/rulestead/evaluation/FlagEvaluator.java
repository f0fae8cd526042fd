package org.rulestead.evaluation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The call host code gates a path with: one environment, flags from a {@link FlagSource}, an
 * explicit context every time. It never throws: an unknown flag or a failed evaluation gives the
 * caller's fallback (and an error result for {@link #evaluate}).
 */
public final class FlagEvaluator {

    private final FlagSource source;
    private final String environment;
    private final EvaluationListener listener;

    public FlagEvaluator(FlagSource source, String environment, EvaluationListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.listener = listener == null ? EvaluationListener.NONE : listener;
    }

    public String environment() {
        return environment;
    }

    /** The full answer: value, variant, reason, matched rule, or the error. */
    public EvaluationResult evaluate(String flagKey, EvaluationContext context) {
        EvaluationResult result = source.flag(environment, flagKey)
                .map(flag -> flag.evaluate(context))
                .orElseGet(() -> EvaluationResult.failure(flagKey, null, notFound(flagKey), null));
        listener.evaluated(flagKey, result.reason());
        return result;
    }

    /** Whether the flag is on for this context: its value is neither {@code false} nor null. */
    public boolean isEnabled(String flagKey, EvaluationContext context) {
        return evaluate(flagKey, context).enabled();
    }

    /** The value for this context, or {@code fallback} when it is null, of another type, or failed. */
    public <T> T value(String flagKey, EvaluationContext context, T fallback) {
        Object value = evaluate(flagKey, context).value();
        if (value == null || fallback != null && !fallback.getClass().isInstance(value)) {
            return fallback;
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    /** The variant served to this context, if a split or experiment chose one. */
    public Optional<String> variant(String flagKey, EvaluationContext context) {
        return Optional.ofNullable(evaluate(flagKey, context).variant());
    }

    private EvaluationError notFound(String flagKey) {
        return new EvaluationError(
                ErrorDomain.EVALUATION,
                ErrorType.FLAG_NOT_FOUND,
                "runtime flag was not found",
                Map.of("flag_key", String.valueOf(flagKey), "environment_key", environment));
    }
}
