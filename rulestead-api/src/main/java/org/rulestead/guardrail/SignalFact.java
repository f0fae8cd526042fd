package org.rulestead.guardrail;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rulestead.ruleset.EnvironmentScope;
import org.rulestead.ruleset.TenantScope;
import org.rulestead.ruleset.ThresholdOperator;

/**
 * A normalized guardrail signal fact (spec §1, §5.3): what was observed, against which breach
 * condition, how fresh and how large the sample, and what it lets the guardrail conclude. Times
 * are at second precision. Read one from a report with {@link SignalFacts#normalize}.
 */
public record SignalFact(
        String signalKey,
        FactStatus status,
        FactReason reason,
        String environmentKey,
        String tenantKey,
        EnvironmentScope environmentScope,
        TenantScope tenantScope,
        ScopeSource scopeSource,
        ThresholdOperator thresholdOperator,
        BigDecimal thresholdValue,
        BigDecimal observedValue,
        Long freshnessWindowSeconds,
        Long sampleSize,
        Long minSampleSize,
        Instant capturedAt,
        Instant evaluatedAt,
        Map<String, Object> metadata) {

    public SignalFact {
        Objects.requireNonNull(signalKey, "signal_key is required");
        Objects.requireNonNull(status, "status is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(evaluatedAt, "evaluated_at is required");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The fact in the spec's JSON shape, as audit metadata ({@code metadata.guardrail}) and storage carry it. */
    public Map<String, Object> toMap() {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("signal_key", signalKey);
        fact.put("status", status.wireName());
        fact.put("reason", reason.wireName());
        fact.put("environment_key", environmentKey);
        fact.put("tenant_key", tenantKey);
        fact.put("environment_scope", environmentScope == null ? null : environmentScope.wireName());
        fact.put("tenant_scope", tenantScope == null ? null : tenantScope.wireName());
        fact.put("scope_source", scopeSource == null ? null : scopeSource.wireName());
        fact.put("threshold_operator", thresholdOperator == null ? null : thresholdOperator.wireName());
        fact.put("threshold_value", thresholdValue);
        fact.put("observed_value", observedValue);
        fact.put("freshness_window_seconds", freshnessWindowSeconds);
        fact.put("sample_size", sampleSize);
        fact.put("min_sample_size", minSampleSize);
        fact.put("captured_at", capturedAt == null ? null : capturedAt.toString());
        fact.put("evaluated_at", evaluatedAt.toString());
        fact.put("metadata", metadata);
        return fact;
    }
}
