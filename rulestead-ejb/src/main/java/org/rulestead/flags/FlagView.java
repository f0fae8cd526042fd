package org.rulestead.flags;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
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

    /** The flag as a reader of some environments only sees it: its state in those alone. */
    public FlagView within(Predicate<String> shownEnvironments) {
        return new FlagView(
                definition,
                environments.stream()
                        .filter(state -> shownEnvironments.test(state.environmentKey()))
                        .toList(),
                archivedAt,
                createdAt,
                updatedAt,
                version);
    }
}
