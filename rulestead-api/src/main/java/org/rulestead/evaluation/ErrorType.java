package org.rulestead.evaluation;

import org.rulestead.model.WireNamed;

/**
 * The closed set of error types (spec §3.2) with their canonical messages, which operator tools
 * match on. Unknown names normalize to {@code INVALID_COMMAND}.
 */
public enum ErrorType implements WireNamed {
    FLAG_NOT_FOUND("flag was not found for the requested environment"),
    ENVIRONMENT_NOT_FOUND("environment was not found"),
    SNAPSHOT_NOT_FOUND("runtime snapshot was not found for the requested environment"),
    RULESET_NOT_FOUND("ruleset was not found"),
    MISSING_TARGETING_KEY("targeting_key is required for sticky evaluation"),
    REPO_NOT_CONFIGURED("repo_not_configured"),
    REPO_AMBIGUOUS("repo_ambiguous"),
    STORE_NOT_CONFIGURED("rulestead store adapter is not configured"),
    STORE_ADAPTER_INVALID("configured rulestead store adapter is invalid"),
    STORE_UNAVAILABLE("store is unavailable"),
    INVALID_COMMAND("invalid_command"),
    INVALID_RULESET("ruleset is invalid"),
    VARIANT_WEIGHTS_INVALID("variant weights must sum to 100%"),
    INVALID_VALUE_PROJECTION("evaluation result could not be projected into the requested value shape"),
    MALFORMED_RUNTIME_DATA("authored runtime data is malformed"),
    FLAG_ARCHIVED("flag is archived and cannot be changed"),
    UNAUTHORIZED("caller is not authorized to perform this action"),
    KILL_SWITCH_ACTIVE("flag is disabled by an active kill switch"),
    /** Part of the spec's closed set for callers' parity; nothing in Rulestead answers it. */
    NOT_IMPLEMENTED("not_implemented");

    private final String canonicalMessage;

    ErrorType(String canonicalMessage) {
        this.canonicalMessage = canonicalMessage;
    }

    public String canonicalMessage() {
        return canonicalMessage;
    }

    public static ErrorType of(String name) {
        return WireNamed.parse(ErrorType.class, name).orElse(INVALID_COMMAND);
    }
}
