package org.rulestead.guardrail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rulestead.ruleset.EnvironmentScope;
import org.rulestead.ruleset.Guardrail;
import org.rulestead.ruleset.TenantScope;
import org.rulestead.ruleset.ThresholdOperator;

/**
 * What a guardrail asks the host's signal provider (spec §5.3): the signal, where, for which
 * tenant, and the breach condition with the freshness and sample size a fact needs.
 */
public record GuardrailQuery(
        String signalKey,
        String environmentKey,
        String tenantKey,
        EnvironmentScope environmentScope,
        TenantScope tenantScope,
        ThresholdOperator thresholdOperator,
        Number thresholdValue,
        Number freshnessWindowSeconds,
        Number minSampleSize,
        Map<String, Object> metadata) {

    public GuardrailQuery {
        Objects.requireNonNull(signalKey, "signal_key is required");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The query of an authored guardrail in an environment, for a tenant (null for none). */
    public static GuardrailQuery of(Guardrail guardrail, String environmentKey, String tenantKey) {
        return new GuardrailQuery(
                guardrail.signalKey(),
                environmentKey,
                tenantKey,
                guardrail.environmentScope() == null ? EnvironmentScope.ENVIRONMENT : guardrail.environmentScope(),
                guardrail.tenantScope(),
                guardrail.thresholdOperator(),
                guardrail.thresholdValue(),
                guardrail.freshnessWindowSeconds(),
                guardrail.minSampleSize(),
                Map.of());
    }
}
