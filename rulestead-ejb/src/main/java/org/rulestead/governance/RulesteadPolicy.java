package org.rulestead.governance;

/**
 * The host's authorization seam (spec §6.2). The default, {@link RoleBasedPolicy}, decides from the
 * caller's roles; a host replaces it with a CDI bean of its own, annotated
 * {@code @Alternative @Priority(APPLICATION)}. An exception thrown here denies the action.
 */
public interface RulesteadPolicy {

    /**
     * Whether {@code actor} may perform {@code action} on {@code resource} in the environment
     * {@code environmentKey} ({@code null} for flag-wide actions such as creating a flag).
     */
    boolean can(Actor actor, Action action, ResourceRef resource, String environmentKey);
}
