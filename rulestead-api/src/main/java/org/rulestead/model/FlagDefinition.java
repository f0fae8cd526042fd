package org.rulestead.model;

import java.util.List;
import java.util.Objects;

/**
 * What defines a flag across all environments: its key, types, the default value it serves when no
 * rule decides, who owns it and how long it is meant to live.
 */
public record FlagDefinition(
        String key,
        String description,
        FlagType flagType,
        ValueType valueType,
        Object defaultValue,
        Ownership ownership,
        Lifecycle lifecycle,
        List<String> tags) {

    public FlagDefinition {
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(flagType, "flag type is required");
        Objects.requireNonNull(valueType, "value type is required");
        Objects.requireNonNull(ownership, "ownership is required");
        Objects.requireNonNull(lifecycle, "lifecycle is required");
        if (!valueType.accepts(defaultValue)) {
            throw new IllegalArgumentException("default value is not a " + valueType.wireName());
        }
        tags = List.copyOf(tags);
    }
}
