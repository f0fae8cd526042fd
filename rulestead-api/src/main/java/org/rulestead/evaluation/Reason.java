package org.rulestead.evaluation;

import org.rulestead.model.WireNamed;

/**
 * Why an evaluation gave its value (spec §3.1, a closed set). The evaluator produces
 * {@code RULE_MATCH}, {@code DEFAULT} and {@code ERROR}; the others exist for the API's stability.
 */
public enum Reason implements WireNamed {
    RULE_MATCH,
    DEFAULT,
    TARGETING_KEY_MISSING,
    FLAG_OFF,
    ERROR;

    /** Any unknown name normalizes to {@code ERROR}. */
    public static Reason of(String name) {
        return WireNamed.parse(Reason.class, name).orElse(ERROR);
    }
}
