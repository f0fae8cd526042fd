package org.rulestead.governance;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where a read across environments may look, for one operator and one action: the policy is asked
 * once per environment, and what lies outside is left out of the answer rather than refused, so a
 * list shows what its reader holds a role for. Events and requests that belong to no environment
 * (a flag created for all of them) are in scope: the operator passed the check across
 * environments to get here.
 */
public final class EnvironmentScope {

    private final Actor actor;
    private final Predicate<String> allowedIn;
    private final Map<String, Boolean> asked = new HashMap<>();

    EnvironmentScope(Actor actor, Predicate<String> allowedIn) {
        this.actor = actor;
        this.allowedIn = allowedIn;
    }

    public Actor actor() {
        return actor;
    }

    /** Whether what belongs to {@code environmentKey} is shown ({@code null}: to no one environment). */
    public boolean includes(String environmentKey) {
        return environmentKey == null || asked.computeIfAbsent(environmentKey, allowedIn::test);
    }

    /** The environments of {@code environmentKeys} in scope, in their order. */
    public List<String> within(Collection<String> environmentKeys) {
        return environmentKeys.stream().filter(this::includes).toList();
    }

    /**
     * What a query across {@code environmentKeys} must be narrowed to: null when every one is in
     * scope (nothing to leave out), else those in scope (empty: none).
     */
    public List<String> narrowing(Collection<String> environmentKeys) {
        return coversAll(environmentKeys) ? null : within(environmentKeys);
    }

    /** Whether every environment of {@code environmentKeys} is in scope: then nothing needs leaving out. */
    public boolean coversAll(Collection<String> environmentKeys) {
        return environmentKeys.stream().allMatch(this::includes);
    }
}
