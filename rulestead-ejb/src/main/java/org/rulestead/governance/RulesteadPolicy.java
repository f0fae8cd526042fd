package org.rulestead.governance;

import java.util.Optional;

/**
 * The host's authorization seam (spec §6.2). The default, {@link RoleBasedPolicy}, decides from the
 * caller's roles; a host replaces it with a CDI bean of its own, annotated
 * {@code @Alternative @Priority(APPLICATION)}. An exception thrown here denies the action (from
 * {@link #can}) or falls back to the defaults (from the optional questions).
 */
public interface RulesteadPolicy {

    /**
     * Whether {@code actor} may perform {@code action} on {@code resource} in the environment
     * {@code environmentKey}. {@code null} means an action not bound to one environment: for a read
     * across environments (listing flags, audit events, change requests), a yes lets the caller
     * in and the service then asks again for each environment, answering only what those allow;
     * for a change to what every environment shares (creating a flag), a yes must hold everywhere.
     */
    boolean can(Actor actor, Action action, ResourceRef resource, String environmentKey);

    /**
     * Whether a governance action must go through a change request; empty for the default (a
     * governance action in a protected environment does).
     */
    default Optional<Boolean> changeRequestRequired(
            Actor actor, Action action, ResourceRef resource, String environmentKey) {
        return Optional.empty();
    }

    /**
     * Whether the submitter of a change request may approve it; empty for the default (not in a
     * protected environment, yes elsewhere).
     */
    default Optional<Boolean> allowSelfApproval(
            Actor actor, Action action, ResourceRef resource, String environmentKey) {
        return Optional.empty();
    }
}
