package org.rulestead.guardrail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.rulestead.model.WireNamed;
import org.rulestead.ruleset.EnvironmentScope;
import org.rulestead.ruleset.TenantScope;
import org.rulestead.ruleset.ThresholdOperator;

/**
 * Normalizes what a host reported for a guardrail into a {@link SignalFact}, exactly as spec §5.3
 * says: fields the report leaves out come from the query; numbers may arrive as strings and times
 * as ISO-8601 text; an explicit reason wins, else it is inferred (stale, then insufficient sample,
 * then the breach condition, else an invalid response); the status follows the reason unless the
 * report names a valid one. Nothing here fails: a report it cannot read fails closed.
 */
public final class SignalFacts {

    private SignalFacts() {}

    public static SignalFact normalize(GuardrailQuery query, SignalReport report, Instant now) {
        Instant evaluatedAt = now.truncatedTo(ChronoUnit.SECONDS);
        if (report instanceof SignalReport.NoProvider) {
            return fromQuery(query, FactReason.PROVIDER_MISSING, evaluatedAt);
        }
        if (report instanceof SignalReport.ProviderFailed) {
            return fromQuery(query, FactReason.INVALID_PROVIDER_RESPONSE, evaluatedAt);
        }
        if (report instanceof SignalReport.Refused refused) {
            FactReason reason = WireNamed.parseExactly(FactReason.class, refused.reason())
                    .orElse(FactReason.INVALID_PROVIDER_RESPONSE);
            return fromQuery(query, reason, evaluatedAt);
        }
        Map<String, Object> fields = ((SignalReport.Reported) report).fields();
        String tenantKey = text(fields.get("tenant_key"), query.tenantKey());
        ThresholdOperator operator =
                enumOr(ThresholdOperator.class, fields.get("threshold_operator"), query.thresholdOperator());
        BigDecimal threshold = decimal(fields.getOrDefault("threshold_value", query.thresholdValue()));
        BigDecimal observed = decimal(fields.get("observed_value"));
        Long freshness =
                whole(first(fields, "freshness_window_seconds", "max_age_seconds", query.freshnessWindowSeconds()));
        Long sample = whole(fields.get("sample_size"));
        Long minSample = whole(fields.getOrDefault("min_sample_size", query.minSampleSize()));
        Instant capturedAt = instant(fields.get("captured_at"));
        Instant at = fields.containsKey("evaluated_at") ? instant(fields.get("evaluated_at")) : evaluatedAt;
        at = at == null ? evaluatedAt : at;
        FactReason reason = fields.get("reason") == null
                ? infer(operator, threshold, observed, freshness, sample, minSample, capturedAt, at)
                : WireNamed.parseExactly(FactReason.class, fields.get("reason"))
                        .orElse(FactReason.INVALID_PROVIDER_RESPONSE);
        FactStatus status =
                WireNamed.parseExactly(FactStatus.class, fields.get("status")).orElse(statusOf(reason));
        return new SignalFact(
                text(fields.get("signal_key"), query.signalKey()),
                status,
                reason,
                text(fields.get("environment_key"), query.environmentKey()),
                tenantKey,
                enumOr(EnvironmentScope.class, fields.get("environment_scope"), query.environmentScope()),
                tenantScope(fields, query, tenantKey),
                scopeSource(fields, tenantKey),
                operator,
                threshold,
                observed,
                freshness,
                sample,
                minSample,
                capturedAt,
                at,
                fields.get("metadata") instanceof Map<?, ?> metadata ? stringKeys(metadata) : query.metadata());
    }

