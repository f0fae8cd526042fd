package org.rulestead.evaluation;

import java.util.Optional;

/**
 * Where compiled flags come from: the runtime snapshot of an environment in production, an
 * in-memory double in a host application's tests.
 */
@FunctionalInterface
public interface FlagSource {

    /** The flag as it is served in {@code environment}, if it is. */
    Optional<CompiledFlag> flag(String environment, String flagKey);
}
