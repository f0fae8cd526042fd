package org.rulestead.schedule;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a scheduled execution stands (spec §6.7): {@code scheduled → completed | scheduled (retry)
 * | quarantined | cancelled}, {@code quarantined → scheduled} on requeue. An execution row is never
 * left {@code running} or {@code failed}: an attempt is, and the execution records how it ended.
 */
public enum ExecutionState {
    SCHEDULED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    QUARANTINED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of {@code wireName}, if it is one. */
    public static Optional<ExecutionState> of(String wireName) {
        for (ExecutionState state : values()) {
            if (state.wireName().equals(wireName)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** Whether the scheduler will still run it: waiting for its time or for a retry. */
    public boolean pending() {
        return this == SCHEDULED || this == RUNNING;
    }
}
