package org.rulestead.ruleset;

/**
 * A value a rule or a variant serves, written {@code {"value": v}} (spec §1.5). {@code v} is any
 * JSON value of the flag's value type, null included (a variant flag's "no variant").
 */
public record ServedValue(Object value) {

    public ServedValue {
        value = JsonValues.freeze(value);
    }
}
