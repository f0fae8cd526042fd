package org.rulestead.flags;

import java.time.Instant;
import java.util.List;
import org.rulestead.model.FlagDefinition;

/** A flag as callers see it: its definition, where it lives, and its bookkeeping. */
public record FlagView(
        FlagDefinition definition,
        List<FlagEnvironmentView> environments,
        Instant archivedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public FlagView {
        environments = List.copyOf(environments);
    }

    public String key() {
        return definition.key();
    }
}
