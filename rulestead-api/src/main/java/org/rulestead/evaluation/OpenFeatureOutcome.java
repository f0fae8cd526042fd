package org.rulestead.evaluation;

/**
 * A result in OpenFeature's terms (decisions 7), for OFREP and OpenFeature providers: its reason
 * and, for errors, its error code.
 *
 * @param reason {@code SPLIT}, {@code TARGETING_MATCH}, {@code DEFAULT}, {@code DISABLED},
 *     {@code STALE} or {@code ERROR}
 * @param errorCode for {@code ERROR} only: {@code FLAG_NOT_FOUND}, {@code TARGETING_KEY_MISSING},
 *     {@code PARSE_ERROR}, {@code INVALID_CONTEXT}, {@code TYPE_MISMATCH} or {@code GENERAL}
 */
public record OpenFeatureOutcome(String reason, String errorCode) {

    /**
     * @param stale whether the answer came from a snapshot the node could not refresh
     */
    public static OpenFeatureOutcome of(EvaluationResult result, boolean stale) {
        if (result.isError()) {
            return new OpenFeatureOutcome("ERROR", errorCode(result.error().type()));
        }
        if (stale) {
            return new OpenFeatureOutcome("STALE", null);
        }
        return switch (result.reason()) {
                // only splits and experiments choose variants
            case RULE_MATCH -> new OpenFeatureOutcome(result.variant() != null ? "SPLIT" : "TARGETING_MATCH", null);
            case FLAG_OFF -> new OpenFeatureOutcome("DISABLED", null);
            case TARGETING_KEY_MISSING -> new OpenFeatureOutcome("ERROR", "TARGETING_KEY_MISSING");
            case ERROR -> new OpenFeatureOutcome("ERROR", "GENERAL");
            case DEFAULT -> new OpenFeatureOutcome(result.killSwitch() ? "DISABLED" : "DEFAULT", null);
        };
    }

    /** A value of another type than the caller asked for. */
    public static OpenFeatureOutcome typeMismatch() {
        return new OpenFeatureOutcome("ERROR", "TYPE_MISMATCH");
    }

    private static String errorCode(ErrorType type) {
        return switch (type) {
            case FLAG_NOT_FOUND, ENVIRONMENT_NOT_FOUND, SNAPSHOT_NOT_FOUND, FLAG_ARCHIVED -> "FLAG_NOT_FOUND";
            case MISSING_TARGETING_KEY -> "TARGETING_KEY_MISSING";
            case MALFORMED_RUNTIME_DATA -> "PARSE_ERROR";
            case INVALID_VALUE_PROJECTION -> "TYPE_MISMATCH";
            default -> "GENERAL";
        };
    }
}
