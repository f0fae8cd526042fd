package org.rulestead.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error an evaluation answered with instead of a value (spec §3.2). Metadata holds scalars
 * only: anything else is dropped.
 */
public record EvaluationError(ErrorDomain domain, ErrorType type, String message, Map<String, Object> metadata) {

    public EvaluationError {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(type, "type");
        message = message == null || message.isBlank() ? type.wireName() : message;
        Map<String, Object> scalars = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((key, value) -> {
                if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                    scalars.put(key, value);
                }
            });
        }
        metadata = Collections.unmodifiableMap(scalars);
    }

    static EvaluationError malformed(String problem) {
        return new EvaluationError(
                ErrorDomain.EVALUATION,
                ErrorType.MALFORMED_RUNTIME_DATA,
                ErrorType.MALFORMED_RUNTIME_DATA.canonicalMessage(),
                Map.of("problem", problem));
    }

    static EvaluationError missingTargetingKey(String bucketBy, String environment) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("bucket_by", bucketBy);
        metadata.put("environment", environment);
        return new EvaluationError(
                ErrorDomain.EVALUATION,
                ErrorType.MISSING_TARGETING_KEY,
                ErrorType.MISSING_TARGETING_KEY.canonicalMessage(),
                metadata);
    }
}
