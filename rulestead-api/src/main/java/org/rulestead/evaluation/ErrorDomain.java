package org.rulestead.evaluation;

import org.rulestead.model.WireNamed;

/** The area an error comes from (spec §3.2, a closed set; unknown is {@code config}). */
public enum ErrorDomain implements WireNamed {
    EVALUATION,
    RULESET,
    KILL_SWITCH,
    CONFIG,
    STORE,
    AUTH;

    public static ErrorDomain of(String name) {
        return WireNamed.parse(ErrorDomain.class, name).orElse(CONFIG);
    }
}
