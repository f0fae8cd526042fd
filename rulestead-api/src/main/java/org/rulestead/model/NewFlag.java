package org.rulestead.model;

import java.util.List;
import java.util.Objects;

/** A flag to create, and the environments it starts in (none named: all of them). */
public record NewFlag(FlagDefinition definition, List<String> environmentKeys) {

    public NewFlag {
        Objects.requireNonNull(definition, "definition is required");
        environmentKeys = List.copyOf(environmentKeys);
    }
}