    /** The reason a report implies when it names none (spec §5.3, in this order). */
    private static FactReason infer(
            ThresholdOperator operator,
            BigDecimal threshold,
            BigDecimal observed,
            Long freshness,
            Long sample,
            Long minSample,
            Instant capturedAt,
            Instant evaluatedAt) {
        if (freshness != null
                && freshness >= 0
                && capturedAt != null
                && Duration.between(capturedAt, evaluatedAt).getSeconds() > freshness) {
            return FactReason.STALE;
        }
        if (sample != null && minSample != null && sample < minSample) {
            return FactReason.INSUFFICIENT_SAMPLE;
        }
        if (operator != null && threshold != null && observed != null) {
            int order = observed.compareTo(threshold);
            // the threshold operator states the breach condition: gte 0.05 breaches at 0.05 and above
            boolean breached =
                    switch (operator) {
                        case LT -> order < 0;
                        case LTE -> order <= 0;
                        case GT -> order > 0;
                        case GTE -> order >= 0;
                    };
            return breached ? FactReason.BREACHED : FactReason.HEALTHY;
        }
        return FactReason.INVALID_PROVIDER_RESPONSE;
    }

    private static FactStatus statusOf(FactReason reason) {
        if (reason == FactReason.HEALTHY) {
            return FactStatus.HEALTHY;
        }
        return reason == FactReason.BREACHED ? FactStatus.BREACHED : FactStatus.FAILED_CLOSED;
    }

    private static SignalFact fromQuery(GuardrailQuery query, FactReason reason, Instant evaluatedAt) {
        return new SignalFact(
                query.signalKey(),
                statusOf(reason),
                reason,
                query.environmentKey(),
                query.tenantKey(),
                query.environmentScope(),
                query.tenantKey() != null || query.tenantScope() == TenantScope.REQUIRED
                        ? TenantScope.REQUIRED
                        : TenantScope.NOT_APPLICABLE,
                query.tenantKey() != null ? ScopeSource.EXPLICIT : ScopeSource.HOST_RESOLVED,
                query.thresholdOperator(),
                decimal(query.thresholdValue()),
                null,
                whole(query.freshnessWindowSeconds()),
                null,
                whole(query.minSampleSize()),
                null,
                evaluatedAt,
                query.metadata());
    }

    /** Required where a tenant key is present or the guardrail asks for one, else not applicable. */
    private static TenantScope tenantScope(Map<String, Object> fields, GuardrailQuery query, String tenantKey) {
        TenantScope reported = enumOr(TenantScope.class, fields.get("tenant_scope"), null);
        if (reported != null) {
            return reported;
        }
        return tenantKey != null || query.tenantScope() == TenantScope.REQUIRED
                ? TenantScope.REQUIRED
                : TenantScope.NOT_APPLICABLE;
    }

    private static ScopeSource scopeSource(Map<String, Object> fields, String tenantKey) {
        ScopeSource reported = enumOr(ScopeSource.class, fields.get("scope_source"), null);
        if (reported != null) {
            return reported;
        }
        return tenantKey != null ? ScopeSource.EXPLICIT : ScopeSource.HOST_RESOLVED;
    }

    private static Object first(Map<String, Object> fields, String name, String alias, Object fallback) {
        if (fields.get(name) != null) {
            return fields.get(name);
        }
        return fields.get(alias) != null ? fields.get(alias) : fallback;
    }

    private static <E extends Enum<E> & WireNamed> E enumOr(Class<E> type, Object value, E fallback) {
        return value == null ? fallback : WireNamed.parseExactly(type, value).orElse(fallback);
    }

    private static String text(Object value, String fallback) {
        return value instanceof String text && !text.isBlank() ? text : fallback;
    }

    /** A number, or a string holding one ("0.05"); null for anything else. */
    public static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return value instanceof Double || value instanceof Float
                    ? BigDecimal.valueOf(number.doubleValue())
                    : new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** A whole number ("12" or 12 or 12.0); null for anything else. */
    public static Long whole(Object value) {
        BigDecimal decimal = decimal(value);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    /** An ISO-8601 instant at second precision; null for anything else. */
    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS);
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text.trim()).truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException notATime) {
                try {
                    return java.time.OffsetDateTime.parse(text.trim())
                            .toInstant()
                            .truncatedTo(ChronoUnit.SECONDS);
                } catch (DateTimeParseException notAnOffsetTime) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
