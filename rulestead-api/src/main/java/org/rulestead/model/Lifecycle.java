package org.rulestead.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A flag's lifecycle posture: expiring flags carry the date by which they are reviewed (the
 * expected expiration); permanent flags carry none.
 */
public record Lifecycle(LifecycleMode mode, LocalDate reviewBy, LifecycleSource source, boolean defaultOverridden) {

    public Lifecycle {
        Objects.requireNonNull(mode, "lifecycle mode is required");
        Objects.requireNonNull(source, "lifecycle source is required");
        if (mode == LifecycleMode.EXPIRING && reviewBy == null) {
            throw new IllegalArgumentException("reviewed expiring flags must set an expected expiration");
        }
        if (mode == LifecycleMode.PERMANENT) {
            reviewBy = null;
        }
    }

    /** The lifecycle an operator chose for a flag of {@code type}, recording how it relates to the suggestion. */
    public static Lifecycle chosen(FlagType type, LifecycleMode mode, LocalDate reviewBy) {
        Optional<LifecycleMode> suggested = suggestedMode(type);
        boolean overridden = suggested.isPresent() && suggested.get() != mode;
        LifecycleSource source;
        if (overridden) {
            source = LifecycleSource.OPERATOR_OVERRIDE;
        } else if (suggested.isEmpty()) {
            source = LifecycleSource.OPERATOR_REQUIRED;
        } else {
            source = LifecycleSource.FLAG_TYPE;
        }
        return new Lifecycle(mode, reviewBy, source, overridden);
    }

    /** The suggested mode for a flag type; remote config has none: the operator must choose (spec §1.2). */
    public static Optional<LifecycleMode> suggestedMode(FlagType type) {
        return switch (type) {
            case RELEASE, EXPERIMENT, MIGRATION -> Optional.of(LifecycleMode.EXPIRING);
            case KILL_SWITCH, OPERATIONAL, PERMISSION -> Optional.of(LifecycleMode.PERMANENT);
            case REMOTE_CONFIG -> Optional.empty();
        };
    }
}
