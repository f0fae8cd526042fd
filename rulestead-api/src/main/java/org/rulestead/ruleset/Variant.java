package org.rulestead.ruleset;

import java.util.Objects;

/**
 * One variant of a split or an experiment (spec §1.5, §2.9): its key, the value it serves and its
 * weight in percent (the number as read: an Integer stays an Integer).
 */
public record Variant(String key, ServedValue value, Number weight, Extras extras) {

    public Variant {
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(value, "value is required");
        Objects.requireNonNull(weight, "weight is required");
        extras = Extras.orNone(extras);
    }
}
