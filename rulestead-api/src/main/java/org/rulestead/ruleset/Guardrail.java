package org.rulestead.ruleset;

import java.util.Objects;

/**
 * A guardrail on a rollout (spec §1.5, §5.3): the signal it watches, the breach condition
 * ({@code threshold_operator} and {@code threshold_value}), how fresh and how large a sample must
 * be to decide, and its scopes (null when the document leaves them to their defaults, {@code
 * environment} and {@code not_applicable}).
 */
public record Guardrail(
        String signalKey,
        ThresholdOperator thresholdOperator,
        Number thresholdValue,
        Number freshnessWindowSeconds,
        Number minSampleSize,
        EnvironmentScope environmentScope,
        TenantScope tenantScope,
        Extras extras) {

    public Guardrail {
        Objects.requireNonNull(signalKey, "signal_key is required");
        Objects.requireNonNull(thresholdOperator, "threshold_operator is required");
        Objects.requireNonNull(thresholdValue, "threshold_value is required");
        Objects.requireNonNull(freshnessWindowSeconds, "freshness_window_seconds is required");
        Objects.requireNonNull(minSampleSize, "min_sample_size is required");
        extras = Extras.orNone(extras);
    }
}
